/**
 * The cvi provider under the real terraform binary, against the emulator: the story of one
 * stack from init to destroy, with changes made behind Terraform's back.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace, TEST_CLIENT_SECRET } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';

function stack(emulator: RunningEmulator) {
  return cviConfig(
    { endpoint: emulator.url, tenant_id: TENANT },
    {
      cvi_video_interop_service_provider: {
        pexip: {
          identity: 'Pexip',
          tenant_key: 'teams@contoso.com',
          instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}',
          aad_application_ids: [PEXIP_APP],
          allow_app_guest_joins_as_authenticated: true,
        },
      },
      cvi_video_interop_policy_assignment: {
        pilot: { policy_name: 'PexipServiceProviderEnabled', users: { 'alice@contoso.com': true, 'bob@contoso.com': true } },
      },
    },
  );
}

describe('a cvi stack applied with terraform against the emulator', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-lifecycle' });
    ws.writeJson('main.tf.json', stack(emulator));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('creates the provider and grants the users on apply', async () => {
    await ws.terraform('apply', '-auto-approve');

    const tenant = emulator.tenant(TENANT);
    expect(tenant.getServiceProvider('Pexip')).toMatchObject({ TenantKey: 'teams@contoso.com', AllowAppGuestJoinsAsAuthenticated: true });
    expect(tenant.getUserPolicy('alice@contoso.com')).toBe('PexipServiceProviderEnabled');
    expect(tenant.getUserPolicy('bob@contoso.com')).toBe('PexipServiceProviderEnabled');
  }, 60_000);

  it('plans no change right after apply', async () => {
    const plan = await ws.run('plan', '-detailed-exitcode');

    expect({ code: plan.code, output: plan.code === 0 ? '' : plan.output }).toEqual({ code: 0, output: '' });
  }, 60_000);

  it('reports a tenant key changed in the tenant as drift, naming the attribute', async () => {
    const tenant = emulator.tenant(TENANT);
    tenant.setServiceProvider({ ...tenant.getServiceProvider('Pexip')!, TenantKey: 'changed-by-hand@contoso.com' });

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ tenant_key\s+= "changed-by-hand@contoso.com" -> "teams@contoso.com"/);
  }, 60_000);

  it('repairs the drift on apply and then plans no change', async () => {
    await ws.terraform('apply', '-auto-approve');

    expect(emulator.tenant(TENANT).getServiceProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
    expect((await ws.run('plan', '-detailed-exitcode')).code).toBe(0);
  }, 60_000);

  it('reports a user who lost the policy as drift of users and grants it again on apply', async () => {
    emulator.tenant(TENANT).setUserPolicy('bob@contoso.com', null);

    const plan = await ws.run('plan', '-detailed-exitcode');
    await ws.terraform('apply', '-auto-approve');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/~ users\s+= \{[\s\S]*\+ "bob@contoso.com"\s+= true/);
    expect(emulator.tenant(TENANT).getUserPolicy('bob@contoso.com')).toBe('PexipServiceProviderEnabled');
  }, 60_000);

  it('plans to create the provider again when it was deleted in the tenant', async () => {
    emulator.tenant(TENANT).deleteServiceProvider('Pexip');

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('cvi_video_interop_service_provider.pexip will be created');
    expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
  }, 60_000);

  it('re-creates it on apply', async () => {
    await ws.terraform('apply', '-auto-approve');

    expect(emulator.tenant(TENANT).getServiceProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
  }, 60_000);

  it('keeps the client secret out of the state, the plan output and the provider log', async () => {
    const plan = await ws.runWithEnv({ TF_LOG: 'trace' }, 'plan');
    const state = ws.readFile('terraform.tfstate');

    expect(plan.code).toBe(0);
    expect(plan.stderr).toContain('GRPCProvider.v6: ReadResource'); // the trace log really was on
    expect(plan.stderr).toContain('signing in with client-secret'); // and carried the provider's own log
    expect(plan.output).not.toContain(TEST_CLIENT_SECRET);
    expect(state).not.toContain(TEST_CLIENT_SECRET);
  }, 60_000);

  it('leaves the tenant empty after destroy', async () => {
    await ws.terraform('destroy', '-auto-approve');

    expect(emulator.tenant(TENANT).providers()).toEqual([]);
    expect(emulator.tenant(TENANT).userAssignments()).toEqual({});
    expect(emulator.tenant(TENANT).isEmpty()).toBe(true);
  }, 60_000);
});

