/**
 * `npm run bench:drift`: the nightly drift check of N Teams-only tenants against the emulator,
 * `cvi drift` (plugin cache, init skipped when initialised, N stacks 3 at a time) side by side
 * with a naive loop of `terraform init && terraform plan` per stack, in the same run.
 *
 *   npm run bench:drift                 # N = 10 and 100
 *   npm run bench:drift -- --with-1000  # and N = 1,000 (about an hour on a 2-core machine)
 *   npm run bench:drift -- --tenants 30 # other sizes
 *   npm run bench:drift -- --tenants 1000 --skip-naive   # cvi drift only (the naive loop of
 *                                       # 1,000 stacks alone takes ~30 minutes here)
 *
 * Set-up (not timed): N tenant files, synth, one stack applied for real; its state, with the
 * tenant's names swapped in, seeds the others, and the emulator gets the same objects, so every
 * plan refreshes real objects and finds them in sync (checked: the run fails otherwise).
 * Arms, each a process tree under /usr/bin/time with its peak RSS sampled from /proc:
 * - naive: for each stack, in turn, `terraform init` then `terraform plan -detailed-exitcode`;
 * - cvi drift cold: no `.terraform` in any stack and an empty plugin cache (a fresh CI runner);
 * - cvi drift warm: the same synth output again (a runner that keeps it: init is skipped).
 * Unmanaged objects are not looked for (--ignore-unmanaged): the Teams client cannot list
 * group assignments yet, and those reads are in-process HTTP calls, small next to a plan.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { emulatorTerraformEnv } from '../../testing/workspace';
import { teamsOnlyTenantFile } from '../../testing/tenant-files';
import { runProcess } from '../../scripts/run-process';
import { projectRoot } from '../../scripts/project';
import { synth } from '../../scripts/synth';
import { samplePeak } from './tree-rss';

const root = projectRoot();
const args = process.argv.slice(2);
const sizes = args.includes('--tenants') ? args[args.indexOf('--tenants') + 1].split(',').map(Number) : [10, 100, ...(args.includes('--with-1000') ? [1000] : [])];

const skipNaive = args.includes('--skip-naive');

const tenant = (i: number) => {
  const n = String(i).padStart(4, '0');
  return { name: `bench-${n}`, id: `eeeeeeee-0000-4000-8000-${String(i).padStart(12, '0')}`, domain: `bench-${n}.example` };
};

interface ArmResult {
  wallS: number;
  cpuS: number;
  peakMb: number;
  stdout: string;
}

/** Runs one arm under /usr/bin/time (wall, user+sys of the whole tree) with its RSS sampled. */
function arm(command: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ArmResult> {
  const timeFile = path.join(os.tmpdir(), `cvi-bench-drift-time-${process.pid}`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, command, ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = samplePeak(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const peakMb = sampler.stop();
      const [wall, user, sys] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      fs.rmSync(timeFile, { force: true });
      // cvi drift exits 0 when every tenant is in sync; the naive loop stops at its first failure.
      if (code !== 0) reject(new Error(`${command} ${argv.slice(0, 3).join(' ')} ... exited ${code}\n${stderr.slice(-2000)}`));
      else resolve({ wallS: wall, cpuS: user + sys, peakMb, stdout });
    });
  });
}

const NAIVE_LOOP = `for d in "$@"; do
  cd "$d" || exit 1
  terraform init -input=false -no-color > /dev/null || exit 1
  terraform plan -detailed-exitcode -input=false -lock=false -no-color > /dev/null || exit 1
done`;

function wipeInit(stackDirs: readonly string[]): void {
  for (const dir of stackDirs) {
    fs.rmSync(path.join(dir, '.terraform'), { recursive: true, force: true });
    fs.rmSync(path.join(dir, '.terraform.lock.hcl'), { force: true });
  }
}

