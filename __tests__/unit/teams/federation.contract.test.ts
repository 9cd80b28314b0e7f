import { startHarness, Harness } from './emulator-harness';

const FEDERATION = '/Skype.Policy/configurations/TenantFederationSettings/configuration/{identity}';
const allowList = (...domains: string[]) => ({
  Identity: 'Global' as const,
  AllowFederatedUsers: true,
  AllowedDomains: { AllowedDomain: domains.map((Domain) => ({ Domain })) },
  BlockedDomains: [],
});

describe('TeamsAdminClient federation against the emulator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('given a new tenant, when reading federation, then it allows all known domains', async () => {
    expect(await h.client.getFederation()).toEqual({ allowFederatedUsers: true, allowAllKnownDomains: true, allowedDomains: [], blockedDomains: [] });
  });

  test('given allow-all mode, when adding a domain, then the outcome is allow-all and nothing is written', async () => {
    expect(await h.client.addAllowedDomain('pexip.me')).toBe('allow-all');
    expect(h.emulator.log.writes()).toHaveLength(0);
    expect(h.tenant.getFederation().AllowedDomains).toEqual({});
  });

  test('given an allow-list, when adding a domain, then it joins the list with one PATCH', async () => {
    h.tenant.setFederation(allowList('contoso.com'));

    expect(await h.client.addAllowedDomain('Pexip.me')).toBe('added');
    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'contoso.com' }, { Domain: 'pexip.me' }]);
    expect(h.emulator.log.count(`PATCH ${FEDERATION}`)).toBe(1);
  });

  test('given the domain is on the list, when adding it, then the outcome is already-allowed and nothing is written', async () => {
    h.tenant.setFederation(allowList('pexip.me', 'contoso.com'));

    expect(await h.client.addAllowedDomain('pexip.me')).toBe('already-allowed');
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('given two entries, when removing one, then only the other remains', async () => {
    h.tenant.setFederation(allowList('pexip.me', 'contoso.com'));

    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('removed');
    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'contoso.com' }]);
  });

  test('given our domain is the last entry, when removing it, then it is kept so the tenant never federates with nobody', async () => {
    h.tenant.setFederation(allowList('pexip.me'));

    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('kept-last-entry');
    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'pexip.me' }]);
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('given the domain is not on the list, when removing it, then the outcome is absent', async () => {
    h.tenant.setFederation(allowList('contoso.com'));

    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('absent');
  });

  test('given allow-all mode, when removing a domain, then the outcome is allow-all and nothing is written', async () => {
    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('allow-all');
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('when editing the allow-list in every way, then the whole object is never PUT', async () => {
    h.tenant.setFederation(allowList('contoso.com'));

    await h.client.addAllowedDomain('pexip.me');
    await h.client.removeAllowedDomain('pexip.me');
    await h.client.removeAllowedDomain('contoso.com');

    expect(h.emulator.log.count(`PUT ${FEDERATION}`)).toBe(0);
  });
});
