/**
 * One users assignment of N users under the real terraform against the emulator: the apply
 * that creates it and a no-change plan after it, for users as a set(string) (the provider
 * before schema version 1, built from its commit, see old-provider.ts) and as a map(bool)
 * (this checkout's provider). Same machine, same run: the ratios compare like with like.
 *
 * Sizes: set and map at 2,000; map at 20,000 (target: apply and plan each under 60 s). The set
 * at 20,000 is left out unless asked (`--set-at 20000`): Terraform's own set comparison grows
 * with the square of the size (10,000 took 573 s to apply when measured for the issue).
 * `--terraform-data` adds Terraform alone (built-in terraform_data, no provider) for each shape.
 *
 * Run: npm run bench:users [-- --set-at 2000 --map-at 2000 --map-at 20000 --terraform-data]
 */
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { runTerraform } from '../../testing/terraform';
import { cviConfig, TerraformWorkspace } from '../../testing/workspace';
import { projectRoot } from '../../scripts/install-provider';
import { buildOldProvider, SET_SHAPE_COMMIT, type BuiltProvider } from './old-provider';

const POLICY = 'PexipServiceProviderEnabled';
const TIMEOUT_MS = 20 * 60_000;

type Shape = 'set' | 'map';
interface Measured {
  shape: Shape;
  what: 'cvi' | 'terraform_data';
  users: number;
  applyMs: number;
  planMs: number;
  planExit: number;
}

const sizesOf = (flag: string, fallback: number[]): number[] => {
  const args = process.argv.slice(2);
  const given = args.flatMap((a, i) => (a === flag ? [Number(args[i + 1])] : []));
  if (given.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${flag} takes a whole number of users, e.g. ${flag} 2000`);
  return given.length > 0 ? given : fallback;
};

const userNames = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@bench.example.com`);
const valueOf = (shape: Shape, users: string[]) => (shape === 'set' ? users : Object.fromEntries(users.map((u) => [u, true])));

let tenantSeq = 0;
const nextTenant = () => `eeeeeeee-0000-4000-8000-${String(++tenantSeq).padStart(12, '0')}`;

async function timed(ws: TerraformWorkspace, ...args: string[]): Promise<{ ms: number; code: number }> {
  const start = performance.now();
  const result = await runTerraform(ws.dir, [args[0], '-no-color', ...args.slice(1)], ws.env, TIMEOUT_MS);
  const ms = performance.now() - start;
  if (result.code !== 0 && !(args.includes('-detailed-exitcode') && result.code === 2)) {
    throw new Error(`terraform ${args.join(' ')} exited ${result.code} in ${ws.dir}:\n${result.output.slice(-2000)}`);
  }
  return { ms, code: result.code };
}

async function measure(emulator: RunningEmulator, shape: Shape, what: Measured['what'], users: number, provider?: BuiltProvider): Promise<Measured> {
  const tenantId = nextTenant();
  const env = provider ? { TF_CLI_CONFIG_FILE: provider.cliConfigFile } : {};
  const ws = await TerraformWorkspace.create({ emulator, tenantId, env, name: `cvi-bench-users-${shape}-${users}` });
  try {
    const value = valueOf(shape, userNames(users));
    if (what === 'cvi') {
      ws.writeJson('main.tf.json', cviConfig({ endpoint: emulator.url }, { cvi_video_interop_policy_assignment: { pilot: { policy_name: POLICY, users: value } } }));
    } else {
      const type = shape === 'set' ? 'set(string)' : 'map(bool)';
      ws.writeJson('main.tf.json', { variable: { users: { type, default: value } }, resource: { terraform_data: { pilot: { input: '${var.users}' } } } });
    }
    await timed(ws, 'init');
    const apply = await timed(ws, 'apply', '-auto-approve');
    const plan = await timed(ws, 'plan', '-detailed-exitcode');
    if (what === 'cvi' && emulator.tenant(tenantId).getUserPolicy(userNames(users)[users - 1]) !== POLICY) {
      throw new Error(`${shape} ${users}: the last user does not hold ${POLICY} after apply`);
    }
    const row: Measured = { shape, what, users, applyMs: apply.ms, planMs: plan.ms, planExit: plan.code };
    console.log(`  measured ${what} ${shape} ${users}: apply ${seconds(row.applyMs)}, no-change plan ${seconds(row.planMs)} (exit ${row.planExit})`);
    return row;
  } finally {
    ws.remove();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pad = (s: string, n: number) => s.padEnd(n);

async function main(): Promise<void> {
  const setSizes = sizesOf('--set-at', [2000]);
  const mapSizes = sizesOf('--map-at', [2000, 20000]);
  const withTerraformData = process.argv.includes('--terraform-data');
  console.log(`users of one policy assignment, real terraform against the emulator (node ${process.version}, ${process.platform}/${process.arch})`);
  console.log(`building the set(string) provider from ${SET_SHAPE_COMMIT} ...`);
  const old = buildOldProvider(projectRoot());
  const emulator = await startEmulator({ candidates: ['userSearch'] });
  const rows: Measured[] = [];
  try {
    for (const n of setSizes) rows.push(await measure(emulator, 'set', 'cvi', n, old));
    for (const n of mapSizes) rows.push(await measure(emulator, 'map', 'cvi', n));
    if (withTerraformData) {
      for (const n of setSizes) rows.push(await measure(emulator, 'set', 'terraform_data', n));
      for (const n of mapSizes) rows.push(await measure(emulator, 'map', 'terraform_data', n));
    }
  } finally {
    await emulator.stop();
    rmSync(old.dir, { recursive: true, force: true });
  }
  console.log();
  console.log(`${pad('what', 16)}${pad('shape', 13)}${pad('users', 8)}${pad('apply', 10)}${pad('plan', 10)}apply/plan vs set(string) at the same size`);
  for (const r of rows) {
    const base = rows.find((b) => b.what === r.what && b.shape === 'set' && b.users === r.users);
    const ratio = base && r.shape === 'map' ? `${(base.applyMs / r.applyMs).toFixed(1)}x / ${(base.planMs / r.planMs).toFixed(1)}x faster` : r.shape === 'set' ? 'baseline' : 'no set run at this size';
    console.log(`${pad(r.what, 16)}${pad(r.shape === 'set' ? 'set(string)' : 'map(bool)', 13)}${pad(String(r.users), 8)}${pad(seconds(r.applyMs), 10)}${pad(seconds(r.planMs), 10)}${ratio}`);
  }
  const target = rows.filter((r) => r.what === 'cvi' && r.shape === 'map' && r.users === 20000);
  for (const r of target) console.log(`target at 20,000 users: apply and plan each under 60 s: ${r.applyMs < 60_000 && r.planMs < 60_000 ? 'met' : 'missed'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
