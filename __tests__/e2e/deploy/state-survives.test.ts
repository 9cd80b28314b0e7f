/**
 * State outlives the synth output. A platform engineer with several customer sets deploys one
 * tenants folder, then another into the same output folder; cdktf prunes the stack folders the
 * second synth did not write, and state used to live in them. With state in `state/` beside the
 * synth output, the first tenant is still known to Terraform afterwards: in sync, not "already
 * exists: import it". Real terraform and cdktf against the emulator.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { runProcess } from '../../../scripts/run-process';
import { explain, TenantProject } from './tenant-project';

jest.setTimeout(240_000);

const ALPHA = { name: 'alpha', id: 'a1a1a1a1-0000-4000-8000-0000000005a1', domain: 'alpha.example' };
const BETA = { name: 'beta', id: 'b2b2b2b2-0000-4000-8000-0000000005b2', domain: 'beta.example' };

interface StateFile {
  serial: number;
  lineage: string;
  resources: { type: string }[];
}

describe('tenants deployed from two tenants folders into one synth output', () => {
  let emulator: RunningEmulator;
  let project: TenantProject;
  const stateOf = (tenant: string): StateFile => JSON.parse(fs.readFileSync(path.join(project.stateDir, `${tenant}.tfstate`), 'utf8'));
  let alphaAfterDeploy: StateFile;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = new TenantProject(emulator, [ALPHA]);
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
  });

  test('deploying alpha keeps its state in state/alpha.tfstate, outside the synth output', async () => {
    const result = await project.deploy(ALPHA.name);
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: explain(result) } : {}) });
    alphaAfterDeploy = stateOf(ALPHA.name);
    expect(alphaAfterDeploy.resources.map((r) => r.type)).toContain('cvi_video_interop_service_provider');
    expect(fs.readdirSync(path.join(project.outDir, 'stacks', ALPHA.name)).filter((f) => f.endsWith('.tfstate'))).toEqual([]);
  });

  test('deploying beta from another tenants folder prunes the alpha stack folder but not its state', async () => {
    project.useTenants('customers-b', [BETA]);
    const result = await project.deploy(BETA.name);
    expect({ code: result.code }).toEqual({ code: 0, ...(result.code !== 0 ? { why: explain(result) } : {}) });
    expect(fs.existsSync(path.join(project.outDir, 'stacks', ALPHA.name))).toBe(false);
    expect(stateOf(ALPHA.name)).toEqual(alphaAfterDeploy);
    expect(emulator.tenant(BETA.id).getServiceProvider('Pexip')).toBeDefined();
  });

  test('cdktf synth of the first folder again, then cvi drift: alpha is in sync and its state intact', async () => {
    project.useTenants('tenants');
    const synth = await project.cdktfSynth();
    expect({ code: synth.code }).toEqual({ code: 0, ...(synth.code !== 0 ? { why: explain(synth) } : {}) });
    expect(fs.existsSync(path.join(project.outDir, 'stacks', BETA.name))).toBe(false);

    const drift = await project.drift();
    expect({ code: drift.code }).toEqual({ code: 0, ...(drift.code !== 0 ? { why: explain(drift) } : {}) });
    expect(drift.stdout).toMatch(/^alpha\s+\S+\s+in sync/m);
    expect(stateOf(ALPHA.name)).toMatchObject({ lineage: alphaAfterDeploy.lineage, resources: alphaAfterDeploy.resources });
  });

  test('beta, pruned by that synth, is in sync too when its folder is checked', async () => {
    project.useTenants('customers-b');
    const drift = await project.drift();
    expect({ code: drift.code }).toEqual({ code: 0, ...(drift.code !== 0 ? { why: explain(drift) } : {}) });
    expect(drift.stdout).toMatch(/^beta\s+\S+\s+in sync/m);
  });
});

describe('a stack deployed before state moved out of the synth output', () => {
  let emulator: RunningEmulator;
  let project: TenantProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = new TenantProject(emulator, [ALPHA]);
  });

  afterAll(async () => {
    project?.remove();
    await emulator?.stop();
  });

  test('has its state moved to state/ by the next cvi drift, which then finds it in sync', async () => {
    // given alpha deployed the old way: state in the stack folder, terraform initialised for that path
    const deploy = await project.deploy(ALPHA.name);
    expect({ code: deploy.code }).toEqual({ code: 0, ...(deploy.code !== 0 ? { why: explain(deploy) } : {}) });
    const stack = path.join(project.outDir, 'stacks', ALPHA.name);
    const legacy = path.join(stack, `terraform.${ALPHA.name}.tfstate`);
    fs.renameSync(path.join(project.stateDir, `${ALPHA.name}.tfstate`), legacy);
    const json = JSON.parse(fs.readFileSync(path.join(stack, 'cdk.tf.json'), 'utf8'));
    json.terraform.backend.local.path = `terraform.${ALPHA.name}.tfstate`;
    fs.writeFileSync(path.join(stack, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    const init = await runProcess('terraform', ['init', '-reconfigure', '-input=false', '-no-color'], { cwd: stack, env: project.env });
    expect({ code: init.code }).toEqual({ code: 0, ...(init.code !== 0 ? { why: explain(init) } : {}) });
    const before = fs.readFileSync(legacy, 'utf8');

    // when the nightly drift check runs with the new code
    const drift = await project.drift();

    // then the state moved, one line said so, and the tenant is in sync (not "already exists")
    expect({ code: drift.code }).toEqual({ code: 0, ...(drift.code !== 0 ? { why: explain(drift) } : {}) });
    expect(drift.stdout).toMatch(/^alpha\s+\S+\s+in sync/m);
    expect(drift.stderr).toMatch(/state: moved .*terraform\.alpha\.tfstate to .*state[/\\]alpha\.tfstate/);
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.readFileSync(path.join(project.stateDir, `${ALPHA.name}.tfstate`), 'utf8')).toBe(before);
  });
});
