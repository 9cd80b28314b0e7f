import { ROUTE_TEMPLATES } from '../../../emulator';
import { Faults } from '../../../emulator/faults';
import { callerPerTest, connect, expectSkypeError, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = { Identity: 'Pexip', TenantKey: 'teams@contoso.com' };
/** Faults key on "METHOD template", the templates being the evidence's paths (§2 here). */
const CREATE = 'POST /Skype.Policy/configurations/VideoInteropServiceProvider';
const is2xx = (status: number) => status >= 200 && status < 300;

describe('emulator fault injection', () => {
  const run = callerPerTest(TENANT);

  it('throttles with 429 and the given Retry-After, then lets the call through', async () => {
    // given one throttle of the create route with Retry-After 0
    run.emulator.faults.add({ kind: 'throttle', route: CREATE, times: 1, retryAfterSeconds: 0 });
    // when the create is sent twice
    const first = await run.api.call('POST', paths.providers(), PEXIP);
    const second = await run.api.call('POST', paths.providers(), PEXIP);
    // then the first is throttled without a write and the second creates
    expectSkypeError(first, 429);
    expect(first.headers.get('retry-after')).toBe('0');
    expect(is2xx(second.status)).toBe(true);
    expect(run.emulator.log.writes()).toHaveLength(1);
  });

  it('answers the injected 5xx status only on the matching method and route', async () => {
    // given a 502 on GET providers
    run.emulator.faults.add({ kind: 'error', status: 502, method: 'GET', route: paths.providers() });
    // when both routes are called, then only the matching one fails
    expect((await run.api.call('GET', paths.providers())).status).toBe(502);
    expect((await run.api.call('GET', paths.policies())).status).toBe(200);
  });

  it('matches a route given as a RegExp on the path', async () => {
    // given one 500 on paths of one user's effective policy
    run.emulator.faults.add({ kind: 'error', status: 500, route: /^\/Skype\.User\/users\/.+\/policies$/, times: 1 });
    // when the effective policy is read twice, then only the first read fails
    expect((await run.api.call('GET', paths.userEffectivePolicy('alice@contoso.com'))).status).toBe(500);
    expect((await run.api.call('GET', paths.userEffectivePolicy('alice@contoso.com'))).status).toBe(200);
  });

  it('matches a parameterised template whatever the concrete path', async () => {
    // given one 503 on user grants, keyed by the template with {user} and {policyType}
    run.emulator.faults.add({ kind: 'error', status: 503, route: `PATCH ${ROUTE_TEMPLATES.userGrant}`, times: 1 });
    const grant = { policyName: 'PexipServiceProviderEnabled', additionalParameters: null };
    // when two different users are granted, then the first fails without a write and the second succeeds
    expectSkypeError(await run.api.call('PATCH', paths.userGrant('alice@contoso.com'), grant), 503);
    expect(is2xx((await run.api.call('PATCH', paths.userGrant('bob@contoso.com'), grant)).status)).toBe(true);
    expect(run.emulator.tenant(TENANT).userAssignments()).toEqual({ 'bob@contoso.com': 'PexipServiceProviderEnabled' });
  });

  it('resets the connection before applying the request: nothing is written', async () => {
    // given one reset before the create
    run.emulator.faults.add({ kind: 'resetBefore', route: CREATE, times: 1 });
    // when the create is sent, then no answer comes
    await expect(run.api.call('POST', paths.providers(), PEXIP)).rejects.toThrow();
    // and nothing was written
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')).toBeUndefined();
  });

  it('resets the connection after applying the write: the provider exists though no answer came', async () => {
    // given one reset after the create
    run.emulator.faults.add({ kind: 'resetAfter', route: CREATE, times: 1 });
    // when the create is sent, then no answer comes
    await expect(run.api.call('POST', paths.providers(), PEXIP)).rejects.toThrow();
    // and yet the provider exists, and the log says the write landed
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
    const [entry] = run.emulator.log.writes();
    expect([entry.reset, entry.writeApplied, typeof entry.writeAppliedAt]).toEqual([true, true, 'number']);
  });

  it('keeps reads of a written object old for the replicationLag fault', async () => {
    // given a provider and a 1.5 s replication lag on updates
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    run.emulator.faults.add({ kind: 'replicationLag', method: 'PATCH', ms: 1500 });
    // when the tenant key is updated
    await run.api.call('PATCH', paths.provider('Pexip'), { TenantKey: 'video@contoso.com' });
    // then an immediate read answers the old key while the store has the new one
    expect((await run.api.call('GET', paths.provider('Pexip'))).body.TenantKey).toBe('teams@contoso.com');
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')?.TenantKey).toBe('video@contoso.com');
  });

  it('records latency faults in the request log', async () => {
    // given one latency fault
    run.emulator.faults.add({ kind: 'latency', ms: 5, times: 1 });
    // when a request is made
    await run.api.call('GET', paths.providers());
    // then the log shows the fault fired on it
    const last = run.emulator.log.entries().at(-1);
    expect(last?.faults).toEqual(['latency']);
  });

  it('stops firing a fault after its count and forgets it', async () => {
    // given a fault for two requests
    run.emulator.faults.add({ kind: 'error', status: 503, times: 2 });
    const statuses = [];
    // when three requests are made
    for (let i = 0; i < 3; i++) statuses.push((await run.api.call('GET', paths.policies())).status);
    // then two fail, the third passes, and the fault is gone
    expect(statuses).toEqual([503, 503, 200]);
    expect(run.emulator.faults.list()).toEqual([]);
  });

  it('applies only faults of the named tenant', async () => {
    // given a second tenant and a fault for the first
    const other = await connect(run.emulator, '22222222-2222-2222-2222-222222222222');
    run.emulator.faults.add({ kind: 'error', status: 503, tenant: TENANT });
    // when both call, then only the first tenant fails
    expect((await other.call('GET', paths.policies())).status).toBe(200);
    expect((await run.api.call('GET', paths.policies())).status).toBe(503);
  });

  it('clears every fault', async () => {
    // given a fault on every request
    run.emulator.faults.add({ kind: 'error', status: 503 });
    // when faults are cleared
    run.emulator.faults.clear();
    // then requests pass
    expect((await run.api.call('GET', paths.policies())).status).toBe(200);
  });
});

describe('probabilistic faults', () => {
  const run = (seed: number) => {
    const faults = new Faults(seed);
    faults.add({ kind: 'error', probability: 0.3 });
    return Array.from({ length: 200 }, () => (faults.plan({ method: 'GET', path: '/x' }).outcome ? 1 : 0));
  };

  it('fire the same way for the same seed', () => {
    // given the same seed twice, then the same requests fail
    expect(run(42)).toEqual(run(42));
  });

  it('fire at roughly the given probability', () => {
    // given probability 0.3 over 200 requests
    const fired = run(7).reduce((a: number, b) => a + b, 0);
    // then roughly 60 fire (seeded, so this cannot flake)
    expect(fired).toBeGreaterThan(30);
    expect(fired).toBeLessThan(90);
  });
});

describe('fault validation', () => {
  it('names the field of an invalid fault', () => {
    // when a fault with a bad status or no ms is added, then the error names the field
    expect(() => new Faults().add({ kind: 'error', status: 200 })).toThrow(/status must be an HTTP error status/);
    expect(() => new Faults().add({ kind: 'latency' })).toThrow(/latency needs ms/);
  });
});
