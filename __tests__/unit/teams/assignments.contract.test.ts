import { NotFoundError, UnknownPolicyError } from '../../../teams';
import { Harness, startHarness } from '../../support/emulator/client';

const GROUP_A = '11111111-1111-4111-8111-111111111111';
const GROUP_B = '22222222-2222-4222-8222-222222222222';

describe('TeamsAdminClient policies and grants against the emulator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('when listing policies, then names come without the Tag: prefix', async () => {
    const names = (await h.client.listPolicies()).map((p) => p.name);

    expect(names).toEqual(expect.arrayContaining(['Global', 'PexipServiceProviderEnabled', 'ServiceProviderDisabled']));
    expect(names.some((n) => n.startsWith('Tag:'))).toBe(false);
  });

  test('given policies were listed once, when listing again, then the service is not asked again', async () => {
    await h.client.listPolicies();
    await h.client.listPolicies();

    expect(h.emulator.log.count('GET /Skype.Policy/configurations/TeamsVideoInteropServicePolicy')).toBe(1);
  });

  test('when granting a user with the Tag: prefix, then the user holds the bare policy', async () => {
    await h.client.grantUser('alice@contoso.com', 'Tag:PexipServiceProviderEnabled');

    expect(h.tenant.getUserPolicy('alice@contoso.com')).toBe('PexipServiceProviderEnabled');
  });

  test('given a user grant, when reading the effective policy, then the bare name is answered', async () => {
    h.tenant.setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');

    expect(await h.client.getEffectivePolicy('bob@contoso.com')).toBe('PexipServiceProviderEnabled');
  });

  test('given no grant of any kind, when reading the effective policy, then it is Global', async () => {
    expect(await h.client.getEffectivePolicy('bob@contoso.com')).toBe('Global');
  });

  test('given a user grant, when granting null, then the direct assignment is removed', async () => {
    h.tenant.setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');

    await h.client.grantUser('bob@contoso.com', null);

    expect(h.tenant.getUserPolicy('bob@contoso.com')).toBeNull();
  });

  test('when granting an unknown policy, then UnknownPolicyError lists the tenant policies and nothing is written', async () => {
    const err = await h.client.grantUser('alice@contoso.com', 'AcmeServiceProviderEnabled').catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UnknownPolicyError);
    expect((err as Error).message).toMatch(/policy "AcmeServiceProviderEnabled" does not exist in this tenant; it has: .*PexipServiceProviderEnabled/);
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('given a user the service does not know, when granting, then NotFoundError names the user', async () => {
    h.tenant.markUnknownUser('ghost@contoso.com');

    const err = await h.client.grantUser('ghost@contoso.com', 'PexipServiceProviderEnabled').catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toMatch(/user ghost@contoso.com: not found/);
  });

  test('given a replication delay on user grants, when granting, then the call returns once reads agree', async () => {
    await h.stop();
    h = await startHarness({ replicationLagMs: 120 });

    await h.client.grantUser('alice@contoso.com', 'PexipServiceProviderEnabled');

    expect(await h.client.getEffectivePolicy('alice@contoso.com')).toBe('PexipServiceProviderEnabled');
  });

  test('given the user search answers and 2,500 users hold a policy, when asking who holds it, then every page is read once', async () => {
    await h.stop();
    h = await startHarness({ candidates: ['userSearch'] });
    for (let i = 0; i < 2500; i++) h.tenant.setUserPolicy(`user${i}@contoso.com`, 'PexipServiceProviderEnabled');

    const holders = await h.client.usersHoldingPolicy('PexipServiceProviderEnabled', ['user7@contoso.com', 'nobody@contoso.com'], {});

    expect(holders).toEqual({ path: 'search', users: ['user7@contoso.com'] });
    expect(h.emulator.log.count('GET /Teams.User/users')).toBe(3);
    expect(h.emulator.log.count('GET /Skype.User/users/{user}/policies')).toBe(0);
  });

  test('given the user search is refused, when asking who holds a policy, then each candidate is read once and the reason is given', async () => {
    h.tenant.setUserPolicy('alice@contoso.com', 'PexipServiceProviderEnabled');
    h.tenant.setUserPolicy('bob@contoso.com', 'CiscoServiceProviderEnabled');

    const holders = await h.client.usersHoldingPolicy('PexipServiceProviderEnabled', ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com']);

    expect(holders.path).toBe('per-user');
    expect(holders.users).toEqual(['alice@contoso.com']);
    expect(holders.reason).toMatch(/answered 400/);
    expect(h.emulator.log.count('GET /Teams.User/users')).toBe(1);
    expect(h.emulator.log.count('GET /Skype.User/users/{user}/policies')).toBe(3);
  });

  test('given the user search is refused, when asking for every holder, then only the named candidates can be answered', async () => {
    h.tenant.setUserPolicy('alice@contoso.com', 'PexipServiceProviderEnabled');

    const holders = await h.client.usersHoldingPolicy('PexipServiceProviderEnabled', [], { allUsers: true });

    expect(holders).toMatchObject({ path: 'per-user', users: [] });
  });

  test('when granting a group with a rank, then the group holds the policy at that rank', async () => {
    h.tenant.setGroupPolicy(GROUP_B, 'ServiceProviderDisabled');

    await h.client.grantGroup(GROUP_A, 'PexipServiceProviderEnabled', 1);

    expect(await h.client.getGroupAssignment(GROUP_A)).toEqual({ groupId: GROUP_A, policyName: 'PexipServiceProviderEnabled', rank: 1 });
    expect(h.tenant.groupAssignments(GROUP_B)[0].priority).toBe(2);
    expect(await h.client.listGroupAssignments()).toEqual([
      { groupId: GROUP_A, policyName: 'PexipServiceProviderEnabled', rank: 1 },
      { groupId: GROUP_B, policyName: 'ServiceProviderDisabled', rank: 2 },
    ]);
  });

  test('given the service refuses group assignment of this policy type, when granting a group, then the error names the users and global scopes', async () => {
    await h.stop();
    h = await startHarness({ refuseGroupAssignment: true });

    const err = await h.client.grantGroup(GROUP_A, 'PexipServiceProviderEnabled', 1).catch((e: unknown) => e);

    expect((err as Error).message).toMatch(/not supported for policy type TeamsVideoInteropServicePolicy.*scope "users".*scope "global"/);
  });

  test('given another group holds rank 1 and never lets go, when granting rank 1 runs out of time, then the error says what the last read showed', async () => {
    h.tenant.setGroupPolicy(GROUP_B, 'ServiceProviderDisabled');
    // A fault makes every read lag behind the write, so the grant is never seen at rank 1.
    h.emulator.faults.add({ kind: 'replicationLag', route: 'POST /Skype.Policy/groupPolicyAssignments/{groupId}/policyTypes/{policyType}', ms: 60_000 });

    const err = await h.client.grantGroup(GROUP_A, 'PexipServiceProviderEnabled', 1, { deadline: Date.now() + 400 }).catch((e: unknown) => e);

    expect((err as Error).message).toMatch(new RegExp(`waiting for group ${GROUP_A} at rank 1; last read showed no assignment, want 1, group ${GROUP_B} holds 1`));
  });

  test('given no group assignment, when reading it, then the answer is undefined', async () => {
    expect(await h.client.getGroupAssignment(GROUP_A)).toBeUndefined();
  });

  test('given a group assignment, when removing it, then the group holds none', async () => {
    h.tenant.setGroupPolicy(GROUP_A, 'PexipServiceProviderEnabled');

    await h.client.removeGroup(GROUP_A);

    expect(h.tenant.groupAssignments(GROUP_A)).toEqual([]);
  });

  test('given no group assignment, when removing it, then the removal succeeds as already done', async () => {
    await expect(h.client.removeGroup(GROUP_A)).resolves.toBeUndefined();
  });

  test('given the tenant-wide read answers, when granting the tenant a policy, then it is confirmed by reading it back', async () => {
    await h.stop();
    h = await startHarness({ candidates: ['tenantGrantRead'] });

    const read = await h.client.grantTenant('PexipServiceProviderEnabled');

    expect(read).toEqual({ available: true, policyName: 'PexipServiceProviderEnabled' });
    expect(h.tenant.getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    expect(await h.client.readTenantGrant()).toEqual({ available: true, policyName: 'PexipServiceProviderEnabled' });
  });

  test('given the tenant-wide read is refused, when granting the tenant a policy, then it is written and reported unconfirmed', async () => {
    const read = await h.client.grantTenant('PexipServiceProviderEnabled');

    expect(h.tenant.getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    expect(read).toEqual({ available: false, reason: 'GET /Skype.Policy/tenants/policies/TeamsVideoInteropServicePolicy answered 405' });
  });

  test('given a tenant grant, when granting Global, then the tenant is back on the default', async () => {
    await h.stop();
    h = await startHarness({ candidates: ['tenantGrantRead'] });
    h.tenant.setTenantPolicy('PexipServiceProviderEnabled');

    await h.client.grantTenant('Global');

    expect(h.tenant.getTenantPolicy()).toBeNull();
    expect(await h.client.readTenantGrant()).toEqual({ available: true, policyName: null });
  });
});
