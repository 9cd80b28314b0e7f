import { routes } from '../../../teams/routes';
import { emulatorPerTest } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const allowList = (...domains: string[]) => ({ AllowedDomain: domains.map((Domain) => ({ Domain })) });

describe('emulated federation settings', () => {
  const run = emulatorPerTest(TENANT);

  it('starts a tenant federating with all known domains', async () => {
    // when a new tenant reads its federation settings
    const res = await run.api.call('GET', routes.federation());
    // then it allows all known domains
    expect(res.body).toEqual({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: {}, BlockedDomains: [] });
  });

  it('turns allow-all into an allow-list of exactly the added domain, as the service does', async () => {
    // given the default allow-all mode
    // when one domain is added
    await run.api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Add: ['pexip.me'] } });
    // then only that domain is allowed any more
    expect(run.emulator.tenant(TENANT).getFederation().AllowedDomains).toEqual(allowList('pexip.me'));
  });

  it('adds and removes single entries of an allow-list', async () => {
    // given an allow-list with fabrikam.com
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('fabrikam.com'), BlockedDomains: [] });
    // when pexip.me is added and fabrikam.com removed
    await run.api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Add: ['pexip.me'] } });
    await run.api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Remove: ['fabrikam.com'] } });
    // then only pexip.me is left
    expect((await run.api.call('GET', routes.federation())).body.AllowedDomains).toEqual(allowList('pexip.me'));
  });

  it('stores a PUT of an empty AllowedDomain array as "federate with nobody" while answering 200', async () => {
    // when the whole object is PUT with an empty allow-list
    const res = await run.api.call('PUT', routes.federation(), { AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [] }, BlockedDomains: [] });
    // then the call reports success, and the tenant federates with nobody
    expect(res.status).toBe(200);
    expect(run.emulator.tenant(TENANT).getFederation().AllowedDomains).toEqual({ AllowedDomain: [] });
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(false);
  });

  it('leaves an empty allow-list, not allow-all, when the last entry is removed', async () => {
    // given an allow-list with only pexip.me
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList('pexip.me'), BlockedDomains: [] });
    // when pexip.me is removed
    await run.api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Remove: ['pexip.me'] } });
    // then the list is empty: federate with nobody, not allow-all
    expect(run.emulator.tenant(TENANT).getFederation().AllowedDomains).toEqual({ AllowedDomain: [] });
  });

  it('refuses an allow-list over 4,000 domains', async () => {
    // given an allow-list of 4,000 domains
    const domains = Array.from({ length: 4000 }, (_, i) => `d${i}.example.com`);
    run.emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowList(...domains), BlockedDomains: [] });
    // when one more is added
    const res = await run.api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Add: ['one-more.example.com'] } });
    // then the service refuses, naming the maximum
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('maximum is 4000');
  });

  it('answers 400 naming the entry for a malformed domain', async () => {
    // when a malformed domain is added
    const res = await run.api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Add: ['not a domain'] } });
    // then the message names the entry
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"not a domain"');
  });
});
