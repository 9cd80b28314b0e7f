import { randomUUID } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { GraphClient, readConsent, readLiveTenant } from '../../../reader';
import { emulatorCredential } from '../../support/emulator/client';

const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const POLY_APPS = ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'];
const CVI_MINIMUM = ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCallAsGuest.All', 'Calls.AccessMedia.All', 'OnlineMeetings.Read.All'];

describe('consent read through the emulator\'s Microsoft Graph routes', () => {
  let emulator: RunningEmulator;
  let tenantId: string;
  let graph: GraphClient;
  const scopes: string[] = [];

  async function start(options: Parameters<typeof startEmulator>[0] = {}) {
    emulator = await startEmulator(options);
    tenantId = randomUUID();
    graph = new GraphClient({
      tenantId,
      endpoint: emulator.graphUrl,
      baseDelayMs: 1,
      credential: emulatorCredential(emulator, tenantId, { clientId: 'reader-test', audience: 'graph', scopes }),
    });
  }
  afterEach(async () => {
    graph.close();
    await emulator.stop();
  });

  test('given the vendor app consented by hand, the reader names its Graph application permissions and delegated scopes', async () => {
    await start();
    const directory = emulator.graph(tenantId);
    directory.addServicePrincipal({ appId: PEXIP_APP, displayName: 'Pexip CVI' });
    directory.grantAppRoles(PEXIP_APP, CVI_MINIMUM);
    directory.grantDelegated(PEXIP_APP, ['User.Read']);

    const consent = await readConsent(graph, [PEXIP_APP]);

    const vendorSp = directory.servicePrincipalByAppId(PEXIP_APP)!.id;
    const assignmentIds = Object.fromEntries(CVI_MINIMUM.map((name) => [name, directory.appRoleAssignmentsOf(vendorSp).find((a) => a.appRoleId === directory.appRoleId(name))!.id]));
    expect(consent).toEqual({
      status: 'read',
      value: {
        graphServicePrincipalId: directory.servicePrincipalByAppId('00000003-0000-0000-c000-000000000000')!.id,
        apps: [
          {
            appId: PEXIP_APP,
            consent: {
              status: 'read',
              value: {
                appId: PEXIP_APP,
                servicePrincipalId: directory.servicePrincipalByAppId(PEXIP_APP)!.id,
                displayName: 'Pexip CVI',
                applicationPermissions: [...CVI_MINIMUM].sort(),
                unknownAppRoleIds: [],
                delegatedScopes: ['User.Read'],
                appRoleAssignmentIds: assignmentIds,
                delegatedGrantId: directory.permissionGrantsOf(vendorSp)[0].id,
              },
            },
          },
        ],
      },
    });
    expect(scopes[0]).toBe('https://graph.microsoft.com/.default');
  });

  test('an app id the tenant never consented is missing, next to one that is read', async () => {
    await start();
    emulator.graph(tenantId).addServicePrincipal({ appId: POLY_APPS[0] });

    const consent = await readConsent(graph, POLY_APPS);

    expect(consent.status === 'read' && consent.value.apps.map((a) => [a.appId, a.consent.status])).toEqual([
      [POLY_APPS[0], 'read'],
      [POLY_APPS[1], 'missing'],
    ]);
  });

  test('a Graph app role the Graph service principal does not name is kept by id, never dropped', async () => {
    await start();
    const directory = emulator.graph(tenantId);
    directory.addServicePrincipal({ appId: PEXIP_APP });
    directory.grantAppRoles(PEXIP_APP, ['Calls.AccessMedia.All']);
    directory.grantAppRoleId(PEXIP_APP, '11111111-2222-4333-8444-555555555555');

    const consent = await readConsent(graph, [PEXIP_APP]);

    const app = consent.status === 'read' ? consent.value.apps[0].consent : undefined;
    expect(app?.status === 'read' && [app.value.applicationPermissions, app.value.unknownAppRoleIds]).toEqual([['Calls.AccessMedia.All'], ['11111111-2222-4333-8444-555555555555']]);
  });

  test('collections are read to the last page by @odata.nextLink', async () => {
    await start({ graphPageSize: 2 });
    const directory = emulator.graph(tenantId);
    directory.addServicePrincipal({ appId: PEXIP_APP });
    directory.grantAppRoles(PEXIP_APP, [...CVI_MINIMUM, 'User.Read.All']);

    const consent = await readConsent(graph, [PEXIP_APP]);

    const app = consent.status === 'read' ? consent.value.apps[0].consent : undefined;
    expect(app?.status === 'read' && app.value.applicationPermissions).toHaveLength(5);
    expect(emulator.log.count('GET /v1.0/servicePrincipals/{id}/appRoleAssignments')).toBe(3);
  });

  test('a throttled or failing Graph is retried until it answers', async () => {
    await start();
    emulator.graph(tenantId).addServicePrincipal({ appId: PEXIP_APP });
    emulator.faults.add({ kind: 'throttle', route: 'GET /v1.0/servicePrincipals', times: 1, retryAfterSeconds: 0 });
    emulator.faults.add({ kind: 'error', status: 503, route: '/v1.0/servicePrincipals/{id}/oauth2PermissionGrants', times: 2 });
    emulator.faults.add({ kind: 'resetBefore', route: '/v1.0/servicePrincipals/{id}/appRoleAssignments', times: 1 });

    const consent = await readConsent(graph, [PEXIP_APP]);

    expect(consent.status === 'read' && consent.value.apps[0].consent.status).toBe('read');
  });

  test('a token the service no longer takes is fetched again once, and the read goes on', async () => {
    emulator = await startEmulator();
    tenantId = randomUUID();
    emulator.graph(tenantId).addServicePrincipal({ appId: PEXIP_APP });
    let calls = 0;
    graph = new GraphClient({
      tenantId,
      endpoint: emulator.graphUrl,
      credential: {
        // The first token is for another API (a 401 at Graph); the second is Graph's.
        getToken: async () => ({ token: emulator.issueToken(tenantId, 'reader-test', calls++ === 0 ? 'teams' : 'graph'), expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
    });

    const consent = await readConsent(graph, [PEXIP_APP]);

    expect(consent.status === 'read' && consent.value.apps[0].consent.status).toBe('read');
    expect(calls).toBe(2);
  });

  test('a Graph that refuses the reader makes consent unreadable with the status and the permissions needed', async () => {
    await start();
    emulator.faults.add({ kind: 'error', status: 403, route: 'GET /v1.0/servicePrincipals' });

    const readout = await readLiveTenant({ tenantId, appIds: [PEXIP_APP] }, { graph });

    expect(readout.consent).toEqual({ status: 'unreadable', reason: expect.stringMatching(/HTTP 403.*Application\.Read\.All/) });
  });

  test('the Graph routes refuse a token issued for the Teams admin API', async () => {
    await start();
    const res = await fetch(`${emulator.graphUrl}/v1.0/servicePrincipals`, { headers: { authorization: `Bearer ${emulator.issueToken(tenantId)}` } });

    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });

  test('a filter the emulator does not serve is Graph\'s 400, not a silent full list', async () => {
    await start();
    const res = await fetch(`${emulator.graphUrl}/v1.0/servicePrincipals?$filter=startswith(displayName,'P')`, {
      headers: { authorization: `Bearer ${emulator.issueToken(tenantId, 'x', 'graph')}` },
    });

    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Request_UnsupportedQuery');
  });
});

describe('GraphClient requests', () => {
  test('write $filter as Graph documents it: a literal $ and %20 for spaces', async () => {
    const { createServer } = await import('node:http');
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const graph = new GraphClient({ tenantId: 't', endpoint: `http://127.0.0.1:${port}`, credential: { getToken: async () => ({ token: 'x', expiresOnTimestamp: Date.now() + 3_600_000 }) } });
    try {
      await readConsent(graph, []);
    } finally {
      graph.close();
      server.close();
    }
    // (the WHATWG URL writes the quotes as %27; both forms are the same literal to an OData server)
    expect(seen).toEqual(['/v1.0/servicePrincipals?$filter=appId%20eq%20%2700000003-0000-0000-c000-000000000000%27']);
  });
});
