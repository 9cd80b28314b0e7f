import { redact, ConflictError, UnknownPolicyError } from '../../../teams';
import { splitIntoBatches, isUserSuccess } from '../../../teams/batch';

describe('redact', () => {
  test('a bearer token is replaced', () => {
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [redacted]');
  });

  test('a bare JWT is replaced', () => {
    expect(redact('token eyJhbGciOi.eyJ0aWQiOiJ4In0.sig-part here')).toBe('token [redacted-jwt] here');
  });

  test('secret-style pairs are replaced, keeping the key', () => {
    expect(redact('client_secret=abc123&x=1 password: "hunter2"')).toBe('client_secret=[redacted]&x=1 password: "[redacted]"');
  });

  test('text without credentials is unchanged', () => {
    expect(redact('provider Pexip: not found')).toBe('provider Pexip: not found');
  });
});

describe('error messages', () => {
  test('a conflict names the tenant and the object and says to import it', () => {
    expect(new ConflictError({ tenantId: 't1', object: 'provider Pexip' }).message).toBe(
      'tenant t1: provider Pexip: already exists: import it into the stack that should own it instead of creating it again',
    );
  });

  test('an unknown policy lists the policies the tenant has', () => {
    const err = new UnknownPolicyError({ tenantId: 't1', object: 'user a@b.com' }, 'Acme', ['Global', 'PexipServiceProviderEnabled']);
    expect(err.message).toBe('tenant t1: user a@b.com: policy "Acme" does not exist in this tenant; it has: Global, PexipServiceProviderEnabled');
  });
});

describe('batch helpers', () => {
  test('users are split into batches of the given size, repeats dropped case-insensitively', () => {
    expect(splitIntoBatches(['a', 'B', 'b', 'c', 'd'], 2)).toEqual([['a', 'B'], ['c', 'd']]);
  });

  test('a completed user with an empty result counts as success', () => {
    expect(isUserSuccess({ state: 'Completed', result: '' })).toBe(true);
  });

  test('a completed user with an error text counts as a failure', () => {
    expect(isUserSuccess({ state: 'Completed', result: 'user not found' })).toBe(false);
  });
});
