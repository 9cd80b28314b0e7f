/**
 * `npm run demo`: the main job on an embedded default, end to end, with no tenant and no
 * credentials. Starts the Teams admin API emulator in this process, deploys an example tenant's
 * Teams objects through cdktf and the `cvi` provider, shows a clean plan, changes the instruction
 * URI behind Terraform's back, lets `cvi drift` catch it, repairs it with a second deploy, shows
 * drift clean again and stops the emulator. Exit 0 when every step did what it should.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmulator, type RunningEmulator } from '../emulator';
import { run as drift } from './commands/drift';
import { runCdktf } from './cdktf-command';
import { demoEnv, DemoFolders } from './demo/demo-env';
import { DEMO_TENANT_FILE, DEMO_TENANT_ID, DEMO_TENANT_NAME, TAMPERED_INSTRUCTION_URI } from './demo/example-tenant';
import { ensureProvider } from './provider-ready';
import { projectRoot } from './project';

class StepFailed extends Error {}

let stepNumber = 0;
function step(title: string): void {
  stepNumber += 1;
  process.stdout.write(`\n== ${stepNumber}. ${title}\n`);
}
const say = (line: string) => process.stdout.write(`   ${line}\n`);

function scratchFolders(): DemoFolders & { root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-demo-'));
  const folders = { root, tenantsDir: path.join(root, 'tenants'), outDir: path.join(root, 'cdktf.out') };
  fs.mkdirSync(folders.tenantsDir);
  fs.writeFileSync(path.join(folders.tenantsDir, `${DEMO_TENANT_NAME}.yaml`), DEMO_TENANT_FILE);
  return folders;
}

async function deploy(root: string, outDir: string): Promise<void> {
  say(`cdktf deploy ${DEMO_TENANT_NAME} --auto-approve (synth, terraform init, plan, apply)`);
  const result = await runCdktf(['deploy', DEMO_TENANT_NAME, '--auto-approve', '--output', outDir], { root, echo: false });
  if (result.code !== 0) throw new StepFailed(`cdktf deploy exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  const applied = /Apply complete! Resources: [^\n]*/.exec(result.stdout);
  say(applied ? applied[0] : 'apply complete');
}

function showProvider(emulator: RunningEmulator): void {
  const provider = emulator.tenant(DEMO_TENANT_ID).getServiceProvider('Pexip');
  if (!provider) throw new StepFailed('the emulator holds no Pexip provider after deploy');
  say(`Teams now holds provider ${provider.Identity}: tenant key ${provider.TenantKey}, instruction URI ${provider.InstructionUri}`);
  say(`and grants ${emulator.tenant(DEMO_TENANT_ID).getTenantPolicy()} tenant-wide`);
}

async function expectDrift(outDir: string, expected: 0 | 2): Promise<void> {
  say(`cvi drift --out ${outDir}`);
  const code = await drift(['--out', outDir]);
  if (code !== expected) throw new StepFailed(`cvi drift exited ${code}; expected ${expected}`);
  say(`cvi drift exited ${code}: ${expected === 0 ? 'every tenant in sync' : 'drift found'}, as expected`);
}

async function demo(): Promise<void> {
  const root = projectRoot();
  process.stdout.write('cvi demo: one tenant file -> cdktf -> Terraform -> the cvi provider -> a local Teams admin API emulator.\n');
  process.stdout.write('No tenant and no credentials are used; nothing outside a scratch folder is written.\n');

  step('Build the cvi provider into the project mirror (skipped when up to date)');
  if (!(await ensureProvider(root, say))) throw new StepFailed('the cvi provider could not be installed');
  say('ready: .cvi/mirror and .cvi/terraformrc');

  step('Start the Teams admin API emulator and write the example tenant file');
  const emulator = await startEmulator();
  const folders = scratchFolders();
  try {
    // The demo's own process env: the drift check and every terraform it starts inherit it.
    const env = demoEnv(process.env, emulator, folders);
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
    Object.assign(process.env, env);
    say(`emulator: API ${emulator.url}, token endpoint ${emulator.authorityHost}`);
    say(`tenant file: ${path.join(folders.tenantsDir, `${DEMO_TENANT_NAME}.yaml`)}`);
    DEMO_TENANT_FILE.trim().split('\n').forEach((line) => say(`  | ${line}`));

    step('Deploy the tenant: cdktf synthesizes the stack, Terraform applies it through the cvi provider');
    await deploy(root, folders.outDir);
    showProvider(emulator);

    step('Plan again: nothing to change');
    await expectDrift(folders.outDir, 0);

    step("Change the instruction URI behind Terraform's back (as an admin in the Teams admin center would)");
    const tenant = emulator.tenant(DEMO_TENANT_ID);
    const current = tenant.getServiceProvider('Pexip');
    if (!current) throw new StepFailed('the Pexip provider disappeared from the emulator');
    tenant.setServiceProvider({ ...current, InstructionUri: TAMPERED_INSTRUCTION_URI });
    say(`instruction URI is now ${TAMPERED_INSTRUCTION_URI}`);

    step('Nightly drift check: cvi drift catches it (exit 2) and names the resource');
    await expectDrift(folders.outDir, 2);

    step('Repair: deploy again, Terraform converges Teams back to the tenant file');
    await deploy(root, folders.outDir);
    showProvider(emulator);

    step('Drift check again: in sync');
    await expectDrift(folders.outDir, 0);
  } catch (err) {
    say(`scratch folder kept for a look: ${folders.root}`);
    throw err;
  } finally {
    await emulator.stop();
    say('emulator stopped');
  }
  fs.rmSync(folders.root, { recursive: true, force: true });
  process.stdout.write('\ncvi demo: done. Next: docs/platform-teams.md shows the same flow for real tenants.\n');
}

if (require.main === module) {
  demo().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`\ncvi demo failed at step ${stepNumber}: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
