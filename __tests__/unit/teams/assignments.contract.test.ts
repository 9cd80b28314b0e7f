import { NotFoundError, UnknownPolicyError } from '../../../teams';
import { startHarness, Harness } from './emulator-harness';

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

  test('given a user grant, when reading the user policy, then the bare name is answered', async () => {
    h.tenant.setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');

    expect(await h.client.getUserPolicy('bob@contoso.com')).toBe('PexipServiceProviderEnabled');
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

    expect(await h.client.getUserPolicy('alice@contoso.com')).toBe('PexipServiceProviderEnabled');
  });

  test('given 2,500 users with a policy, when listing them, then every page is read', async () => {
    for (let i = 0; i < 2500; i++) h.tenant.setUserPolicy(`user${i}@contoso.com`, 'PexipServiceProviderEnabled');

    const users = await h.client.listUsersWithPolicy('Tag:PexipServiceProviderEnabled');

    expect(users).toHaveLength(2500);
    expect(h.emulator.log.count('GET /Skype.Policy/policyAssignments/users')).toBe(3);
  });

  test('when granting a group with a rank, then the group holds the policy at that rank', async () => {
    h.tenant.setGroupPolicy(GROUP_B, 'ServiceProviderDisabled');

    await h.client.grantGroup(GROUP_A, 'PexipServiceProviderEnabled', 1);

    expect(await h.client.getGroupAssignment(GROUP_A)).toEqual({ groupId: GROUP_A, policyName: 'PexipServiceProviderEnabled', rank: 1 });
    expect(h.tenant.groupAssignments(GROUP_B)[0].Rank).toBe(2);
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

  test('when granting the tenant a policy, then the Global assignment is that policy', async () => {
    await h.client.grantTenant('PexipServiceProviderEnabled');

    expect(h.tenant.getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    expect(await h.client.getTenantPolicy()).toBe('PexipServiceProviderEnabled');
  });

  test('given a tenant grant, when granting Global, then the tenant is back on the default', async () => {
    h.tenant.setTenantPolicy('PexipServiceProviderEnabled');

    await h.client.grantTenant('Global');

    expect(h.tenant.getTenantPolicy()).toBeNull();
    expect(await h.client.getTenantPolicy()).toBeNull();
  });
});
