import { callerPerTest, expectSkypeError, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const allowList = (...domains: string[]) => ({ AllowedDomain: domains.map((Domain) => ({ Domain })) });
const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * §9 TenantFederationSettings: GET the array or `…/configuration/Global`; Set is a PATCH after a
 * client-side read-modify-write, with `AllowedDomains` replaced wholesale. On a GET,
 * `AllowedDomains.AllowedDomain` null (or absent) means allow all known domains, and an empty
 * array means nothing is allowed.
 */
describe('emulated federation settings', () => {
  const run = callerPerTest(TENANT);

  const allowed = async () => (await run.api.call('GET', paths.federation())).body.AllowedDomains;

  it('answers GET …/configuration/Global with the object of a new tenant: allow all known domains', async () => {
    // when a new tenant reads its federation settings
    const res = await run.api.call('GET', paths.federation());
    // then it is one object, federating, with no allow-list and nothing blocked
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ Identity: 'Global', AllowFederatedUsers: true, BlockedDomains: [] });
    expect(res.body.AllowedDomains.AllowedDomain ?? null).toBeNull();
  });

  it('answers GET of the type as an array holding the Global object', async () => {
    // given an allow-list
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('pexip.me'), BlockedDomains: [] });
    // when the configuration type is read, then it is an array of the one object
    const list = await run.api.call('GET', paths.federationList());
    expect(list.status).toBe(200);
    expect(list.body).toEqual([(await run.api.call('GET', paths.federation())).body]);
    expect(list.body[0].AllowedDomains).toEqual(allowList('pexip.me'));
  });

  it('replaces AllowedDomains wholesale with a PATCH', async () => {
    // given an allow-list of fabrikam.com and pexip.me
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('fabrikam.com', 'pexip.me'), BlockedDomains: [] });
    // when a PATCH carries an allow-list of only pexip.me and example.com
    const res = await run.api.call('PATCH', paths.federation(), { AllowedDomains: allowList('pexip.me', 'example.com') });
    // then the stored list is exactly that: fabrikam.com is gone, not merged
    expect(is2xx(res.status)).toBe(true);
    expect(await allowed()).toEqual(allowList('pexip.me', 'example.com'));
  });

  it('takes back the whole object it answered (the module\'s read-modify-write)', async () => {
    // given the object as GET answers it, with one domain allowed and one blocked in the copy
    const current = (await run.api.call('GET', paths.federation())).body;
    const changed = { ...current, AllowedDomains: allowList('pexip.me'), BlockedDomains: [{ Domain: 'spam.example' }] };
    // when the whole object is PATCHed back
    expect(is2xx((await run.api.call('PATCH', paths.federation(), changed)).status)).toBe(true);
    // then both lists are stored as sent
    const after = (await run.api.call('GET', paths.federation())).body;
    expect([after.AllowedDomains, after.BlockedDomains]).toEqual([allowList('pexip.me'), [{ Domain: 'spam.example' }]]);
  });

  it('stores an empty AllowedDomain array as "federate with nobody" while the call succeeds', async () => {
    // given an allow-list with pexip.me
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('pexip.me'), BlockedDomains: [] });
    // when a PATCH carries an empty AllowedDomain array (the trap a client falls into removing the last domain)
    const res = await run.api.call('PATCH', paths.federation(), { AllowedDomains: { AllowedDomain: [] } });
    // then the call reports success and the tenant federates with nobody, not with everyone
    expect(is2xx(res.status)).toBe(true);
    expect(await allowed()).toEqual({ AllowedDomain: [] });
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(false);
  });

  it('returns to allow-all with AllowedDomains {}', async () => {
    // given an allow-list
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('pexip.me'), BlockedDomains: [] });
    // when a PATCH carries AllowedDomains {}, then no allow-list is left
    await run.api.call('PATCH', paths.federation(), { AllowedDomains: {} });
    expect((await allowed()).AllowedDomain ?? null).toBeNull();
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('returns to allow-all with AllowedDomain null', async () => {
    // given an empty allow-list (federate with nobody)
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [] }, BlockedDomains: [] });
    // when a PATCH carries AllowedDomain null, then no allow-list is left
    await run.api.call('PATCH', paths.federation(), { AllowedDomains: { AllowedDomain: null } });
    expect((await allowed()).AllowedDomain ?? null).toBeNull();
  });

  it('leaves AllowedDomains alone when a PATCH does not carry it', async () => {
    // given an allow-list
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('pexip.me'), BlockedDomains: [] });
    // when a PATCH changes only AllowFederatedUsers, then the list stays
    await run.api.call('PATCH', paths.federation(), { AllowFederatedUsers: false });
    expect(run.emulator.tenant(TENANT).getFederation()).toMatchObject({ AllowFederatedUsers: false, AllowedDomains: allowList('pexip.me') });
  });

  it('refuses AllowedDomainsAsAList, whose wire form no evidence shows', async () => {
    // when a PATCH carries the cmdlet's Add/Remove parameter
    const res = await run.api.call('PATCH', paths.federation(), { AllowedDomainsAsAList: { Add: ['pexip.me'] } });
    // then it is refused naming the field, and nothing changes
    expectSkypeError(res, 400, 'AllowedDomainsAsAList');
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('refuses a PUT of the object', async () => {
    // when the whole object is PUT, then the method is refused
    expectSkypeError(await run.api.call('PUT', paths.federation(), { AllowedDomains: allowList('pexip.me') }), 405);
  });

  it('answers 404 for an identity other than Global', async () => {
    // when another identity is read or patched, then 404 naming it
    expectSkypeError(await run.api.call('GET', paths.federation('Tag:Other')), 404, 'Tag:Other');
    expectSkypeError(await run.api.call('PATCH', paths.federation('Tag:Other'), { AllowFederatedUsers: false }), 404);
  });

  it('refuses an allow-list over 4,000 domains, naming the maximum', async () => {
    // when a PATCH carries 4,001 domains, then it is refused and nothing changes
    const domains = Array.from({ length: 4001 }, (_, i) => `d${i}.example.com`);
    expectSkypeError(await run.api.call('PATCH', paths.federation(), { AllowedDomains: allowList(...domains) }), 400, 'maximum is 4000');
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('refuses a malformed domain, naming the entry', async () => {
    // when a PATCH carries a domain with a space, then the message names the entry
    expectSkypeError(await run.api.call('PATCH', paths.federation(), { AllowedDomains: allowList('not a domain') }), 400, '"not a domain"');
  });
});
