/**
 * The platform team's flow end to end, with the real terraform and cdktf against the emulator:
 * two Teams-only tenant files deploy through `npm run deploy`, `npm run diff` then shows no
 * changes, and `cvi drift` tells a drifted tenant and a failing tenant apart from a healthy one.
 */
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { explain, TenantProject } from './tenant-project';

jest.setTimeout(180_000);

// These checks are about plan drift; unmanaged objects have their own suite (drift-unmanaged).
const PLAN_ONLY = '--ignore-unmanaged';

const ALPHA = { name: 'alpha', id: 'a1a1a1a1-0000-4000-8000-00000000a1fa', domain: 'alpha.example' };
const BETA = { name: 'beta', id: 'b2b2b2b2-0000-4000-8000-00000000be7a', domain: 'beta.example' };

describe('Teams-only tenants deployed with cdktf and checked by cvi drift', () => {
  let emulator: RunningEmulator;
  let project: TenantProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = new TenantProject(emulator, [ALPHA, BETA]);
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
  });

  test('npm run deploy creates each tenant\'s provider and tenant-wide grant in Teams', async () => {
    const result = await project.deploy(ALPHA.name, BETA.name);
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: explain(result) } : {}) });
    for (const t of [ALPHA, BETA]) {
      expect(emulator.tenant(t.id).getServiceProvider('Pexip')).toMatchObject({
        TenantKey: `teams@${t.domain}`,
        InstructionUri: `https://pexip.me/teams/${t.domain}/{ConfId}`,
      });
      expect(emulator.tenant(t.id).getTenantPolicy()).toBe('PexipServiceProviderEnabled');
    }
  });

  test('npm run diff of both tenants right after deploy diffs each and shows no changes', async () => {
    const result = await project.diff(ALPHA.name, BETA.name);
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: explain(result) } : {}) });
    expect(result.stderr).toMatch(/\(1\/2\) cdktf diff alpha /);
    expect(result.stderr).toMatch(/\(2\/2\) cdktf diff beta .*--skip-synth/);
    expect(result.stdout.match(/No changes\./g)).toHaveLength(2);
  });

  test('deploy and diff output to a pipe has no cursor or colour escape codes', () => {
    // Every command here ran with its stdout piped: what a CI log or `| tee` gets.
    const runs = project.results.filter((r) => /cdktf (deploy|diff)/.test(r.stderr));
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const result of runs) expect(`${result.stdout}${result.stderr}`).not.toMatch(/\x1b\[/);
  });

  test('cvi drift with every tenant in sync exits 0', async () => {
    const result = await project.drift(PLAN_ONLY);
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: explain(result) } : {}) });
    expect(result.stdout).toMatch(new RegExp(`^alpha\\s+${ALPHA.id}\\s+in sync`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^beta\\s+${BETA.id}\\s+in sync`, 'm'));
  });

  describe('with the instruction URI of beta changed behind Terraform\'s back', () => {
    beforeAll(() => {
      const tenant = emulator.tenant(BETA.id);
      const provider = tenant.getServiceProvider('Pexip');
      if (!provider) throw new Error('beta has no provider: the deploy test failed');
      tenant.setServiceProvider({ ...provider, InstructionUri: 'https://elsewhere.example/{ConfId}' });
    });

    test('cvi drift exits 2 and names only beta, with its service provider', async () => {
      const result = await project.drift(PLAN_ONLY);
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(new RegExp(`^beta\\s+${BETA.id}\\s+drift\\s+tenant/teams-provider \\(update\\)$`, 'm'));
      // Longer than 100 columns: wrapped onto a continuation line.
      expect(result.stdout).toContain(`    instruction_uri: "https://elsewhere.example/{ConfId}" ->\n      "https://pexip.me/teams/${BETA.domain}/{ConfId}"`);
      expect(result.stdout).toMatch(/^alpha\s+\S+\s+in sync/m);
      expect(result.stdout).not.toMatch(/^alpha\s+\S+\s+drift/m);
    });

    test('cvi drift --json says the same', async () => {
      const result = await project.drift('--json', PLAN_ONLY);
      expect(result.code).toBe(2);
      const report = JSON.parse(result.stdout);
      expect(report.status).toBe('drift');
      expect(report.tenants.map((t: { tenant: string; status: string }) => [t.tenant, t.status])).toEqual([
        ['alpha', 'in-sync'],
        ['beta', 'drift'],
      ]);
      expect(report.tenants[1].resources).toEqual([
        {
          address: expect.stringMatching(/^cvi_video_interop_service_provider\./),
          constructPath: 'tenant/teams-provider',
          action: 'update',
          attributes: [{ name: 'instruction_uri', before: 'https://elsewhere.example/{ConfId}', after: `https://pexip.me/teams/${BETA.domain}/{ConfId}` }],
        },
      ]);
    });

    test('deploying beta again repairs it, and drift is clean', async () => {
      const deploy = await project.deploy(BETA.name);
      expect(deploy.code).toBe(0);
      expect(emulator.tenant(BETA.id).getServiceProvider('Pexip')?.InstructionUri).toBe(`https://pexip.me/teams/${BETA.domain}/{ConfId}`);
      expect((await project.drift(PLAN_ONLY)).code).toBe(0);
    });
  });

  describe('with the Teams API refusing every request of alpha', () => {
    let fault: number;
    beforeAll(() => {
      // 403: what a deploying identity without the Teams Administrator role gets; not retried.
      fault = emulator.faults.add({ kind: 'error', status: 403, tenant: ALPHA.id });
    });
    afterAll(() => emulator.faults.remove(fault));

    test('cvi drift exits 1, reports alpha as an error and beta still in sync', async () => {
      const result = await project.drift('--json', PLAN_ONLY);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      const byTenant = Object.fromEntries(report.tenants.map((t: { tenant: string }) => [t.tenant, t]));
      expect(byTenant.alpha.status).toBe('error');
      expect(byTenant.alpha.error).toMatch(/terraform plan exited 1/);
      expect(byTenant.beta.status).toBe('in-sync');
    });
  });

  test('no output of deploy, diff or drift ever shows the client secret', () => {
    const secret = project.env.ARM_CLIENT_SECRET as string;
    expect(secret.length).toBeGreaterThan(0);
    expect(project.results.length).toBeGreaterThanOrEqual(8);
    for (const result of project.results) expect(`${result.stdout}\n${result.stderr}`).not.toContain(secret);
  });
});
