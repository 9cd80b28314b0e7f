/**
 * A destroy is never blocked by the adoption rule. `terraform destroy` first runs a normal plan
 * (to refresh), which plans a create for every configured object missing from state; where an
 * object of that identity exists unmanaged in the tenant (an interrupted create, a hand-made
 * one), that plan would fail with "already exists". The provider knows the run is a destroy
 * from terraform's command line and plans those without the tenant; the unmanaged objects are
 * left alone, the managed ones destroyed.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000015';

describe('a stack whose unmanaged twins exist in the tenant', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator({ candidates: ['tenantGrantRead'] });
    emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: 'partner.example.com' }] }, BlockedDomains: [] });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-destroy-unmanaged' });
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me' } } }));
    await ws.terraform('init');
    await ws.terraform('apply', '-auto-approve');
    // Two more objects in the configuration, present in the tenant but in no state.
    emulator.tenant(TENANT).setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
    emulator.tenant(TENANT).setTenantPolicy('PexipServiceProviderEnabled');
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: emulator.url },
        {
          cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me' } },
          cvi_video_interop_service_provider: { pexip: { identity: 'Pexip', tenant_key: 'teams@contoso.com' } },
          cvi_video_interop_policy_assignment: { everyone: { policy_name: 'PexipServiceProviderEnabled', global: true } },
        },
      ),
    );
  }, 90_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('still refuses them in a normal plan', async () => {
    const plan = await ws.run('plan');

    expect(plan.code).toBe(1);
    expect(plan.stderr.replace(/\s+/g, ' ')).toContain('provider Pexip already exists');
  }, 60_000);

  it('plans the destroy of what the state holds (plan -destroy)', async () => {
    const plan = await ws.run('plan', '-destroy', '-detailed-exitcode');

    expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 2, stderr: '' });
    expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
  }, 60_000);

  it('destroys the managed object and leaves the unmanaged ones as they are', async () => {
    emulator.log.reset();

    const destroy = await ws.run('destroy', '-auto-approve');

    expect({ code: destroy.code, stderr: destroy.stderr }).toEqual({ code: 0, stderr: '' });
    expect(destroy.stdout).toContain('Destroy complete! Resources: 1 destroyed.');
    const tenant = emulator.tenant(TENANT);
    expect(tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'partner.example.com' }]);
    expect([tenant.getServiceProvider('Pexip')?.TenantKey, tenant.getTenantPolicy()]).toEqual(['teams@contoso.com', 'PexipServiceProviderEnabled']);
    expect(emulator.log.writes().map((w) => `${w.method} ${w.route}`)).toEqual([expect.stringContaining('TenantFederationSettings')]);
  }, 60_000);
});
