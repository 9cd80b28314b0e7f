/** The service provider identity rules, and what a URL does with identities that pass them. */
import { identityProblem, MAX_IDENTITY_LENGTH } from '../../../provider/resources/provider-identity';
import { rankAsRead } from '../../../provider/resources/policy-scope';
import { routes } from '../../../teams/routes';

const PREFIX = '/Skype.Policy/configurations/VideoInteropServiceProvider/configuration/';
/** The path the client requests, joined to its base as teams/http.ts does. */
const requested = (identity: string) => new URL('/api' + routes.provider(identity), 'https://api.example.com/api/').pathname;

describe('a service provider identity', () => {
  it.each(['Pexip', 'Polycom', 'BlueJeans', 'PexipServiceProviderEnabled', 'P'.repeat(MAX_IDENTITY_LENGTH), 'a.b', '...', 'Pexip Infinity'])('accepts %s', (identity) => {
    expect(identityProblem(identity)).toBeUndefined();
  });

  it.each([
    ['.', 'must not be "." or ".."'],
    ['..', 'must not be "." or ".."'],
    ['a/b', 'must not contain "/"'],
    ['a\\b', 'must not contain "/"'],
    ['Pexip ', 'must not start or end with spaces'],
    [' Pexip', 'must not start or end with spaces'],
    ['Pex\u001bip', 'must not contain control characters'],
    ['', 'must name the vendor'],
    ['P'.repeat(100_000), `must be at most ${MAX_IDENTITY_LENGTH} characters (got 100000)`],
  ])('refuses %j', (identity, message) => {
    expect(identityProblem(identity)).toContain(message);
  });

  // Every identity the rules accept stays one segment of the provider's path and decodes back to itself.
  it.each(['Pexip', '...', 'a.b', '%2e%2e', '?x=1', '#frag', 'a;b', '%2F', 'Pexip Infinity', 'ü', 'a:b', '~x'])(
    'cannot change the request path: %j',
    (identity) => {
      expect(identityProblem(identity)).toBeUndefined();
      const path = requested(identity);
      expect(path.startsWith(`/api${PREFIX}`)).toBe(true);
      const segment = path.slice(`/api${PREFIX}`.length);
      expect(segment).not.toContain('/');
      expect(decodeURIComponent(segment)).toBe(identity);
    },
  );

  it('would be moved by a URL if "." and ".." were allowed: why the rules refuse them', () => {
    expect(requested('..')).toBe('/api/Skype.Policy/configurations/VideoInteropServiceProvider/');
    expect(requested('.')).toBe(`/api${PREFIX}`);
  });
});

describe('a group rank as read back', () => {
  it('keeps a configured rank past the end while the group is last', () => {
    expect(rankAsRead(10, 1, 1)).toBe(10);
  });

  it('shows the live rank once another group comes after it', () => {
    expect(rankAsRead(10, 1, 2)).toBe(1);
  });

  it('shows the live rank when it differs within the list', () => {
    expect(rankAsRead(1, 2, 3)).toBe(2);
    expect(rankAsRead(2, 3, 3)).toBe(3);
  });
});
