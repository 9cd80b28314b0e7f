/**
 * What on-call reads from the nightly drift run, end to end with cdktf, the real terraform and
 * the emulator: an out-of-band tenant key change as `tenant_key: "live" -> "declared"` in the
 * table, the JSON and the markdown; exit codes 0 / 2 / 1 with errors winning; and two shards
 * merged giving the report of one run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { shardOf } from '../../../scripts/drift/shard';
import { explain, TenantProject } from './tenant-project';

jest.setTimeout(240_000);

// alpha and gamma fall in different shards of 2, so the merge joins two non-empty reports.
const ALPHA = { name: 'alpha', id: 'a1a1a1a1-0000-4000-8000-00000000a1fa', domain: 'alpha.example' };
const GAMMA = { name: 'gamma', id: 'c3c3c3c3-0000-4000-8000-00000000c3c3', domain: 'gamma.example' };
const DECLARED_KEY = `teams@${GAMMA.domain}`;
const ROGUE_KEY = `rogue@${GAMMA.domain}`;
// Plan drift only here; unmanaged objects have their own suite (drift-unmanaged).
const PLAN_ONLY = '--ignore-unmanaged';

describe('cvi drift reports what changed, attribute by attribute', () => {
  let emulator: RunningEmulator;
  let project: TenantProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = new TenantProject(emulator, [ALPHA, GAMMA]);
    const deployed = await project.deploy(ALPHA.name, GAMMA.name);
    if (deployed.code !== 0) throw new Error(`deploy failed: ${explain(deployed)}`);
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
  });

  test('the two tenants fall in different shards of 2', () => {
    expect(new Set([shardOf(ALPHA.name, 2), shardOf(GAMMA.name, 2)]).size).toBe(2);
  });

  test('with every tenant as deployed, drift exits 0', async () => {
    const result = await project.drift('--no-synth', PLAN_ONLY);
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: explain(result) } : {}) });
  });

  describe("with gamma's tenant key changed behind Terraform's back", () => {
    beforeAll(() => {
      const tenant = emulator.tenant(GAMMA.id);
      const provider = tenant.getServiceProvider('Pexip');
      if (!provider) throw new Error('gamma has no provider: the deploy failed');
      tenant.setServiceProvider({ ...provider, TenantKey: ROGUE_KEY });
    });

    test('the table names tenant, tenant id, construct path and action, and the key live -> declared, in 100 columns', async () => {
      const result = await project.drift('--no-synth', PLAN_ONLY);
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(new RegExp(`^gamma\\s+${GAMMA.id}\\s+drift\\s+tenant/teams-provider \\(update\\)$`, 'm'));
      expect(result.stdout).toContain(`    tenant_key: "${ROGUE_KEY}" -> "${DECLARED_KEY}"`);
      expect(result.stdout).toMatch(new RegExp(`^alpha\\s+${ALPHA.id}\\s+in sync`, 'm'));
      for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    });

    test('the JSON report carries the same attribute change', async () => {
      const result = await project.drift('--no-synth', '--json', PLAN_ONLY);
      expect(result.code).toBe(2);
      const gamma = JSON.parse(result.stdout).tenants.find((t: { tenant: string }) => t.tenant === 'gamma');
      expect(gamma).toMatchObject({ tenantId: GAMMA.id, status: 'drift' });
      expect(gamma.resources).toEqual([
        expect.objectContaining({ constructPath: 'tenant/teams-provider', action: 'update', attributes: [{ name: 'tenant_key', before: ROGUE_KEY, after: DECLARED_KEY }] }),
      ]);
    });

    test('the markdown report has a row for it with the tenant id', async () => {
      const result = await project.drift('--no-synth', '--markdown', PLAN_ONLY);
      expect(result.code).toBe(2);
      const row = result.stdout.split('\n').find((l) => l.startsWith('| gamma |'));
      expect(row).toContain(`| gamma | <code>${GAMMA.id}</code> | drift | <code>tenant/teams-provider</code> | update |`);
      expect(row).toContain(`<code>tenant_key: "${ROGUE_KEY}" -&gt; "${DECLARED_KEY}"</code>`);
    });

    test('two shards merged give the report of one run, and its exit code', async () => {
      const whole = await project.drift('--no-synth', '--json', PLAN_ONLY);
      const files: string[] = [];
      for (const index of [1, 2]) {
        const shard = await project.drift('--no-synth', '--json', PLAN_ONLY, '--shard', `${index}/2`);
        expect(JSON.parse(shard.stdout).tenants).toHaveLength(1);
        files.push(path.join(project.dir, `drift-${index}.json`));
        fs.writeFileSync(files[files.length - 1], shard.stdout);
      }
      const merged = await project.cvi('drift', '--merge', ...files, '--json');
      const timeless = (stdout: string) => {
        const report = JSON.parse(stdout);
        return { ...report, tenants: report.tenants.map((t: object) => ({ ...t, seconds: 0 })) };
      };
      expect(merged.code).toBe(2);
      expect(timeless(merged.stdout)).toEqual(timeless(whole.stdout));
    });

    describe('and the Teams API refusing every request of alpha', () => {
      let fault: number;
      beforeAll(() => {
        fault = emulator.faults.add({ kind: 'error', status: 403, tenant: ALPHA.id });
      });
      afterAll(() => emulator.faults.remove(fault));

      test('the error wins: exit 1, with gamma still reported as drift', async () => {
        const result = await project.drift('--no-synth', '--json', PLAN_ONLY);
        expect(result.code).toBe(1);
        const tenants = JSON.parse(result.stdout).tenants;
        const statuses = Object.fromEntries(tenants.map((t: { tenant: string; status: string }) => [t.tenant, t.status]));
        expect({ statuses, ...(statuses.gamma !== 'drift' ? { why: tenants } : {}) }).toEqual({ statuses: { alpha: 'error', gamma: 'drift' } });
      });
    });
  });

  test('a second run of the same stacks skips terraform init', async () => {
    const result = await project.drift('--no-synth', PLAN_ONLY, '--tenant', 'alpha');
    expect(result.stderr).toContain('drift: alpha: terraform init skipped (initialised for the same providers)');
  });
});
