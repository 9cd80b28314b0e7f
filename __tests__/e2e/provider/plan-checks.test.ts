/**
 * Hostile or out-of-range configuration under the real terraform: each is refused at plan time
 * with a message naming the attribute and rule, and the tenant receives no write. Also the
 * "federate with nobody" tenant, which only an explicit opt-in may open, and a group rank past
 * the end of the service's list, which must not drift.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000014';
const GROUP = 'bbbbbbbb-0000-4000-8000-000000000014';
const singleLine = (text: string) => text.replace(/\s+/g, ' ');

const provider = (attributes: Record<string, unknown>) => ({
  cvi_video_interop_service_provider: { vendor: { identity: 'Pexip', tenant_key: 'teams@contoso.com', ...attributes } },
});
const group = (rank: unknown) => ({
  cvi_video_interop_policy_assignment: { rooms: { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP, group_rank: rank } },
});

let emulator: RunningEmulator;
let ws: TerraformWorkspace;

beforeAll(async () => {
  emulator = await startEmulator();
  ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-plan-checks' });
  ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, provider({})));
  await ws.terraform('init');
}, 60_000);

afterAll(async () => {
  ws?.remove();
  await emulator?.stop();
});

describe('refused at plan time, nothing written', () => {
  it.each([
    ['identity ".."', provider({ identity: '..' }), 'identity must not be "." or ".."'],
    ['identity "."', provider({ identity: '.' }), 'identity must not be "." or ".."'],
    ['identity with a trailing space', provider({ identity: 'Pexip ' }), 'identity must not start or end with spaces'],
    ['identity with a slash', provider({ identity: 'a/../b' }), 'identity must not contain "/"'],
    ['identity of 100,000 characters', provider({ identity: 'P'.repeat(100_000) }), 'identity must be at most 64 characters (got 100000)'],
    ['a javascript: instruction URI', provider({ instruction_uri: 'javascript:alert(1)//{ConfId}' }), 'instruction_uri must be an https: URL'],
    ['the same app id in two cases', provider({ aad_application_ids: ['923c9f0a-b883-4efe-af73-54810da59f83', '923C9F0A-B883-4EFE-AF73-54810DA59F83'] }), 'holds the same id twice in different case'],
    ['group_rank 65', group(65), 'group_rank must be a whole number from 1 (the highest precedence) to 64'],
    ['group_rank 2^53 + 2', group('9007199254740994'), 'group_rank must be a whole number from 1'],
    ['group_rank 1e300', group(1e300), 'group_rank must be a whole number from 1'],
    ['group_rank 1.5', group(1.5), 'group_rank must be a whole number from 1'],
  ])('%s', async (_what, resources, message) => {
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, resources));
    emulator.log.reset();

    const plan = await ws.run('plan');

    expect(plan.code).toBe(1);
    expect(singleLine(plan.stderr)).toContain(message);
    expect(plan.stderr).not.toContain('invalid plan');
    expect(emulator.log.writes()).toEqual([]);
  }, 60_000);
});

describe('a tenant that federates with nobody', () => {
  const federation = (optIn?: boolean) => ({ cvi_federation_allowed_domain: { pexip: { domain: 'pexip.me', ...(optIn === undefined ? {} : { allow_opening_federation: optIn }) } } });

  beforeEach(() => {
    emulator.tenant(TENANT).setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [] }, BlockedDomains: [] });
  });

  it('is left as it is without the opt-in, with an error that says how to open it', async () => {
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, federation()));
    emulator.log.reset();

    const plan = await ws.run('plan');

    expect(plan.code).toBe(1);
    expect(singleLine(plan.stderr)).toContain('the federation allow-list is empty, which Teams stores as "federate with nobody"; adding pexip.me would open federation to it');
    expect(singleLine(plan.stderr)).toContain('set allow_opening_federation = true');
    expect(emulator.log.writes()).toEqual([]);
    expect(emulator.tenant(TENANT).getFederation().AllowedDomains.AllowedDomain).toEqual([]);
  }, 60_000);

  it('is opened to the domain with allow_opening_federation = true, then plans clean', async () => {
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, federation(true)));

    await ws.terraform('apply', '-auto-approve');
    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(emulator.tenant(TENANT).getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'pexip.me' }]);
    expect(plan.code).toBe(0);
    await ws.terraform('destroy', '-auto-approve');
  }, 90_000);
});

describe('a group rank past the end of the list', () => {
  it('is placed last and reads back as configured: no drift', async () => {
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, group(10)));

    await ws.terraform('apply', '-auto-approve');
    const plan = await ws.run('plan', '-detailed-exitcode');

    expect(emulator.tenant(TENANT).groupAssignments().map((a) => a.priority)).toEqual([1]);
    expect(plan.code).toBe(0);
    await ws.terraform('destroy', '-auto-approve');
  }, 90_000);
});

describe('app ids that differ only in letter case', () => {
  const APP = '923c9f0a-b883-4efe-af73-54810da59f83';

  it('never drift: the service spelling them in upper case, or the configuration changing their case', async () => {
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, provider({ aad_application_ids: [APP] })));
    await ws.terraform('apply', '-auto-approve');
    const live = emulator.tenant(TENANT).getServiceProvider('Pexip')!;
    emulator.tenant(TENANT).setServiceProvider({ ...live, AadApplicationIds: APP.toUpperCase() });

    const afterServiceCase = await ws.run('plan', '-detailed-exitcode');
    ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, provider({ aad_application_ids: [APP.toUpperCase()] })));
    await ws.terraform('apply', '-auto-approve');
    const afterConfigCase = await ws.run('plan', '-detailed-exitcode');

    expect(afterServiceCase.code).toBe(0);
    expect(afterConfigCase.code).toBe(0);
    await ws.terraform('destroy', '-auto-approve');
  }, 120_000);
});
