/**
 * Users of a policy assignment under the real terraform: state written with users as a set
 * (schema version 0) upgrades to the map without a change, the plan names users added and
 * removed, a batch where some users fail keeps the others in state, a destroy skips users the
 * directory no longer knows, and more than 50,000 users is refused at plan time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { cviConfig, TerraformWorkspace } from '../../../testing/workspace';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000014';
const POLICY = 'PexipServiceProviderEnabled';

const singleLine = (text: string) => text.replace(/\s+/g, ' ');
const asMap = (users: string[]) => Object.fromEntries(users.map((u) => [u, true]));

function pilot(emulator: RunningEmulator, users: Record<string, unknown>) {
  return cviConfig({ endpoint: emulator.url }, { cvi_video_interop_policy_assignment: { pilot: { policy_name: POLICY, users } } });
}

/** The state file as Terraform keeps it (local backend); one instance of the pilot assignment. */
function pilotInstance(ws: TerraformWorkspace): { schema_version: number; status?: string; attributes: Record<string, unknown> } | undefined {
  const state = JSON.parse(readFileSync(join(ws.dir, 'terraform.tfstate'), 'utf8')) as { resources: { type: string; name: string; instances: any[] }[] };
  return state.resources.find((r) => r.type === 'cvi_video_interop_policy_assignment' && r.name === 'pilot')?.instances[0];
}

/** State as the provider of schema version 0 wrote it: users a JSON array (a set of strings). */
function stateOfVersion0(users: string[]) {
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '0b7e6c52-8d5e-4c1a-9a51-3f0c2a7d1e14',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'cvi_video_interop_policy_assignment',
        name: 'pilot',
        provider: 'provider["terraform.local/teams-cvi/cvi"]',
        instances: [
          {
            schema_version: 0,
            attributes: { id: `users/${POLICY}`, policy_name: POLICY, global: null, group_id: null, group_rank: null, users },
            sensitive_attributes: [],
          },
        ],
      },
    ],
    check_results: null,
  };
}

describe('users of a policy assignment under terraform', () => {
  let emulator: RunningEmulator;
  let ws: TerraformWorkspace;

  beforeAll(async () => {
    emulator = await startEmulator({ candidates: ['userSearch'] });
    ws = await TerraformWorkspace.create({ emulator, tenantId: TENANT, name: 'cvi-users' });
    ws.writeJson('main.tf.json', pilot(emulator, asMap(['alice@contoso.com', 'bob@contoso.com'])));
    await ws.terraform('init');
  }, 60_000);

  afterAll(async () => {
    ws?.remove();
    await emulator?.stop();
  });

  it('upgrades state that holds users as a set to the map, with no change planned', async () => {
    const tenant = emulator.tenant(TENANT);
    tenant.setUserPolicy('alice@contoso.com', POLICY);
    tenant.setUserPolicy('bob@contoso.com', POLICY);
    ws.writeJson('terraform.tfstate', stateOfVersion0(['alice@contoso.com', 'bob@contoso.com']));

    const plan = await ws.run('plan', '-detailed-exitcode');
    await ws.terraform('apply', '-auto-approve');

    expect(plan.code).toBe(0);
    expect(pilotInstance(ws)).toMatchObject({ schema_version: 1, attributes: { users: { 'alice@contoso.com': true, 'bob@contoso.com': true } } });
  }, 120_000);

  it('plans users added and removed by name', async () => {
    ws.writeJson('main.tf.json', pilot(emulator, asMap(['bob@contoso.com', 'carol@contoso.com'])));

    const plan = await ws.run('plan', '-detailed-exitcode');
    await ws.terraform('apply', '-auto-approve');

    expect(plan.code).toBe(2);
    expect(plan.stdout).toMatch(/- "alice@contoso\.com"\s+= true/);
    expect(plan.stdout).toMatch(/\+ "carol@contoso\.com"\s+= true/);
    expect(plan.stdout).not.toMatch(/[-+] "bob@contoso\.com"/);
    expect(emulator.tenant(TENANT).getUserPolicy('alice@contoso.com')).toBeNull();
    expect(emulator.tenant(TENANT).getUserPolicy('carol@contoso.com')).toBe(POLICY);
  }, 120_000);

  it('skips on destroy a user the directory no longer knows, with a warning and no advice to fix users', async () => {
    const tenant = emulator.tenant(TENANT);
    // The user left the directory, and their assignment with them; the state still lists them.
    tenant.setUserPolicy('carol@contoso.com', null);
    tenant.markUnknownUser('carol@contoso.com');

    const destroy = await ws.run('destroy', '-auto-approve', '-refresh=false');

    expect(destroy.code).toBe(0);
    expect(singleLine(destroy.output)).toContain('Users no longer in the directory skipped: carol@contoso.com');
    expect(destroy.output).not.toMatch(/fix or remove/i);
    expect(tenant.getUserPolicy('bob@contoso.com')).toBeNull();
    expect(pilotInstance(ws)).toBeUndefined();
  }, 120_000);

  it('keeps in state the users a batch granted when others fail, and grants the rest once they are fixed', async () => {
    emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    ws.writeJson('main.tf.json', pilot(emulator, asMap(['erin@contoso.com', 'ghost@contoso.com', 'frank@contoso.com'])));

    const apply = await ws.run('apply', '-auto-approve');

    expect(apply.code).toBe(1);
    expect(singleLine(apply.stderr)).toContain('1 of 3 users were not granted PexipServiceProviderEnabled: ghost@contoso.com');
    expect(pilotInstance(ws)).toMatchObject({ status: 'tainted', attributes: { users: { 'erin@contoso.com': true, 'frank@contoso.com': true } } });
    expect(emulator.tenant(TENANT).getUserPolicy('erin@contoso.com')).toBe(POLICY);

    ws.writeJson('main.tf.json', pilot(emulator, asMap(['erin@contoso.com', 'frank@contoso.com'])));
    await ws.terraform('apply', '-auto-approve');
    expect((await ws.run('plan', '-detailed-exitcode')).code).toBe(0);
  }, 120_000);

  it('refuses more than 50,000 users at plan time, naming the limit and the count', async () => {
    const users = asMap(Array.from({ length: 50_001 }, (_, i) => `user${i}@contoso.com`));
    ws.writeJson('main.tf.json', pilot(emulator, users));

    const plan = await ws.run('plan');

    expect(plan.code).toBe(1);
    expect(singleLine(plan.stderr)).toContain('Too many users');
    expect(singleLine(plan.stderr)).toContain('users may list at most 50,000 users; got 50,001');
  }, 180_000);
});
