import { ROUTE_TEMPLATES } from '../../../emulator';
import { connect, emulatorPerTest, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const grant = { policyName: 'PexipServiceProviderEnabled', additionalParameters: null };

describe('emulator request log', () => {
  const emulator = emulatorPerTest();

  it('exports the route templates as the evidence writes the paths', () => {
    // then every template is the evidence's path with its parameters in braces (§1-§9)
    expect(ROUTE_TEMPLATES).toEqual({
      serviceDiscovery: '/Teams.Tenant/serviceDiscovery',
      providers: '/Skype.Policy/configurations/VideoInteropServiceProvider',
      provider: '/Skype.Policy/configurations/VideoInteropServiceProvider/configuration/{identity}',
      policies: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy',
      policy: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy/configuration/{identity}',
      userGrant: '/Skype.Policy/users/{user}/policies/{policyType}',
      userEffectivePolicy: '/Skype.User/users/{user}/policies',
      userSearch: '/Teams.User/users',
      tenantGrant: '/Skype.Policy/tenants/policies/{policyType}',
      groupGrant: '/Skype.Policy/groupPolicyAssignments/{groupId}/policyTypes/{policyType}',
      groupPolicyTypes: '/Skype.Policy/groupPolicyAssignments/{groupId}/policyTypes',
      groupAssignments: '/Skype.Policy/groupPolicyAssignments',
      batchOperations: '/Skype.Policy/assignments/operations',
      batchOperation: '/Skype.Policy/assignments/operations/{operationId}',
      federationList: '/Skype.Policy/configurations/TenantFederationSettings',
      federation: '/Skype.Policy/configurations/TenantFederationSettings/configuration/{identity}',
    });
  });

  it('counts requests per method and route template, not per concrete path', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    // when two users' effective policies are read and one user granted
    await api.call('GET', paths.userEffectivePolicy('a@contoso.com'));
    await api.call('GET', paths.userEffectivePolicy('b@contoso.com'));
    await api.call('PATCH', paths.userGrant('a@contoso.com'), grant);
    // then counts are keyed by the template, query left out
    expect(emulator.log.counts()).toEqual({
      [`GET ${ROUTE_TEMPLATES.serviceDiscovery}`]: 1,
      [`GET ${ROUTE_TEMPLATES.userEffectivePolicy}`]: 2,
      [`PATCH ${ROUTE_TEMPLATES.userGrant}`]: 1,
    });
    expect(emulator.log.count('PATCH /Skype.Policy/users/{user}/policies/{policyType}')).toBe(1);
    expect(emulator.log.total(TENANT)).toBe(4);
  });

  it('logs a path no route matches as the raw path', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    // when a path the service does not have is called, then it is logged as itself with its 404
    await api.call('GET', '/Skype.Policy/nowhere');
    expect(emulator.log.entries().at(-1)).toMatchObject({ method: 'GET', route: '/Skype.Policy/nowhere', status: 404, writeApplied: false });
  });

  it('records status, tenant and the time of an applied write', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    const before = Date.now();
    // when the tenant is granted a policy
    const res = await api.call('PATCH', paths.tenantGrant(), { PolicyName: 'PexipServiceProviderEnabled', additionalParameters: null, forceSwitchPresent: false });
    // then the log has that one write with its status, tenant, template and time
    const writes = emulator.log.writes();
    expect(writes).toHaveLength(1);
    expect([writes[0].status, writes[0].tenant, writes[0].route]).toEqual([res.status, TENANT, ROUTE_TEMPLATES.tenantGrant]);
    expect(writes[0].writeAppliedAt).toBeGreaterThanOrEqual(before);
  });

  it('does not log a refused write as applied', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    // when a grant of an unknown policy is refused, then the log has it with its 400 and no write
    await api.call('PATCH', paths.userGrant('a@contoso.com'), { policyName: 'Nope', additionalParameters: null });
    expect(emulator.log.writes()).toEqual([]);
    expect(emulator.log.entries().at(-1)).toMatchObject({ route: ROUTE_TEMPLATES.userGrant, status: 400 });
  });

  it('never records the bearer token', async () => {
    // given a session with a token
    const api = await connect(emulator, TENANT);
    // when a call is made, then the token is nowhere in the log
    await api.call('GET', paths.providers());
    expect(JSON.stringify(emulator.log.entries())).not.toContain(api.token);
  });

  it('starts over on reset', async () => {
    // given a logged request
    await connect(emulator, TENANT);
    // when the log is reset, then it is empty
    emulator.log.reset();
    expect(emulator.log.entries()).toEqual([]);
  });
});
