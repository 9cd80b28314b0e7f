/**
 * The provider against a strict stand-in of the Teams admin API (support/strict-teams.ts),
 * written from the evidence apart from the emulator: apply, a clean plan and destroy of a
 * service provider, a tenant-wide grant, three users and a federation domain send no request
 * off the evidence, and the tenant's other allowed domains survive.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { startStrictTeams, type StrictTeams } from '../support/strict-teams';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000031';
const USERS = ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com'];
const singleLine = (text: string) => text.replace(/\s+/g, ' ');

describe('the provider against a strict stand-in of the service', () => {
  let tokens: RunningEmulator; // only its token endpoint signs the provider in
  let strict: StrictTeams;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    tokens = await startEmulator();
    strict = await startStrictTeams();
    strict.allowedDomains = ['partner.example.com', 'other.example.org'];
    ws = await TerraformWorkspace.create({ emulator: tokens, tenantId: TENANT, name: 'cvi-strict' });
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: strict.url },
        {
          cvi_video_interop_service_provider: { pexip: { identity: 'Pexip', tenant_key: 'teams@contoso.com', instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}' } },
          cvi_video_interop_policy_assignment: {
            everyone: { policy_name: 'PexipServiceProviderEnabled', global: true },
            pilot: { policy_name: 'PexipServiceProviderEnabled', users: Object.fromEntries(USERS.map((u) => [u, true])) },
          },
          cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me' } },
        },
      ),
    );
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await strict?.stop();
    await tokens?.stop();
  });

  it('applies every object with requests the evidence shows', async () => {
    const apply = await ws.terraform('apply', '-auto-approve');

    expect(strict.offEvidence()).toEqual([]);
    expect([...strict.providers.keys()]).toEqual(['pexip']);
    expect(strict.tenantPolicy.name).toBe('PexipServiceProviderEnabled');
    expect([...strict.users.keys()].sort()).toEqual(USERS);
    expect(strict.allowedDomains).toEqual(['partner.example.com', 'other.example.org', 'pexip.me']);
    expect(singleLine(apply.output)).toContain('Drift of the tenant-wide assignment cannot be detected');
  }, 90_000);

  it('plans no change, reading users one by one and saying so', async () => {
    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(plan.code).toBe(0);
    expect(singleLine(plan.stdout + plan.stderr)).toContain('Users read one by one');
    expect(strict.offEvidence()).toEqual([]);
  }, 90_000);

  it('destroys every object and leaves the other allowed domains', async () => {
    await ws.terraform('destroy', '-auto-approve');

    expect(strict.offEvidence()).toEqual([]);
    expect(strict.providers.size).toBe(0);
    expect(strict.tenantPolicy.name).toBeNull();
    expect(strict.users.size).toBe(0);
    expect(strict.allowedDomains).toEqual(['partner.example.com', 'other.example.org']);
    const candidates = new Set(strict.calls.filter((c) => c.verdict === 'candidate').map((c) => `${c.method} ${c.path}`));
    expect(candidates).toEqual(new Set(['GET /Skype.Policy/tenants/policies/TeamsVideoInteropServicePolicy', 'GET /Teams.User/users']));
  }, 90_000);
});
