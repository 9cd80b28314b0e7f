/**
 * Golden wire tests: for each client operation, the literal requests Microsoft's module sends
 * for the same cmdlet, typed by hand from ../shared/design/teams-wire-evidence.md (the § in each
 * comment), never built from teams/routes.ts. The scripted service answers in the shapes the
 * same evidence records; the client's recorded requests must match exactly.
 */
import type { TokenCredential } from '@azure/core-auth';
import { TeamsAdminClient } from '../../../teams';
import { startFakeService, type Answer, type FakeService, type SeenRequest } from './fake-service';

const TENANT = '0f0e0d0c-0b0a-4908-8706-050403020100';
const GROUP = '6a3f1b52-8c1d-4e2f-9a7b-0c1d2e3f4a5b';
const OPERATION = '2f4e6a8c-1b3d-4f5a-8c7e-9d0b1a2c3e4f';
const credential: TokenCredential = { getToken: async () => ({ token: 'eyJh.eyJi.sig', expiresOnTimestamp: Date.now() + 3_600_000 }) };

/** §3 list answer: PascalCase, Tag: names. */
const POLICIES = [
  { Identity: 'Global', Description: 'default', ProviderName: 'DefaultProvider', Enabled: false },
  { Identity: 'Tag:PexipServiceProviderEnabled', Description: 'Pexip', ProviderName: 'Pexip', Enabled: true },
];
const PEXIP = { Identity: 'Pexip', TenantKey: 'teams@contoso.com', InstructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}', AadApplicationIds: '11111111-1111-4111-8111-111111111111;22222222-2222-4222-8222-222222222222', AllowAppGuestJoinsAsAuthenticated: true };

interface Wire {
  method: string;
  path: string;
  body?: unknown;
}

let svc: FakeService;
let client: TeamsAdminClient;

async function serve(script: (req: SeenRequest) => Answer): Promise<void> {
  svc = await startFakeService(script);
  client = new TeamsAdminClient({ tenantId: TENANT, credential, endpoint: svc.url, consistency: { confirmations: 1, intervalMs: 1, maxIntervalMs: 1 }, retry: { baseDelayMs: 1 } });
}

/** What the client sent after discovery: method, path with query as sent, parsed body. */
function sent(): Wire[] {
  return svc.seen.slice(1).map((r) => ({ method: r.method, path: r.path, ...(r.body === '' ? {} : { body: JSON.parse(r.body) }) }));
}

afterEach(async () => {
  client?.close();
  await svc?.stop();
});

