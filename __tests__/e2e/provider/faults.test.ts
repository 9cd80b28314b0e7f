/**
 * Apply under a hostile service: throttling, server errors, connections reset before and
 * after the write, and replicas that lag. The stack still converges, and nothing is created
 * twice (the emulator's log counts applied writes).
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000003';
const GROUP = 'bbbbbbbb-0000-4000-8000-000000000001';
const PROVIDERS = '/Skype.Policy/configurations/VideoInteropServiceProvider';
const BATCHES = '/Skype.Policy/assignments/operations';
const FEDERATION = '/Skype.Policy/configurations/TenantFederationSettings/configuration/{identity}';

const appliedWrites = (emulator: RunningEmulator, method: string, route: string) =>
  emulator.log.writes().filter((w) => w.method === method && w.route === route).length;

describe('apply while the service throttles, fails, resets connections and lags', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator();
    // An allow-list (not "allow all") so that the domain is really written.
    emulator.tenant(TENANT).setFederation({
      Identity: 'Global',
      AllowFederatedUsers: true,
      AllowedDomains: { AllowedDomain: [{ Domain: 'partner.example.com' }] },
      BlockedDomains: [],
    });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-faults' });
    ws.writeJson(
      'main.tf.json',
      cviConfig(
        { endpoint: emulator.url },
        {
          cvi_video_interop_service_provider: { pexip: { identity: 'Pexip', tenant_key: 'teams@contoso.com' } },
          cvi_video_interop_policy_assignment: {
            pilot: { policy_name: 'PexipServiceProviderEnabled', users: { 'carol@contoso.com': true, 'dave@contoso.com': true } },
            rooms: { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP, group_rank: 1 },
          },
          cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me' } },
        },
      ),
    );
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('converges and creates each object once', async () => {
    emulator.faults.addAll([
      { kind: 'throttle', route: `POST ${PROVIDERS}`, times: 2, retryAfterSeconds: 0 },
      { kind: 'resetAfter', route: `POST ${PROVIDERS}`, times: 1 },
      { kind: 'error', route: `GET ${PROVIDERS}`, status: 503, times: 2 },
      { kind: 'resetBefore', route: `POST ${BATCHES}`, times: 1 },
      { kind: 'error', route: `PATCH ${FEDERATION}`, status: 500, times: 1 },
      { kind: 'throttle', route: /groupPolicyAssignments/, times: 1, retryAfterSeconds: 0 },
      { kind: 'replicationLag', method: 'POST', ms: 300 },
      { kind: 'replicationLag', method: 'PATCH', ms: 300 },
    ]);

    await ws.terraform('apply', '-auto-approve');

    const tenant = emulator.tenant(TENANT);
    expect(tenant.getServiceProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
    expect(tenant.userAssignments()).toEqual({ 'carol@contoso.com': 'PexipServiceProviderEnabled', 'dave@contoso.com': 'PexipServiceProviderEnabled' });
    expect(tenant.groupAssignments(GROUP)).toEqual([expect.objectContaining({ policyName: 'PexipServiceProviderEnabled', priority: 1 })]);
    expect(tenant.getFederation().AllowedDomains.AllowedDomain?.map((d) => d.Domain).sort()).toEqual(['partner.example.com', 'pexip.me']);
    const fired = emulator.log.entries().flatMap((e) => e.faults);
    expect(new Set(fired)).toEqual(new Set(['throttle', 'resetAfter', 'error', 'resetBefore', 'replicationLag']));
    expect(appliedWrites(emulator, 'POST', PROVIDERS)).toBe(1);
    expect(appliedWrites(emulator, 'PATCH', FEDERATION)).toBe(1);
  }, 120_000);

  it('plans no change afterwards', async () => {
    emulator.faults.clear();

    const plan = await ws.run('plan', '-detailed-exitcode');

    expect({ code: plan.code, output: plan.code === 0 ? '' : plan.output }).toEqual({ code: 0, output: '' });
  }, 60_000);
});
