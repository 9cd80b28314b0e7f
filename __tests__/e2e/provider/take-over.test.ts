/**
 * The adoption rule across two stacks of one tenant: the second stack cannot take the first's
 * objects without saying so (take_over = true), and with it adopts and overwrites them with a
 * warning; its destroy restores the defaults and says so.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000014';
const GROUP = '5e6f7a8b-0000-4000-8000-000000000014';
const singleLine = (text: string) => text.replace(/\s+/g, ' ');

function stack(endpoint: string, tenantKey: string, takeOver: boolean): Record<string, unknown> {
  const opt = takeOver ? { take_over: true } : {};
  return cviConfig(
    { endpoint },
    {
      cvi_video_interop_service_provider: { pexip: { identity: 'Pexip', tenant_key: tenantKey, ...opt } },
      cvi_video_interop_policy_assignment: {
        everyone: { policy_name: 'PexipServiceProviderEnabled', global: true, ...opt },
        rooms: { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP, ...opt },
      },
      cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me', ...opt } },
    },
  );
}

describe('a second stack declaring the objects a first stack owns', () => {
  let emulator: RunningEmulator;
  let first: TerraformWorkspace;
  let second: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator({ candidates: ['tenantGrantRead'] });
    emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: 'partner.example.com' }] }, BlockedDomains: [] });
    first = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-first' });
    second = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-second' });
    first.writeJson('main.tf.json', stack(emulator.url, 'teams@first.example.com', false));
    second.writeJson('main.tf.json', stack(emulator.url, 'teams@second.example.com', false));
    await Promise.all([first.terraform('init'), second.terraform('init')]);
    await first.terraform('apply', '-auto-approve');
  }, 120_000);

  afterAll(async () => {
    first?.remove();
    second?.remove();
    await emulator?.stop();
  });

  it('fails at plan for every object, naming its import command and take_over, and writes nothing', async () => {
    emulator.log.reset();

    const plan = await second.run('plan');

    const text = singleLine(plan.stderr);
    expect(plan.code).toBe(1);
    expect(text).toContain('provider Pexip already exists: import it with `terraform import cvi_video_interop_service_provider.pexip Pexip`');
    expect(text).toContain('the tenant-wide grant of PexipServiceProviderEnabled already exists: import it with `terraform import cvi_video_interop_policy_assignment.everyone global`');
    expect(text).toContain(`the grant of PexipServiceProviderEnabled to group ${GROUP} (rank 1) already exists: import it with \`terraform import cvi_video_interop_policy_assignment.rooms group/${GROUP}\``);
    expect(text).toContain('pexip.me on the federation allow-list already exists: import it with `terraform import cvi_federation_allowed_domain.pexip pexip.me`');
    expect(text.match(/or set take_over = true on this resource/g)).toHaveLength(4);
    expect(emulator.log.writes()).toEqual([]);
  }, 60_000);

  it('fails at apply too when the first stack created the object after the second planned', async () => {
    const fresh = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-late' });
    try {
      fresh.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_federation_allowed_domain: { late: { domain: 'late.example.com' } } }));
      await fresh.terraform('init');
      await fresh.terraform('plan', '-out', 'tfplan');
      const list = emulator.tenant(TENANT).getFederation();
      emulator.tenant(TENANT).setFederation({ ...list, AllowedDomains: { AllowedDomain: [...(list.AllowedDomains.AllowedDomain ?? []), { Domain: 'late.example.com' }] } });

      const apply = await fresh.run('apply', 'tfplan');

      expect(apply.code).toBe(1);
      expect(singleLine(apply.stderr)).toContain('late.example.com on the federation allow-list already exists: import it with `terraform import cvi_federation_allowed_domain.late late.example.com`');
    } finally {
      fresh.remove();
    }
  }, 60_000);

  it('takes every object over with take_over = true, with a warning each, and overwrites what the first stack wrote', async () => {
    second.writeJson('main.tf.json', stack(emulator.url, 'teams@second.example.com', true));
    emulator.log.reset();

    const apply = await second.terraform('apply', '-auto-approve');

    const text = singleLine(apply.output);
    expect(text).toContain('Warning: Took over provider Pexip');
    expect(text).toContain('Warning: Took over the tenant-wide grant of PexipServiceProviderEnabled');
    expect(text).toContain(`Warning: Took over the grant of PexipServiceProviderEnabled to group ${GROUP} (rank 1)`);
    expect(text).toContain('Warning: Took over pexip.me on the federation allow-list');
    expect(emulator.tenant(TENANT).getServiceProvider('Pexip')?.TenantKey).toBe('teams@second.example.com');
    // Adopted, not created again: no provider POST, one PATCH.
    const providerWrites = emulator.log.writes().filter((w) => w.route.includes('VideoInteropServiceProvider'));
    expect(providerWrites.map((w) => w.method)).toEqual(['PATCH']);
    const plan = await second.run('plan', '-detailed-exitcode');
    expect({ code: plan.code, output: plan.code === 0 ? '' : plan.output }).toEqual({ code: 0, output: '' });
  }, 90_000);

  it('restores the defaults on destroy and says which', async () => {
    const destroy = await second.terraform('destroy', '-auto-approve');

    const text = singleLine(destroy.output);
    expect(text).toContain('Warning: Default restored: no provider Pexip (deleted)');
    expect(text).toContain('Warning: Default restored: the tenant-wide policy is Global again');
    expect(text).toContain(`Warning: Default restored: group ${GROUP} has no PexipServiceProviderEnabled grant any more`);
    expect(text).toContain('Warning: Default restored: pexip.me is off the federation allow-list');
    const tenant = emulator.tenant(TENANT);
    expect([tenant.getServiceProvider('Pexip'), tenant.getTenantPolicy(), tenant.groupAssignments(GROUP)]).toEqual([undefined, null, []]);
  }, 90_000);
});
