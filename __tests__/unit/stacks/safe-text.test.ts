import { describeValue, looksSecret, printable } from '../../../stacks/safe-text';

describe('what the loader prints of a value', () => {
  it.each([
    ['a GUID', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['a host name', 'px01.vc.contoso.example'],
    ['a UPN', 'Alice.Smith2@contoso.example'],
    ['a policy name', 'PexipServiceProviderEnabled'],
    ['a TSIG key name', 'cvi-key.'],
    ['an instruction URI', 'https://pexip.me/teams/contoso.example/{ConfId}'],
  ])('shows %s, which tenant files hold', (_what, value) => {
    expect(looksSecret(value)).toBe(false);
    expect(describeValue(value)).toBe(value);
  });

  it.each([
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['an Entra ID client secret', 'Qx8~kT2vN9pL4mR7sW1yZ3bC6dF0gH5jK8nP2qS'],
    ['a base64 TSIG secret', 'c2VjcmV0LWtleS1mb3ItdHNpZw=='],
    ['a PEM block', '-----BEGIN PRIVATE KEY----- MIIE'],
  ])('hides %s', (_what, value) => {
    expect(looksSecret(value)).toBe(true);
    expect(describeValue(value)).toBe('a value that looks like a secret, not shown');
  });

  it('hides any value under a key that names a secret', () => {
    expect(describeValue('hunter2', 'password')).toBe('a value that looks like a secret, not shown');
  });

  it('escapes control characters, C1 controls and bidi overrides, and escaping twice changes nothing', () => {
    const escaped = printable('a\u001b[31mb\u0000c\u009bd\u202ee');
    expect(escaped).toBe('a\\x1b[31mb\\x00c\\x9bd\\u202ee');
    expect(printable(escaped)).toBe(escaped);
  });
});
