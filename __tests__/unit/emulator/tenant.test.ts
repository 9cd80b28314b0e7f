import { callerPerTest, expectSkypeError, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = 'PexipServiceProviderEnabled';

/** §6 MPA GrantToTenantPayload: `PolicyName` PascalCase, the other two camelCase and always present. */
const grant = (PolicyName: string | null) => ({ PolicyName, additionalParameters: null, forceSwitchPresent: false });

const is2xx = (status: number) => status >= 200 && status < 300;

describe('emulated tenant-wide grant (Grant-... -Global)', () => {
  const run = callerPerTest(TENANT);

  it('grants with PATCH /Skype.Policy/tenants/policies/{type} and the MPA body', async () => {
    // when the tenant is granted Pexip
    const res = await run.api.call('PATCH', paths.tenantGrant(), grant(PEXIP));
    // then it succeeds and is stored
    expect(is2xx(res.status)).toBe(true);
    expect(run.emulator.tenant(TENANT).getTenantPolicy()).toBe(PEXIP);
  });

  it('reverts to the Global instance with PolicyName null or Global', async () => {
    // given a tenant-wide grant
    run.emulator.tenant(TENANT).setTenantPolicy(PEXIP);
    // when null is granted, then the tenant is back on Global
    await run.api.call('PATCH', paths.tenantGrant(), grant(null));
    expect(run.emulator.tenant(TENANT).getTenantPolicy()).toBeNull();
    // and granting Global after another grant does the same
    run.emulator.tenant(TENANT).setTenantPolicy(PEXIP);
    await run.api.call('PATCH', paths.tenantGrant(), grant('Global'));
    expect(run.emulator.tenant(TENANT).getTenantPolicy()).toBeNull();
  });

  it('refuses a body without PolicyName and an unknown policy, naming each', async () => {
    // when the body lacks PolicyName, then 400 naming the field
    expectSkypeError(await run.api.call('PATCH', paths.tenantGrant(), { additionalParameters: null, forceSwitchPresent: false }), 400, 'PolicyName');
    // and when the policy does not exist, then 400 naming it
    expectSkypeError(await run.api.call('PATCH', paths.tenantGrant(), grant('Nope')), 400, '"Nope"');
    expect(run.emulator.tenant(TENANT).getTenantPolicy()).toBeNull();
  });

  it('refuses the tenant grant of another policy type', async () => {
    // when the path names another policy type, then 400 naming it
    expectSkypeError(await run.api.call('PATCH', paths.tenantGrant('TeamsMeetingPolicy'), grant('Default')), 400, 'TeamsMeetingPolicy');
  });

  it('answers the candidate read with 405 while it is off (the default)', async () => {
    // given a tenant-wide grant
    run.emulator.tenant(TENANT).setTenantPolicy(PEXIP);
    // when the grant route is read (no Microsoft code reads it), then the method is refused
    expectSkypeError(await run.api.call('GET', paths.tenantGrant()), 405, 'GET');
  });
});

describe('emulated tenant-wide grant read, candidate on', () => {
  const run = callerPerTest(TENANT, { candidates: ['tenantGrantRead'] });

  it('answers the PolicyName the last PATCH wrote', async () => {
    // given a tenant granted Pexip through the API
    await run.api.call('PATCH', paths.tenantGrant(), grant(`Tag:${PEXIP}`));
    // when the candidate read is called, then it answers the bare name
    const res = await run.api.call('GET', paths.tenantGrant());
    expect([res.status, res.body]).toEqual([200, { PolicyName: PEXIP }]);
  });

  it('answers PolicyName null for a tenant on Global', async () => {
    // when a new tenant is read, then no tenant-wide policy is named
    expect((await run.api.call('GET', paths.tenantGrant())).body).toEqual({ PolicyName: null });
  });
});
