import type { TokenCredential } from '@azure/core-auth';
import { ClientLogEntry, InvalidInputError, ServiceError, TeamsAdminClient } from '../../../teams';
import { ADMIN_ENDPOINT, FakeService, startFakeService, Answer, SeenRequest } from './fake-service';

const TENANT = '0f0e0d0c-0b0a-4908-8706-050403020100';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ4In0.c2VjcmV0LXNpZ25hdHVyZQ';

function staticCredential(tokens: string[] = [TOKEN]): TokenCredential & { calls: number } {
  const cred = {
    calls: 0,
    getToken: async () => ({ token: tokens[Math.min(cred.calls++, tokens.length - 1)], expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  return cred;
}

describe('TeamsAdminClient request pipeline (scripted service)', () => {
  let svc: FakeService;
  const logs: ClientLogEntry[] = [];
  const clientFor = (credential: TokenCredential = staticCredential()) =>
    new TeamsAdminClient({ tenantId: TENANT, credential, endpoint: svc.url, retry: { baseDelayMs: 1, maxDelayMs: 5 }, log: (e) => logs.push(e) });
  const start = async (script: (req: SeenRequest, i: number) => Answer) => {
    svc = await startFakeService(script);
  };
  afterEach(async () => {
    logs.length = 0;
    await svc?.stop();
  });

  test('when a call follows discovery, then it carries the discovered endpoint in X-MS-Target-Uri', async () => {
    await start(() => ({ status: 200, body: [] }));

    await clientFor().listServiceProviders();

    expect(svc.seen[0].headers['x-ms-target-uri']).toBeUndefined();
    expect(svc.seen[1].headers['x-ms-target-uri']).toBe(ADMIN_ENDPOINT);
  });

  test('given an endpoint with a path prefix, when calling, then the prefix is kept', async () => {
    await start(() => ({ status: 200, body: [] }));
    const client = new TeamsAdminClient({ tenantId: TENANT, credential: staticCredential(), endpoint: `${svc.url}/proxy/`, retry: { baseDelayMs: 1 } });

    await client.listServiceProviders();

    expect(svc.seen.map((r) => r.path)).toEqual(['/proxy/Teams.Tenant/serviceDiscovery', '/proxy/Skype.Policy/configurations/VideoInteropServiceProvider']);
    client.close();
  });

  test('when calling, then the token is sent as a bearer token', async () => {
    await start(() => ({ status: 200, body: [] }));

    await clientFor().listServiceProviders();

    expect(svc.seen[1].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('given a 401, when calling, then a fresh token is fetched once and the call repeated', async () => {
    await start((_req, i) => (i === 0 ? { status: 401, body: { error: { code: 'Unauthorized', message: 'expired' } } } : { status: 200, body: [] }));
    const credential = staticCredential(['eyJa.eyJb.old', 'eyJa.eyJb.new']);

    await clientFor(credential).listServiceProviders();

    expect(credential.calls).toBe(2);
    expect(svc.seen[2].headers.authorization).toBe('Bearer eyJa.eyJb.new');
  });

  test('given Retry-After as an HTTP date in the past, when listing, then the call is retried at once', async () => {
    await start((_req, i) => (i === 0 ? { status: 429, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() } } : { status: 200, body: [] }));

    await expect(clientFor().listServiceProviders()).resolves.toEqual([]);
    expect(svc.seen).toHaveLength(3);
  });

  test('given a reset connection, when updating (PATCH), then the idempotent call is sent again', async () => {
    let patches = 0;
    await start((req) => {
      if (req.method === 'GET') return { status: 200, body: [{ Identity: 'Pexip', TenantKey: 'old' }] };
      return patches++ === 0 ? 'reset' : { status: 200, body: {} };
    });
    const client = clientFor();

    await client.updateServiceProvider({ identity: 'Pexip', tenantKey: 'new', aadApplicationIds: [], allowAppGuestJoinsAsAuthenticated: false }, { waitForConsistency: false });

    expect(svc.seen.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual(['{"TenantKey":"new"}', '{"TenantKey":"new"}']);
  });

  test('given a long Retry-After, when the caller aborts, then the call stops at once', async () => {
    await start(() => ({ status: 429, headers: { 'retry-after': '20' } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped by the caller')), 50);
    const started = Date.now();

    await expect(clientFor().listServiceProviders({ signal: controller.signal, deadline: Date.now() + 60_000 })).rejects.toThrow('stopped by the caller');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('given an expired deadline, when granting, then no request is sent', async () => {
    await start(() => ({ status: 200, body: {} }));

    await expect(clientFor().grantTenant(null, { deadline: Date.now() - 1 })).rejects.toThrow(/deadline exceeded/);
    expect(svc.seen).toHaveLength(0);
  });

  test('given the service echoes the Authorization header in an error, when it fails, then neither the error nor the log holds the token', async () => {
    await start((req) => ({ status: 400, body: { error: { code: 'BadRequest', message: `rejected request with authorization: ${req.headers.authorization}` } } }));

    const err = await clientFor().listServiceProviders().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).not.toContain(TOKEN);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
    expect((err as Error).message).toMatch(/Bearer \[redacted\]/);
  });

  test('given a 500 on every attempt of a read, when attempts run out, then ServiceError names the status and the object', async () => {
    await start(() => ({ status: 500, body: { error: { code: 'InternalError', message: 'boom' } } }));
    const client = new TeamsAdminClient({ tenantId: TENANT, credential: staticCredential(), endpoint: svc.url, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });

    const err = await client.listPolicies().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ServiceError);
    expect((err as Error).message).toBe(`tenant ${TENANT}: TeamsVideoInteropServicePolicy list: HTTP 500 after 2 attempts (service said: boom)`);
    client.close();
  });
});

describe('TeamsAdminClient endpoint rules', () => {
  test('given an http endpoint on a remote host, when constructing, then it is refused for sending tokens unencrypted', () => {
    expect(() => new TeamsAdminClient({ tenantId: TENANT, credential: staticCredential(), endpoint: 'http://teams.example.com' })).toThrow(/http on a non-loopback host/);
  });

  test('given the gcchigh cloud, when constructing, then the base URL is the GCC High host', () => {
    const c = new TeamsAdminClient({ tenantId: TENANT, credential: staticCredential(), cloud: 'gcchigh' });
    expect(c.baseUrl).toBe('https://api.interfaces.records.gov.teams.microsoft.us/');
    c.close();
  });
});