async function prepare(emulator: RunningEmulator, n: number, dir: string): Promise<{ env: NodeJS.ProcessEnv; out: string; stackDirs: string[] }> {
  const tenantsDir = path.join(dir, 'tenants');
  const out = path.join(dir, 'cdktf.out');
  fs.mkdirSync(tenantsDir);
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(tenantsDir, `${tenant(i).name}.yaml`), teamsOnlyTenantFile(tenant(i)));
  const env = emulatorTerraformEnv(emulator, tenant(0).id, { CVI_TEAMS_ENDPOINT: emulator.url, CVI_TENANTS_DIR: tenantsDir, CDKTF_OUTDIR: out });
  const synthesized = await synth({ outDir: out, env, root });
  if (synthesized.code !== 0) throw new Error(`synth failed:\n${synthesized.stderr}`);
  const stackDirs = Array.from({ length: n }, (_, i) => path.join(out, 'stacks', tenant(i).name));

  // One stack applied for real; its state and live objects, renamed, seed the others.
  const first = stackDirs[0];
  for (const step of [['init', '-input=false'], ['apply', '-auto-approve', '-input=false']]) {
    const result = await runProcess('terraform', [...step, '-no-color'], { cwd: first, env });
    if (result.code !== 0) throw new Error(`terraform ${step[0]} of ${tenant(0).name} failed:\n${result.stdout}\n${result.stderr}`);
  }
  const stateName = (i: number) => `terraform.${tenant(i).name}.tfstate`;
  const state = fs.readFileSync(path.join(first, stateName(0)), 'utf8');
  const live = emulator.tenant(tenant(0).id);
  const provider = live.getServiceProvider('Pexip')!;
  const policy = live.getTenantPolicy();
  for (let i = 1; i < n; i++) {
    const t = tenant(i);
    const rename = (text: string) => text.split(tenant(0).id).join(t.id).split(tenant(0).name).join(t.name);
    fs.writeFileSync(path.join(stackDirs[i], stateName(i)), rename(state));
    emulator.tenant(t.id).setServiceProvider({ ...provider, TenantKey: rename(provider.TenantKey), InstructionUri: provider.InstructionUri && rename(provider.InstructionUri) });
    emulator.tenant(t.id).setTenantPolicy(policy);
  }
  wipeInit(stackDirs);
  return { env, out, stackDirs };
}

function inSyncCount(stdout: string): number {
  return (JSON.parse(stdout).tenants as { status: string }[]).filter((t) => t.status === 'in-sync').length;
}

async function bench(emulator: RunningEmulator, n: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cvi-bench-drift-${n}-`));
  try {
    const { env, out, stackDirs } = await prepare(emulator, n, dir);
    process.stderr.write(`N=${n}: naive loop${skipNaive ? ' skipped (--skip-naive)' : ''}\n`);
    const naive = skipNaive ? undefined : await arm('sh', ['-c', NAIVE_LOOP, 'sh', ...stackDirs], dir, env);
    wipeInit(stackDirs);
    const cache = path.join(dir, 'plugin-cache');
    fs.mkdirSync(cache);
    const driftArgs = [path.join(root, 'bin', 'cvi.js'), 'drift', '--no-synth', '--out', out, '--json', '--ignore-unmanaged'];
    const driftEnv = { ...env, TF_PLUGIN_CACHE_DIR: cache, TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: 'true' };
    process.stderr.write(`N=${n}: cvi drift, cold\n`);
    const cold = await arm(process.execPath, driftArgs, root, driftEnv);
    process.stderr.write(`N=${n}: cvi drift, warm\n`);
    const warm = await arm(process.execPath, driftArgs, root, driftEnv);
    for (const [name, result] of [['cold', cold], ['warm', warm]] as const) {
      if (inSyncCount(result.stdout) !== n) throw new Error(`cvi drift ${name} did not find all ${n} tenants in sync:\n${result.stdout.slice(0, 3000)}`);
    }
    const row = (name: string, r: ArmResult, ratio: string) =>
      [String(n).padStart(5), name.padEnd(15), `${r.wallS.toFixed(1)} s`.padStart(9), `${(r.wallS / n).toFixed(2)} s`.padStart(11), `${(r.cpuS / n).toFixed(2)} s`.padStart(10), `${r.peakMb} MB`.padStart(9), ratio.padStart(7)].join('  ');
    const ratio = (r: ArmResult) => (naive ? `${(naive.wallS / r.wallS).toFixed(2)}x` : 'n/a');
    return [...(naive ? [row('naive loop', naive, '1.00x')] : []), row('cvi drift cold', cold, ratio(cold)), row('cvi drift warm', warm, ratio(warm))];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  process.stdout.write(
    [
      `cvi drift vs a naive init+plan loop, N Teams-only tenants, emulator, ${os.cpus().length} CPUs, default concurrency 3`,
      '    N  arm                   wall  wall/tenant  CPU/tenant  peak RSS  naive/x',
      '',
    ].join('\n'),
  );
  for (const n of sizes) {
    // A fresh emulator per size: the tenants of one size must not meet the objects of another.
    const emulator = await startEmulator();
    try {
      process.stdout.write(`${(await bench(emulator, n)).join('\n')}\n`);
    } finally {
      await emulator.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:drift: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
