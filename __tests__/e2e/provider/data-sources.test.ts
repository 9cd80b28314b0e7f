/**
 * The data sources through the real terraform: a stack synthesized from the cdktf bindings reads
 * the tenant's service providers and policies, and its outputs show what the tenant holds.
 */
import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { CviProvider, DataCviVideoInteropPolicies, DataCviVideoInteropServiceProviders } from '../../../constructs/cvi';
import { TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-0000000000d5';
const POLY_APPS = ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'];

function stackReadingTheTenant(endpoint: string): string {
  const stack = new TerraformStack(Testing.app(), 'data-sources');
  new CviProvider(stack, 'cvi', { tenantId: TENANT, endpoint });
  const all = new DataCviVideoInteropServiceProviders(stack, 'all');
  const poly = new DataCviVideoInteropServiceProviders(stack, 'poly', { identity: 'polycom' });
  const policies = new DataCviVideoInteropPolicies(stack, 'polycom-policies', { providerName: 'Polycom' });
  // A Terraform expression over the whole list, as a configuration would write it.
  new TerraformOutput(stack, 'identities', { value: '${[for p in data.cvi_video_interop_service_providers.all.service_providers : p.identity]}' });
  new TerraformOutput(stack, 'poly_tenant_key', { value: poly.serviceProviders.get(0).tenantKey });
  new TerraformOutput(stack, 'poly_app_ids', { value: poly.serviceProviders.get(0).aadApplicationIds });
  new TerraformOutput(stack, 'poly_policy', { value: policies.policies.get(0).name });
  new TerraformOutput(stack, 'tenant', { value: all.id });
  return Testing.synth(stack);
}

describe('the data sources read by terraform', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    const tenant = emulator.tenant(TENANT);
    tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
    tenant.setServiceProvider({ Identity: 'Polycom', TenantKey: '813878896@t.plcm.vc', AadApplicationIds: POLY_APPS.join(';') });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-data-sources' });
    ws.writeJson('main.tf.json', JSON.parse(stackReadingTheTenant(emulator.url)));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('apply writes nothing to the tenant and outputs what it holds', async () => {
    emulator.log.reset();

    await ws.terraform('apply', '-auto-approve');
    const outputs = JSON.parse((await ws.terraform('output', '-json')).stdout);

    expect(emulator.log.writes()).toEqual([]);
    expect(Object.fromEntries(Object.entries<{ value: unknown }>(outputs).map(([name, o]) => [name, o.value]))).toEqual({
      identities: ['Pexip', 'Polycom'],
      poly_tenant_key: '813878896@t.plcm.vc',
      poly_app_ids: POLY_APPS,
      poly_policy: 'PolycomServiceProviderEnabled',
      tenant: TENANT,
    });
  }, 90_000);

  it('a service provider created by hand shows in the next read', async () => {
    emulator.tenant(TENANT).setServiceProvider({ Identity: 'Cisco', TenantKey: 'cvi@m.webex.com' });

    await ws.terraform('apply', '-auto-approve');
    const outputs = JSON.parse((await ws.terraform('output', '-json')).stdout);

    expect(outputs.identities.value).toEqual(['Cisco', 'Pexip', 'Polycom']);
  }, 90_000);
});
