import { DeadlineExceededError, ThrottledError, ForbiddenError } from '../../../teams';
import { Harness, PEXIP, startHarness } from '../../support/emulator/client';

const DISCOVERY = 'GET /Teams.Tenant/serviceDiscovery';
const PROVIDERS = '/Skype.Policy/configurations/VideoInteropServiceProvider';

describe('TeamsAdminClient request pipeline against the emulator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('when a client makes several calls, then service discovery runs once', async () => {
    await h.client.listServiceProviders();
    await h.client.readTenantGrant();
    await h.client.getFederation();

    expect(h.emulator.log.count(DISCOVERY)).toBe(1);
  });

  test('given discovery fails, when calling a /Skype.Policy route, then the call goes on without the target header and a warning is logged', async () => {
    h.emulator.faults.add({ kind: 'error', route: DISCOVERY, status: 404 });

    await expect(h.client.listServiceProviders()).resolves.toEqual([]);

    expect(h.logs.some((l) => l.level === 'warn' && /service discovery failed .*calling without X-MS-Target-Uri/.test(l.message))).toBe(true);
  });

  test('when a client makes several calls, then the credential is asked for one token', async () => {
    await h.client.listServiceProviders();
    await h.client.readTenantGrant();

    expect(h.tokenRequests()).toBe(1);
  });

  test('given a provider and a Global grant in place, when a fresh client checks both, then it takes at most 3 calls', async () => {
    await h.stop();
    h = await startHarness({ candidates: ['tenantGrantRead'] });
    h.tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: PEXIP.tenantKey });
    h.tenant.setTenantPolicy('PexipServiceProviderEnabled');
    const fresh = h.newClient();

    await fresh.getServiceProvider('Pexip');
    await fresh.readTenantGrant();

    expect(h.emulator.log.total()).toBeLessThanOrEqual(3);
  });

  test('given the service throttles twice with Retry-After 0, when listing, then the third attempt succeeds', async () => {
    h.emulator.faults.add({ kind: 'throttle', route: `GET ${PROVIDERS}`, retryAfterSeconds: 0, times: 2 });

    await expect(h.client.listServiceProviders()).resolves.toEqual([]);
    expect(h.emulator.log.count(`GET ${PROVIDERS}`)).toBe(3);
  });

  test('given Retry-After longer than the time left, when listing, then DeadlineExceededError comes without waiting', async () => {
    h.emulator.faults.add({ kind: 'throttle', route: `GET ${PROVIDERS}`, retryAfterSeconds: 30 });
    const started = Date.now();

    const err = await h.client.listServiceProviders({ deadline: Date.now() + 2_000 }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('given the service always throttles, when attempts run out, then ThrottledError names the object', async () => {
    h.emulator.faults.add({ kind: 'throttle', route: `GET ${PROVIDERS}`, retryAfterSeconds: 0 });
    const client = h.newClient({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });

    const err = await client.listServiceProviders().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ThrottledError);
    expect((err as Error).message).toMatch(/video interop service providers: still throttled .* after 3 attempts/);
  });

  test('given a 501, when listing, then it is not retried', async () => {
    h.emulator.faults.add({ kind: 'error', route: `GET ${PROVIDERS}`, status: 501, times: 1 });

    await expect(h.client.listServiceProviders()).rejects.toThrow(/HTTP 501/);
    expect(h.emulator.log.count(`GET ${PROVIDERS}`)).toBe(1);
  });

  test('given the service answers 403, when listing, then ForbiddenError names the Teams Administrator role', async () => {
    h.emulator.faults.add({ kind: 'error', route: `GET ${PROVIDERS}`, status: 403, times: 1 });

    const err = await h.client.listServiceProviders().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toMatch(/needs the Entra ID role "Teams Administrator"/);
  });

  test('given a connection reset after a create was applied, when creating, then the provider exists once and the create succeeds', async () => {
    h.emulator.faults.add({ kind: 'resetAfter', route: `POST ${PROVIDERS}`, times: 1 });

    await h.client.createServiceProvider(PEXIP);

    expect(h.emulator.log.count(`POST ${PROVIDERS}`)).toBe(1);
    expect(h.emulator.log.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
    expect(h.tenant.getServiceProvider('Pexip')?.TenantKey).toBe(PEXIP.tenantKey);
  });

  test('given a connection reset before a create arrived, when creating, then it is read back and sent again', async () => {
    h.emulator.faults.add({ kind: 'resetBefore', route: `POST ${PROVIDERS}`, times: 1 });

    await h.client.createServiceProvider(PEXIP);

    expect(h.emulator.log.count(`POST ${PROVIDERS}`)).toBe(2);
    expect(h.tenant.getServiceProvider('Pexip')).toBeDefined();
  });

  test('given a 503 after a create was attempted, when creating, then the client reads back before sending again', async () => {
    h.emulator.faults.add({ kind: 'error', route: `POST ${PROVIDERS}`, status: 503, times: 1 });

    await h.client.createServiceProvider(PEXIP);

    const routes = h.emulator.log.entries().map((e) => `${e.method} ${e.route}`);
    const firstPost = routes.indexOf(`POST ${PROVIDERS}`);
    expect(routes[firstPost + 1]).toBe(`GET ${PROVIDERS}`);
    expect(routes.filter((r) => r === `POST ${PROVIDERS}`)).toHaveLength(2);
  });

  test('given a change made elsewhere with a replication lag, when waiting until consistent, then the change is returned once reads agree', async () => {
    await h.stop();
    h = await startHarness({ candidates: ['tenantGrantRead'] });
    h.emulator.faults.add({ kind: 'replicationLag', route: 'PATCH /Skype.Policy/tenants/policies/{policyType}', ms: 100, times: 1 });
    const other = h.newClient();
    await other.grantTenant('PexipServiceProviderEnabled', { waitForConsistency: false });

    const seen = await h.client.waitUntilConsistent(() => h.client.readTenantGrant(), (v) => v.available && v.policyName === 'PexipServiceProviderEnabled', {
      object: 'Global assignment',
    });

    expect(seen).toEqual({ available: true, policyName: 'PexipServiceProviderEnabled' });
    // At least one stale read before the two that agree.
    expect(h.emulator.log.count('GET /Skype.Policy/tenants/policies/{policyType}')).toBeGreaterThanOrEqual(3);
  });
});
