/**
 * Policy assignment scopes (tenant, group) and the federation allow-list under terraform:
 * drift of a global policy and of a group rank, an unknown policy name refused at plan time,
 * and the allow-list edge cases where nothing may be written.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000004';
const GROUP = 'bbbbbbbb-0000-4000-8000-000000000002';
const OTHER_GROUP = 'bbbbbbbb-0000-4000-8000-000000000003';

const singleLine = (text: string) => text.replace(/\s+/g, ' ');

describe('tenant-wide and group assignments', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  const configure = (policyName: string) =>
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: emulator.url },
        {
          cvi_video_interop_policy_assignment: {
            everyone: { policy_name: policyName, global: true },
            rooms: { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP },
          },
        },
      ),
    );

  beforeAll(async () => {
    // The candidate read of the tenant-wide grant answers here; the next describe covers a service that refuses it.
    emulator = await startEmulator({ candidates: ['tenantGrantRead'] });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-scopes' });
    configure('PexipServiceProviderEnabled');
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('refuses an unknown policy name at plan time, listing the tenant\'s policies', async () => {
    configure('PexipEnabled');

    const plan = await ws.run('plan');

    expect(plan.code).toBe(1);
    expect(singleLine(plan.stderr)).toContain('there is no TeamsVideoInteropServicePolicy "PexipEnabled"');
    expect(singleLine(plan.stderr)).toContain('PexipServiceProviderEnabled, PolycomServiceProviderEnabled');
  }, 60_000);

  it('grants tenant-wide and to the group with rank 1 by default', async () => {
    configure('PexipServiceProviderEnabled');

    await ws.terraform('apply', '-auto-approve');

    expect(emulator.tenant(TENANT).getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    expect(emulator.tenant(TENANT).groupAssignments(GROUP)).toEqual([expect.objectContaining({ policyName: 'PexipServiceProviderEnabled', priority: 1 })]);
  }, 60_000);

  it('reports a different global policy and a different group rank as drift', async () => {
    const tenant = emulator.tenant(TENANT);
    tenant.setTenantPolicy('PolycomServiceProviderEnabled');
    tenant.setGroupPolicy(OTHER_GROUP, 'PolycomServiceProviderEnabled', 1); // pushes our group to rank 2

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ policy_name\s+= "PolycomServiceProviderEnabled" -> "PexipServiceProviderEnabled"/);
    expect(plan.stdout).toMatch(/~ group_rank\s+= 2 -> 1/);
  }, 60_000);

  it('repairs both on apply', async () => {
    await ws.terraform('apply', '-auto-approve');

    expect(emulator.tenant(TENANT).getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    expect(emulator.tenant(TENANT).groupAssignments(GROUP)[0]).toMatchObject({ priority: 1 });
    expect((await ws.run('plan', '-detailed-exitcode')).code).toBe(0);
  }, 60_000);

  it('restores the default policy and removes the group grant on destroy', async () => {
    await ws.terraform('destroy', '-auto-approve');

    expect(emulator.tenant(TENANT).getTenantPolicy()).toBeNull();
    expect(emulator.tenant(TENANT).groupAssignments(GROUP)).toEqual([]);
  }, 60_000);
});

describe('a tenant-wide assignment where the service has no read of it', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator(); // candidate reads off: GET of the tenant-wide grant answers 405
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-unread' });
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_video_interop_policy_assignment: { everyone: { policy_name: 'PexipServiceProviderEnabled', global: true } } }));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('applies the grant and warns that it could not be read back', async () => {
    const apply = await ws.terraform('apply', '-auto-approve');

    expect(emulator.tenant(TENANT).getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    expect(singleLine(apply.output)).toContain('Warning: Drift of the tenant-wide assignment cannot be detected');
    expect(singleLine(apply.output)).toContain('npx cvi probe');
  }, 60_000);

  it('plans no change, keeping the last known state, and says drift cannot be seen rather than "in sync"', async () => {
    emulator.tenant(TENANT).setTenantPolicy('PolycomServiceProviderEnabled'); // invisible without a read

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(0);
    expect(singleLine(plan.stdout + plan.stderr)).toMatch(/Drift of the tenant-wide assignment cannot be detected.*answered 405/);
  }, 60_000);

  it('restores the default on destroy', async () => {
    await ws.terraform('destroy', '-auto-approve');

    expect(emulator.tenant(TENANT).getTenantPolicy()).toBeNull();
  }, 60_000);
});

describe('a federation domain in a tenant that allows all known domains', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-federation' });
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me' } } }));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('writes nothing, says so in a warning and records allow_all_known_domains', async () => {
    const before = emulator.tenant(TENANT).getFederation();
    emulator.log.reset();

    const apply = await ws.terraform('apply', '-auto-approve');
    const state = await ws.state();

    expect(emulator.log.writes()).toEqual([]);
    expect(emulator.tenant(TENANT).getFederation()).toEqual(before);
    expect(singleLine(apply.output)).toContain('Warning: Nothing written: the tenant allows all known domains');
    expect(state.values?.root_module?.resources?.[0]?.values).toMatchObject({ domain: 'pexip.me', allow_all_known_domains: true });
  }, 60_000);
});

describe('a federation domain that is the last entry of the allow-list', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    // An empty list federates with nobody: this stack opens it to the vendor on purpose.
    emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [] }, BlockedDomains: [] });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-last-entry' });
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me', allow_opening_federation: true } } }));
    await ws.terraform('init');
    await ws.terraform('apply', '-auto-approve');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('plans to add it again when it was removed by hand', async () => {
    emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: 'other.example.com' }] }, BlockedDomains: [] });

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('cvi_federation_allowed_domain.pexip will be created');
  }, 60_000);

  it('is kept on destroy with a warning, because an empty list would federate with nobody', async () => {
    emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: 'pexip.me' }] }, BlockedDomains: [] });

    const destroy = await ws.terraform('destroy', '-auto-approve');

    expect(singleLine(destroy.output)).toContain('Warning: Domain left on the allow-list: it is the last entry');
    expect(emulator.tenant(TENANT).getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'pexip.me' }]);
  }, 60_000);
});

describe('users the service does not know, and an existing group grant', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    emulator.tenant(TENANT).setGroupPolicy(GROUP, 'PexipServiceProviderEnabled', 1);
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-users' });
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: emulator.url },
        {
          cvi_video_interop_policy_assignment: {
            pilot: { policy_name: 'PexipServiceProviderEnabled', users: { 'erin@contoso.com': true, 'ghost@contoso.com': true } },
            rooms: { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP },
          },
        },
      ),
    );
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('imports the group grant by group/<id> and then plans only the users', async () => {
    await ws.terraform('import', 'cvi_video_interop_policy_assignment.rooms', `group/${GROUP}`);

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    expect(plan.stdout).toContain('cvi_video_interop_policy_assignment.pilot will be created');
  }, 60_000);

  it('fails the apply naming the user the service rejected, and grants the others', async () => {
    const apply = await ws.run('apply', '-auto-approve');

    expect(apply.code).toBe(1);
    expect(singleLine(apply.stderr)).toContain('Some users could not be assigned');
    expect(singleLine(apply.stderr)).toContain('ghost@contoso.com');
    expect(emulator.tenant(TENANT).getUserPolicy('erin@contoso.com')).toBe('PexipServiceProviderEnabled');
  }, 60_000);
});

describe('group ranks after an admin inserted a group at rank 1', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;
  const FIRST = 'bbbbbbbb-0000-4000-8000-000000000011';
  const SECOND = 'bbbbbbbb-0000-4000-8000-000000000012';
  const FOREIGN = 'bbbbbbbb-0000-4000-8000-000000000013';

  beforeAll(async () => {
    emulator = await startEmulator();
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-ranks' });
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: emulator.url },
        {
          cvi_video_interop_policy_assignment: {
            first: { policy_name: 'PexipServiceProviderEnabled', group_id: FIRST, group_rank: 1 },
            second: { policy_name: 'PexipServiceProviderEnabled', group_id: SECOND, group_rank: 2 },
          },
        },
      ),
    );
    await ws.terraform('init');
    await ws.terraform('apply', '-auto-approve');
  }, 120_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('renumbers both of ours in one apply, one grant at a time, and then plans no change', async () => {
    emulator.tenant(TENANT).setGroupPolicy(FOREIGN, 'CiscoServiceProviderEnabled', 1); // ours become 2 and 3
    const started = Date.now();

    await ws.terraform('apply', '-auto-approve');

    const order = emulator.tenant(TENANT).groupAssignments().map((g) => [g.groupId, g.priority]);
    expect(order).toEqual([[FIRST, 1], [SECOND, 2], [FOREIGN, 3]]);
    expect((await ws.run('plan', '-detailed-exitcode')).code).toBe(0);
    // One grant at a time: no group POST started before the previous one's answer.
    const posts = emulator.log.entries().filter((e) => e.method === 'POST' && e.route.includes('groupPolicyAssignments') && e.time >= started);
    expect(posts).toHaveLength(2);
    expect(posts[1].time).toBeGreaterThan(posts[0].writeAppliedAt ?? Infinity);
    console.log(`repair of two ranks after an out-of-band insert: ${Date.now() - started} ms`);
  }, 120_000);
});
