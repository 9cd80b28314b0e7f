import { findUnmanaged, LiveTenantReader } from '../../../../scripts/drift/unmanaged';
import { readerFromClient } from '../../../../scripts/drift/unmanaged-reader';
import type { DeclaredTeamsObjects } from '../../../../scripts/drift/stack-config';
import type { TeamsAdminClient } from '../../../../teams';

/** An in-memory tenant: what a Teams admin would see in the admin center. */
class FakeTenant implements LiveTenantReader {
  providers: { identity: string; tenantKey: string }[] = [{ identity: 'Pexip', tenantKey: 'teams@contoso.example' }];
  groups: { groupId: string; policyName: string; rank: number }[] = [];
  users = new Map<string, string[]>();
  federation = { allowAllKnownDomains: false, allowedDomains: ['pexip.me'] as readonly string[] };
  async listServiceProviders() {
    return this.providers;
  }
  async listGroupAssignments() {
    return [...this.groups].sort((a, b) => a.rank - b.rank);
  }
  async listUsersWithPolicy(policyName: string) {
    return this.users.get(policyName) ?? [];
  }
  async getFederation() {
    return this.federation;
  }
}

const OUR_GROUP = '1d2e3f40-0000-4000-8000-000000000001';
const FOREIGN_GROUP = '0f0f0f0f-0000-4000-8000-000000000009';
const PEXIP = 'PexipServiceProviderEnabled';

const groupStack: DeclaredTeamsObjects = {
  serviceProviders: ['Pexip'],
  assignments: [{ policyName: PEXIP, groupId: OUR_GROUP, groupRank: 2 }],
  federationDomains: ['pexip.me'],
};

describe('unmanaged objects: live CVI objects the stack does not declare', () => {
  let tenant: FakeTenant;
  beforeEach(() => {
    tenant = new FakeTenant();
    tenant.groups = [{ groupId: OUR_GROUP, policyName: PEXIP, rank: 2 }];
  });

  test('a tenant holding exactly what the stack declares has none', async () => {
    expect(await findUnmanaged(groupStack, tenant)).toEqual([]);
  });

  test('a service provider added by hand is unmanaged; ours is matched whatever its case', async () => {
    tenant.providers = [{ identity: 'pexip', tenantKey: 'teams@contoso.example' }, { identity: 'Cisco', tenantKey: 'rogue@contoso.example' }];
    expect(await findUnmanaged(groupStack, tenant)).toEqual([
      { kind: 'service-provider', object: 'Cisco', detail: 'service provider Cisco (tenant key rogue@contoso.example) is not in the stack' },
    ]);
  });

  test('a foreign group assignment ranked above ours is flagged, and says whose policy its members get', async () => {
    tenant.groups.push({ groupId: FOREIGN_GROUP, policyName: 'CiscoServiceProviderEnabled', rank: 1 });
    expect(await findUnmanaged(groupStack, tenant)).toEqual([
      {
        kind: 'group-assignment',
        object: FOREIGN_GROUP,
        detail: `group ${FOREIGN_GROUP} holds CiscoServiceProviderEnabled at rank 1, above our rank 2: its members get CiscoServiceProviderEnabled instead of ours`,
        rankedAboveOurs: true,
      },
    ]);
  });

  test('a foreign group assignment ranked below ours is unmanaged but not flagged', async () => {
    tenant.groups.push({ groupId: FOREIGN_GROUP, policyName: 'CiscoServiceProviderEnabled', rank: 3 });
    const [found] = await findUnmanaged(groupStack, tenant);
    expect(found).toMatchObject({ kind: 'group-assignment', object: FOREIGN_GROUP });
    expect(found.rankedAboveOurs).toBeUndefined();
  });

  test('with a tenant-wide grant, every group assignment ranks above ours', async () => {
    const globalStack: DeclaredTeamsObjects = { serviceProviders: ['Pexip'], assignments: [{ policyName: PEXIP, global: true }], federationDomains: [] };
    tenant.groups = [{ groupId: FOREIGN_GROUP, policyName: 'CiscoServiceProviderEnabled', rank: 7 }];
    const [found] = await findUnmanaged(globalStack, tenant);
    expect(found).toMatchObject({ rankedAboveOurs: true, detail: expect.stringContaining('rank 7, above our tenant-wide grant') });
  });

  test('when the stack manages users, a user holding our policy whom it does not list is unmanaged', async () => {
    const usersStack: DeclaredTeamsObjects = { serviceProviders: ['Pexip'], assignments: [{ policyName: PEXIP, users: ['Ann@contoso.example'] }], federationDomains: [] };
    tenant.groups = [];
    tenant.users.set(PEXIP, ['ann@contoso.example', 'eve@contoso.example']);
    expect(await findUnmanaged(usersStack, tenant)).toEqual([
      { kind: 'user-grant', object: 'eve@contoso.example', detail: `user eve@contoso.example holds ${PEXIP} directly; not in the stack` },
    ]);
  });

  test('users are not listed when the stack grants no users', async () => {
    const listUsers = jest.spyOn(tenant, 'listUsersWithPolicy');
    await findUnmanaged(groupStack, tenant);
    expect(listUsers).not.toHaveBeenCalled();
  });

  test('a federation allow-list that lost our domain is reported; allow-all mode is not', async () => {
    tenant.federation = { allowAllKnownDomains: false, allowedDomains: ['other.example'] };
    expect(await findUnmanaged(groupStack, tenant)).toEqual([
      { kind: 'federation-domain', object: 'pexip.me', detail: 'federation allow-list lost our domain pexip.me: meetings cannot federate with it' },
    ]);
    tenant.federation = { allowAllKnownDomains: true, allowedDomains: [] };
    expect(await findUnmanaged(groupStack, tenant)).toEqual([]);
  });

  test('a reader that fails makes the whole check fail (reported as an error, never as in sync)', async () => {
    tenant.getFederation = () => Promise.reject(new Error('teams api answered 403'));
    await expect(findUnmanaged(groupStack, tenant)).rejects.toThrow('teams api answered 403');
  });
});

describe('the reader over the Teams admin client', () => {
  test('given the user search is refused, extra users are not reported and a warning says they could not be looked for', async () => {
    const usersHoldingPolicy = async () => ({ path: 'per-user', reason: 'the user search answered 400', users: [] });
    const warnings: string[] = [];
    const client = { usersHoldingPolicy } as unknown as TeamsAdminClient;

    expect(await readerFromClient(client, (w) => warnings.push(w)).listUsersWithPolicy(PEXIP)).toEqual([]);
    expect(warnings).toEqual([`users holding ${PEXIP} outside the stack cannot be listed: the user search answered 400 (run npx cvi probe)`]);
  });
});
