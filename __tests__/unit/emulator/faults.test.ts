import { routes } from '../../../teams/routes';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { Faults } from '../../../emulator/faults';
import { connect, type TestCaller } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = { Identity: 'Pexip', TenantKey: 'teams@contoso.com' };
const CREATE = `POST ${routes.providers()}`;

describe('emulator fault injection', () => {
  let emulator: RunningEmulator;
  let api: TestCaller;
  beforeEach(async () => {
    emulator = await startEmulator();
    api = await connect(emulator, TENANT);
  });
  afterEach(() => emulator.stop());

  it('throttles with 429 and the given Retry-After, then lets the call through', async () => {
    // given one throttle of the create route with Retry-After 0
    emulator.faults.add({ kind: 'throttle', route: CREATE, times: 1, retryAfterSeconds: 0 });
    // when the create is sent twice
    const first = await api.call('POST', routes.providers(), PEXIP);
    const second = await api.call('POST', routes.providers(), PEXIP);
    // then the first is throttled without a write and the second creates
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '0']);
    expect(second.status).toBe(201);
    expect(emulator.log.writes()).toHaveLength(1);
  });

  it('answers the injected 5xx status only on the matching method and route', async () => {
    emulator.faults.add({ kind: 'error', status: 502, method: 'GET', route: routes.providers() });
    expect((await api.call('GET', routes.providers())).status).toBe(502);
    expect((await api.call('GET', routes.policies())).status).toBe(200);
  });

  it('matches a route given as a RegExp on the path', async () => {
    emulator.faults.add({ kind: 'error', status: 500, route: /\/users\/.+\/policies\//, times: 1 });
    expect((await api.call('GET', routes.userPolicy('alice@contoso.com'))).status).toBe(500);
    expect((await api.call('GET', routes.userPolicy('alice@contoso.com'))).status).toBe(200);
  });

  it('resets the connection before applying the request: nothing is written', async () => {
    emulator.faults.add({ kind: 'resetBefore', route: CREATE, times: 1 });
    await expect(api.call('POST', routes.providers(), PEXIP)).rejects.toThrow();
    expect(emulator.tenant(TENANT).getProvider('Pexip')).toBeUndefined();
  });

  it('resets the connection after applying the write: the provider exists though no answer came', async () => {
    emulator.faults.add({ kind: 'resetAfter', route: CREATE, times: 1 });
    await expect(api.call('POST', routes.providers(), PEXIP)).rejects.toThrow();
    expect(emulator.tenant(TENANT).getProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
    const [entry] = emulator.log.writes();
    expect([entry.reset, entry.writeApplied, typeof entry.writeAppliedAt]).toEqual([true, true, 'number']);
  });

  it('keeps reads of a written object old for the replicationLag fault', async () => {
    // given a provider and a 1.5 s replication lag on updates
    emulator.tenant(TENANT).setProvider(PEXIP);
    emulator.faults.add({ kind: 'replicationLag', method: 'PUT', ms: 1500 });
    // when the tenant key is updated
    await api.call('PUT', routes.provider('Pexip'), { TenantKey: 'video@contoso.com' });
    // then an immediate read answers the old key while the store has the new one
    expect((await api.call('GET', routes.provider('Pexip'))).body.TenantKey).toBe('teams@contoso.com');
    expect(emulator.tenant(TENANT).getProvider('Pexip')?.TenantKey).toBe('video@contoso.com');
  });

  it('records latency faults in the request log', async () => {
    emulator.faults.add({ kind: 'latency', ms: 5, times: 1 });
    await api.call('GET', routes.providers());
    const last = emulator.log.entries().at(-1);
    expect(last?.faults).toEqual(['latency']);
  });

  it('stops firing a fault after its count and forgets it', async () => {
    emulator.faults.add({ kind: 'error', status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.call('GET', routes.policies())).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(emulator.faults.list()).toEqual([]);
  });

  it('applies only faults of the named tenant', async () => {
    const other = await connect(emulator, '22222222-2222-2222-2222-222222222222');
    emulator.faults.add({ kind: 'error', status: 503, tenant: TENANT });
    expect((await other.call('GET', routes.policies())).status).toBe(200);
    expect((await api.call('GET', routes.policies())).status).toBe(503);
  });

  it('clears every fault', async () => {
    emulator.faults.add({ kind: 'error', status: 503 });
    emulator.faults.clear();
    expect((await api.call('GET', routes.policies())).status).toBe(200);
  });
});

describe('probabilistic faults', () => {
  const run = (seed: number) => {
    const faults = new Faults(seed);
    faults.add({ kind: 'error', probability: 0.3 });
    return Array.from({ length: 200 }, () => (faults.plan({ method: 'GET', path: '/x' }).outcome ? 1 : 0));
  };

  it('fire the same way for the same seed', () => {
    expect(run(42)).toEqual(run(42));
  });

  it('fire at roughly the given probability', () => {
    const fired = run(7).reduce((a: number, b) => a + b, 0);
    expect(fired).toBeGreaterThan(30);
    expect(fired).toBeLessThan(90);
  });
});

describe('fault validation', () => {
  it('names the field of an invalid fault', () => {
    expect(() => new Faults().add({ kind: 'error', status: 200 })).toThrow(/status must be an HTTP error status/);
    expect(() => new Faults().add({ kind: 'latency' })).toThrow(/latency needs ms/);
  });
});
