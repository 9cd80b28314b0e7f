/**
 * An object that already exists in the tenant is never adopted silently: create fails with
 * the import hint, and after `terraform import` the stack owns it with a clean plan.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000002';

describe('a stack declaring a provider that already exists in the tenant', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    emulator.tenant(TENANT).setServiceProvider({
      Identity: 'Pexip',
      TenantKey: 'teams@fabrikam.com',
      InstructionUri: 'https://pexip.me/teams/fabrikam.com/{ConfId}',
      AadApplicationIds: '923c9f0a-b883-4efe-af73-54810da59f83',
      AllowAppGuestJoinsAsAuthenticated: false,
    });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-adoption' });
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: emulator.url },
        {
          cvi_video_interop_service_provider: {
            pexip: {
              identity: 'Pexip',
              tenant_key: 'teams@fabrikam.com',
              instruction_uri: 'https://pexip.me/teams/fabrikam.com/{ConfId}',
              aad_application_ids: ['923c9f0a-b883-4efe-af73-54810da59f83'],
            },
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

  it('fails to apply with the import hint and writes nothing', async () => {
    emulator.log.reset();

    const apply = await ws.run('apply', '-auto-approve');

    const message = apply.stderr.replace(/\s+/g, ' ');
    expect(apply.code).toBe(1);
    expect(message).toContain(`provider Pexip already exists: import it with \`terraform import cvi_video_interop_service_provider.pexip Pexip\` (in ${ws.dir}) or set take_over = true on this resource, if this stack should own it`);
    expect(emulator.log.writes()).toEqual([]);
  }, 60_000);

  it('imports it by identity and then plans no change', async () => {
    await ws.terraform('import', 'cvi_video_interop_service_provider.pexip', 'Pexip');

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect({ code: plan.code, output: plan.code === 0 ? '' : plan.output }).toEqual({ code: 0, output: '' });
  }, 60_000);
});

describe('a provider identity taken between plan and apply', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-race' });
    ws.writeJson(
      'main.tf.json',
      cviConfig({ endpoint: emulator.url }, { cvi_video_interop_service_provider: { cisco: { identity: 'Cisco', tenant_key: 'cvi@m.webex.com' } } }),
    );
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('fails at apply with the import hint and leaves the other object as it was', async () => {
    await ws.terraform('plan', '-out', 'tfplan');
    emulator.tenant(TENANT).setServiceProvider({ Identity: 'Cisco', TenantKey: 'someone-else@m.webex.com' });

    const apply = await ws.run('apply', 'tfplan');

    expect(apply.code).toBe(1);
    expect(apply.stderr.replace(/\s+/g, ' ')).toContain(`already exists: import it with \`terraform import cvi_video_interop_service_provider.cisco Cisco\` (in ${ws.dir})`);
    expect(emulator.tenant(TENANT).getServiceProvider('Cisco')?.TenantKey).toBe('someone-else@m.webex.com');
  }, 60_000);
});

describe('a provider whose identity no policy names', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-no-policy' });
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_video_interop_service_provider: { acme: { identity: 'Acme', tenant_key: 'teams@contoso.com' } } }));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('is planned with a warning that invites would carry no VTC details, listing the providers policies name', async () => {
    const plan = await ws.terraform('plan');

    const text = plan.output.replace(/\s+/g, ' ');
    expect(text).toContain('Warning: No policy names this provider');
    expect(text).toContain('The tenant\'s policies name: Pexip, Polycom, BlueJeans, Cisco');
  }, 60_000);
});
