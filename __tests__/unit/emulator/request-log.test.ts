import { routes } from '../../../teams/routes';
import { startEmulator, ROUTE_TEMPLATES, type RunningEmulator } from '../../../emulator';
import { connect } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';

describe('emulator request log', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.stop());

  it('counts requests per method and route template', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    // when two users are read and one granted
    await api.call('GET', routes.userPolicy('a@contoso.com'));
    await api.call('GET', routes.userPolicy('b@contoso.com'));
    await api.call('PATCH', routes.userPolicy('a@contoso.com'), { PolicyName: 'PexipServiceProviderEnabled' });
    // then counts are keyed by the template, not the concrete path
    expect(emulator.log.counts()).toEqual({
      [`GET ${routes.serviceDiscovery()}`]: 1,
      [`GET ${ROUTE_TEMPLATES.userPolicy}`]: 2,
      [`PATCH ${ROUTE_TEMPLATES.userPolicy}`]: 1,
    });
    expect(ROUTE_TEMPLATES.userPolicy).toBe('/Skype.Policy/users/{user}/policies/TeamsVideoInteropServicePolicy');
    expect(emulator.log.total(TENANT)).toBe(4);
  });

  it('records status, tenant and the time of an applied write', async () => {
    // given a discovered session
    const api = await connect(emulator, TENANT);
    const before = Date.now();
    // when the tenant is granted a policy
    await api.call('PATCH', routes.tenantPolicy(), { PolicyName: 'PexipServiceProviderEnabled' });
    // then the log has the write with its status, tenant, route and time
    const [write] = emulator.log.writes();
    expect([write.status, write.tenant, write.route]).toEqual([200, TENANT, routes.tenantPolicy()]);
    expect(write.writeAppliedAt).toBeGreaterThanOrEqual(before);
  });

  it('never records the bearer token', async () => {
    // given a session with a token
    const api = await connect(emulator, TENANT);
    // when a call is made
    await api.call('GET', routes.providers());
    // then the token is nowhere in the log
    expect(JSON.stringify(emulator.log.entries())).not.toContain(api.token);
  });

  it('starts over on reset', async () => {
    // given a logged request
    await connect(emulator, TENANT);
    // when the log is reset
    emulator.log.reset();
    // then it is empty
    expect(emulator.log.entries()).toEqual([]);
  });
});