describe('discovery and headers (§0, §1)', () => {
  test('discovery carries only Accept and Authorization; later calls carry https://<AdminServiceEndpoint>, a correlation id and UTF-8 JSON', async () => {
    await serve(() => ({ status: 204 }));

    await client.grantUser('alice@contoso.com', null);

    const [discovery, grant] = svc.seen;
    expect(discovery.method).toBe('GET');
    expect(discovery.path).toBe('/Teams.Tenant/serviceDiscovery');
    expect(discovery.headers['x-ms-target-uri']).toBeUndefined();
    expect(discovery.headers['x-ms-correlation-id']).toBeUndefined();
    expect(discovery.headers.accept).toBe('application/json');
    expect(grant.headers['x-ms-target-uri']).toBe('https://admin2a.example.test');
    expect(grant.headers['x-ms-correlation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(grant.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});

describe('video interop service providers (§2)', () => {
  test('list', async () => {
    await serve(() => ({ status: 200, body: [PEXIP] }));

    const providers = await client.listServiceProviders();

    expect(sent()).toEqual([{ method: 'GET', path: '/Skype.Policy/configurations/VideoInteropServiceProvider' }]);
    expect(providers[0]).toEqual({ identity: 'Pexip', tenantKey: 'teams@contoso.com', instructionUri: PEXIP.InstructionUri, aadApplicationIds: PEXIP.AadApplicationIds.split(';'), allowAppGuestJoinsAsAuthenticated: true });
  });

  test('create: POST of the set fields, PascalCase, then a read', async () => {
    let created = false;
    await serve((r) => {
      if (r.method === 'POST') created = true;
      return r.method === 'POST' ? { status: 200, body: {} } : { status: 200, body: created ? [PEXIP] : [] };
    });

    await client.createServiceProvider({ identity: 'Pexip', tenantKey: 'teams@contoso.com', instructionUri: PEXIP.InstructionUri, aadApplicationIds: PEXIP.AadApplicationIds.split(';'), allowAppGuestJoinsAsAuthenticated: true });

    expect(sent()).toEqual([
      { method: 'POST', path: '/Skype.Policy/configurations/VideoInteropServiceProvider', body: PEXIP },
      { method: 'GET', path: '/Skype.Policy/configurations/VideoInteropServiceProvider' },
    ]);
  });

  test('create with only the required fields sends only those', async () => {
    await serve((r) => (r.method === 'POST' ? { status: 200, body: {} } : { status: 200, body: [{ Identity: 'Cisco', TenantKey: 'k@contoso.com' }] }));

    await client.createServiceProvider({ identity: 'Cisco', tenantKey: 'k@contoso.com', aadApplicationIds: [], allowAppGuestJoinsAsAuthenticated: false });

    expect(sent()[0]).toEqual({ method: 'POST', path: '/Skype.Policy/configurations/VideoInteropServiceProvider', body: { Identity: 'Cisco', TenantKey: 'k@contoso.com' } });
  });

  test('update: a read, then PATCH of the changed fields only', async () => {
    let patched = false;
    await serve((r) => {
      if (r.method === 'PATCH') patched = true;
      return r.method === 'PATCH' ? { status: 200, body: {} } : { status: 200, body: [{ ...PEXIP, ...(patched ? { TenantKey: 'new@contoso.com', InstructionUri: null } : {}) }] };
    });

    await client.updateServiceProvider({ identity: 'Pexip', tenantKey: 'new@contoso.com', aadApplicationIds: PEXIP.AadApplicationIds.split(';'), allowAppGuestJoinsAsAuthenticated: true });

    expect(sent()).toEqual([
      { method: 'GET', path: '/Skype.Policy/configurations/VideoInteropServiceProvider' },
      { method: 'PATCH', path: '/Skype.Policy/configurations/VideoInteropServiceProvider/configuration/Pexip', body: { TenantKey: 'new@contoso.com', InstructionUri: null } },
      { method: 'GET', path: '/Skype.Policy/configurations/VideoInteropServiceProvider' },
    ]);
  });

  test('delete: DELETE with the Identity as body; the identity segment escaped as Uri.EscapeDataString does', async () => {
    await serve((r) => (r.method === 'DELETE' ? { status: 204 } : { status: 200, body: [] }));

    await client.deleteServiceProvider("Pexip (it's)");

    expect(sent()).toEqual([
      { method: 'DELETE', path: '/Skype.Policy/configurations/VideoInteropServiceProvider/configuration/Pexip%20%28it%27s%29', body: { Identity: "Pexip (it's)" } },
      { method: 'GET', path: '/Skype.Policy/configurations/VideoInteropServiceProvider' },
    ]);
  });
});

describe('policies and grants (§3, §4, §5, §6)', () => {
  test('user grant: PATCH {policyName, additionalParameters: null}, confirmed by the effective-policy read', async () => {
    await serve((r) => {
      if (r.path.startsWith('/Skype.Policy/configurations/')) return { status: 200, body: POLICIES };
      if (r.method === 'PATCH') return { status: 204 };
      return { status: 200, body: [{ policyType: 'TeamsVideoInteropServicePolicy', policyName: 'PexipServiceProviderEnabled', policySource: [] }] };
    });

    await client.grantUser('alice@contoso.com', 'Tag:PexipServiceProviderEnabled');

    expect(sent()).toEqual([
      { method: 'GET', path: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy' },
      { method: 'PATCH', path: '/Skype.Policy/users/alice%40contoso.com/policies/TeamsVideoInteropServicePolicy', body: { policyName: 'PexipServiceProviderEnabled', additionalParameters: null } },
      { method: 'GET', path: '/Skype.User/users/alice%40contoso.com/policies?policyType=TeamsVideoInteropServicePolicy' },
    ]);
  });

  test('user grant removal: policyName null', async () => {
    await serve(() => ({ status: 204 }));

    await client.grantUser('alice@contoso.com', null);

    expect(sent()).toEqual([
      { method: 'PATCH', path: '/Skype.Policy/users/alice%40contoso.com/policies/TeamsVideoInteropServicePolicy', body: { policyName: null, additionalParameters: null } },
    ]);
  });

  test('tenant-wide grant: PATCH {PolicyName, additionalParameters, forceSwitchPresent}; the candidate GET, refused, leaves it unconfirmed', async () => {
    await serve((r) => (r.path.startsWith('/Skype.Policy/configurations/') ? { status: 200, body: POLICIES } : r.method === 'PATCH' ? { status: 204 } : { status: 405, body: { code: 'MethodNotAllowed', message: 'no' } }));

    const read = await client.grantTenant('PexipServiceProviderEnabled');

    expect(sent()).toEqual([
      { method: 'GET', path: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy' },
      { method: 'PATCH', path: '/Skype.Policy/tenants/policies/TeamsVideoInteropServicePolicy', body: { PolicyName: 'PexipServiceProviderEnabled', additionalParameters: null, forceSwitchPresent: false } },
      { method: 'GET', path: '/Skype.Policy/tenants/policies/TeamsVideoInteropServicePolicy' },
    ]);
    expect(read.available).toBe(false);
  });

  test('who holds a policy: the candidate user search with a PowerShell filter, paged by $skiptoken from @nextLink', async () => {
    await serve((r) =>
      r.path.includes('skiptoken')
        ? { status: 200, body: { users: [{ userPrincipalName: 'bob@contoso.com', teamsVideoInteropServicePolicy: { authority: 'Tenant', name: 'PexipServiceProviderEnabled' } }] } }
        : { status: 200, body: { '@nextLink': '/Teams.User/users?$skiptoken=T2', users: [{ userPrincipalName: 'alice@contoso.com', teamsVideoInteropServicePolicy: { authority: 'Tenant', name: 'PexipServiceProviderEnabled' } }] } },
    );

    const holders = await client.usersHoldingPolicy('PexipServiceProviderEnabled', ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com']);

    expect(sent()).toEqual([
      { method: 'GET', path: "/Teams.User/users?psfilter=TeamsVideoInteropServicePolicy+-eq+%27PexipServiceProviderEnabled%27" },
      { method: 'GET', path: "/Teams.User/users?psfilter=TeamsVideoInteropServicePolicy+-eq+%27PexipServiceProviderEnabled%27&%24skiptoken=T2" },
    ]);
    expect(holders).toEqual({ path: 'search', users: ['alice@contoso.com', 'bob@contoso.com'] });
  });

  test('who holds a policy, search refused (Teams.User error shape): one effective-policy read per user', async () => {
    await serve((r) =>
      r.path.startsWith('/Teams.User/')
        ? { status: 400, body: { error: { code: 'BadRequest', message: 'unknown query' } } }
        : { status: 200, body: [{ policyType: 'TeamsVideoInteropServicePolicy', policyName: r.path.includes('alice') ? 'PexipServiceProviderEnabled' : 'Global', policySource: [] }] },
    );

    const holders = await client.usersHoldingPolicy('PexipServiceProviderEnabled', ['alice@contoso.com', 'bob@contoso.com']);

    expect(sent().slice(1).map((w) => w.path).sort()).toEqual([
      '/Skype.User/users/alice%40contoso.com/policies?policyType=TeamsVideoInteropServicePolicy',
      '/Skype.User/users/bob%40contoso.com/policies?policyType=TeamsVideoInteropServicePolicy',
    ]);
    expect(holders).toEqual({ path: 'per-user', reason: 'the user search answered 400', users: ['alice@contoso.com'] });
  });
});

describe('group assignment (§7)', () => {
  const groups = (priority: number) => [{ groupId: GROUP, priority, policyType: 'TeamsVideoInteropServicePolicy', policyName: 'PexipServiceProviderEnabled', createdBy: 'x', createdTime: '2026-01-01T00:00:00.0000000Z' }];

  test('grant: POST {policyName, priority}, confirmed by the list of the policy type', async () => {
    await serve((r) => (r.path.startsWith('/Skype.Policy/configurations/') ? { status: 200, body: POLICIES } : r.method === 'POST' ? { status: 204 } : { status: 200, body: groups(2) }));

    await client.grantGroup(GROUP, 'PexipServiceProviderEnabled', 2);

    expect(sent()).toEqual([
      { method: 'GET', path: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy' },
      { method: 'POST', path: `/Skype.Policy/groupPolicyAssignments/${GROUP}/policyTypes/TeamsVideoInteropServicePolicy`, body: { policyName: 'PexipServiceProviderEnabled', priority: 2 } },
      { method: 'GET', path: '/Skype.Policy/groupPolicyAssignments?policyType=TeamsVideoInteropServicePolicy' },
    ]);
  });

  test('remove: DELETE, no body', async () => {
    await serve((r) => (r.method === 'DELETE' ? { status: 204 } : { status: 200, body: [] }));

    await client.removeGroup(GROUP);

    expect(sent()).toEqual([
      { method: 'DELETE', path: `/Skype.Policy/groupPolicyAssignments/${GROUP}/policyTypes/TeamsVideoInteropServicePolicy` },
      { method: 'GET', path: '/Skype.Policy/groupPolicyAssignments?policyType=TeamsVideoInteropServicePolicy' },
    ]);
  });
});

describe('batch assignment (§8)', () => {
  test('POST ?operationName= with {policy, identities, additionalParameters} → 202 {OperationId}; status GET read in camelCase', async () => {
    await serve((r) => {
      if (r.path.startsWith('/Skype.Policy/configurations/')) return { status: 200, body: POLICIES };
      if (r.method === 'POST') return { status: 202, body: { OperationId: OPERATION } };
      return { status: 200, body: { operationId: OPERATION, overallStatus: 'Completed', completedCount: 2, errorCount: 0, userState: [{ id: 'a@contoso.com', state: 'Completed', result: 'Success' }, { id: 'b@contoso.com', state: 'Completed', result: '' }] } };
    });

    const result = await client.assignPolicyToUsers('PexipServiceProviderEnabled', ['a@contoso.com', 'b@contoso.com'], { operationName: 'cvi', pollIntervalMs: 1 });

    expect(sent()).toEqual([
      { method: 'GET', path: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy' },
      {
        method: 'POST',
        path: '/Skype.Policy/assignments/operations?operationName=cvi+%281%2F1%29',
        body: { policy: { policyType: 'TeamsVideoInteropServicePolicy', policyName: 'PexipServiceProviderEnabled' }, identities: ['a@contoso.com', 'b@contoso.com'], additionalParameters: {} },
      },
      { method: 'GET', path: `/Skype.Policy/assignments/operations/${OPERATION}` },
    ]);
    expect(result).toMatchObject({ total: 2, succeeded: 2, errors: [] });
  });
});

describe('federation (§9)', () => {
  test('add: read the object, PATCH the whole AllowedDomains list, read again', async () => {
    let list = [{ Domain: 'contoso.com' }];
    await serve((r) => {
      if (r.method === 'PATCH') {
        list = (JSON.parse(r.body) as { AllowedDomains: { AllowedDomain: { Domain: string }[] } }).AllowedDomains.AllowedDomain;
        return { status: 204 };
      }
      return { status: 200, body: { Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: list }, BlockedDomains: [] } };
    });

    expect(await client.addAllowedDomain('pexip.me')).toBe('added');

    const path = '/Skype.Policy/configurations/TenantFederationSettings/configuration/Global';
    expect(sent()).toEqual([
      { method: 'GET', path },
      { method: 'PATCH', path, body: { Identity: 'Global', AllowedDomains: { AllowedDomain: [{ Domain: 'contoso.com' }, { Domain: 'pexip.me' }] } } },
      { method: 'GET', path },
    ]);
  });

  test('allow-all (AllowedDomain null): nothing is written', async () => {
    await serve(() => ({ status: 200, body: { Identity: 'Global', AllowedDomains: { AllowedDomain: null }, BlockedDomains: [] } }));

    expect(await client.addAllowedDomain('pexip.me')).toBe('allow-all');
    expect(sent().map((w) => w.method)).toEqual(['GET']);
  });
});

describe('answers read without regard to key case, and both error shapes (§10)', () => {
  test('a camelCase provider answer is read', async () => {
    await serve(() => ({ status: 200, body: [{ identity: 'Pexip', tenantKey: 'k@contoso.com', aadApplicationIds: null }] }));

    expect((await client.listServiceProviders())[0]).toMatchObject({ identity: 'Pexip', tenantKey: 'k@contoso.com', aadApplicationIds: [] });
  });

  test('a /Skype.Policy error {code, message, action} keeps the message and the action', async () => {
    await serve(() => ({ status: 400, body: { code: 'InvalidTenantKey', message: 'TenantKey is not valid.', action: 'Use an address.' } }));

    const err = await client.listServiceProviders().catch((e: unknown) => e);

    expect((err as Error).message).toBe(`tenant ${TENANT}: video interop service providers: rejected by the service: TenantKey is not valid. Use an address.`);
  });
});
