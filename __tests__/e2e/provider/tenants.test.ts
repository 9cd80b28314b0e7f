/**
 * One stack over several tenants (a provider alias per tenant): each tenant gets its own
 * objects, and a no-change plan reads each tenant's lists once, however many resources.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { TerraformWorkspace } from '../../../testing/workspace';

const TENANTS = ['aaaaaaaa-0000-4000-8000-000000000011', 'aaaaaaaa-0000-4000-8000-000000000012'];
const PROVIDERS_ROUTE = 'GET /Skype.Policy/configurations/VideoInteropServiceProvider';
const VENDORS = ['Pexip', 'Polycom', 'Cisco', 'BlueJeans'];

function stack(emulator: RunningEmulator) {
  const providers: Record<string, Record<string, unknown>> = {};
  TENANTS.forEach((tenantId, t) =>
    VENDORS.forEach((vendor) => {
      providers[`t${t}_${vendor.toLowerCase()}`] = { provider: `cvi.t${t}`, identity: vendor, tenant_key: `${vendor.toLowerCase()}@tenant${t}.example.com` };
    }),
  );
  return {
    terraform: { required_providers: { cvi: { source: 'terraform.local/teams-cvi/cvi', version: '0.1.0' } } },
    provider: { cvi: TENANTS.map((tenantId, t) => ({ alias: `t${t}`, tenant_id: tenantId, endpoint: emulator.url })) },
    resource: {
      cvi_video_interop_service_provider: providers,
      cvi_video_interop_policy_assignment: Object.fromEntries(
        TENANTS.map((_, t) => [`t${t}_pilot`, { provider: `cvi.t${t}`, policy_name: 'PexipServiceProviderEnabled', users: { [`u1@tenant${t}.example.com`]: true, [`u2@tenant${t}.example.com`]: true } }]),
      ),
    },
  };
}

describe('a stack of two tenants', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANTS[0], name: 'cvi-tenants' });
    ws.writeJson('main.tf.json', stack(emulator));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('creates each tenant\'s providers in that tenant', async () => {
    await ws.terraform('apply', '-auto-approve');

    for (const [t, tenantId] of TENANTS.entries()) {
      const tenant = emulator.tenant(tenantId);
      expect(tenant.providers().map((p) => p.Identity).sort()).toEqual([...VENDORS].sort());
      expect(tenant.getServiceProvider('Cisco')?.TenantKey).toBe(`cisco@tenant${t}.example.com`);
    }
  }, 90_000);

  it('reads the providers of each tenant once in a no-change plan', async () => {
    emulator.log.reset();

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(0);
    expect(emulator.log.count(PROVIDERS_ROUTE)).toBe(TENANTS.length);
    for (const tenantId of TENANTS) expect(emulator.log.entries().filter((e) => e.tenant === tenantId && e.route.includes('VideoInteropServiceProvider'))).toHaveLength(1);
  }, 60_000);
});
