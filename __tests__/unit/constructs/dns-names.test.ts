import { tenantKeyDomain } from '../../../constructs/dns-names';

describe('tenantKeyDomain', () => {
  it('takes the domain after the last @ of the tenant key, lower-cased', () => {
    // given a Pexip-style key with upper-case letters in its domain
    // then the SRV domain is that domain in lower case
    expect(tenantKeyDomain('teams@Contoso.EXAMPLE', 'fabrikam.example')).toBe('contoso.example');
  });

  it('falls back to the tenant domain when the key has no domain', () => {
    expect(tenantKeyDomain('813878896', 'Contoso.example')).toBe('contoso.example');
    expect(tenantKeyDomain(undefined, 'contoso.example')).toBe('contoso.example');
  });
});
