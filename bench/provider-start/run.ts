/**
 * Provider start-up: median time from exec to the handshake line over 20 starts of the
 * launcher in the mirror (the bundled package), against the median of `node -e 0` (bare Node
 * start and exit) and of the same provider as plain tsc output (`node dist/bench-tsc/provider/main.js`,
 * modules from node_modules, started through sh as its launcher did), alternated in the same run on the same machine. Terraform starts
 * the provider several times per command, so this is paid again and again. Targets: at most
 * 250 ms over bare node, and the bundle no slower than the tsc output.
 *
 * Run: npm run bench:provider-start   (installs the provider and compiles the tsc reference first)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { makeTlsIdentity } from '../../tls/certificate';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../provider/server/handshake';
import { providerLayout } from '../../scripts/install-provider';

const RUNS = 20;
const TARGET_MS = 250;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** ms from spawn until the process exits (bare node). */
function timeBareNode(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
  });
}

/** ms from spawn until the provider prints its handshake line; then it is stopped. */
function timeHandshake(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command[0], command.slice(1), { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.on('error', reject);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (!/^1\|6\|unix\|[^|]+\|grpc\|[A-Za-z0-9+/]+$/.test(out.trim())) reject(new Error(`unexpected handshake line: ${out}`));
      child.kill('SIGKILL');
      child.on('exit', () => resolve(elapsed));
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`provider exited ${code} before its handshake`));
    });
  });
}

async function main(): Promise<void> {
  const layout = providerLayout();
  const tscEntry = join(layout.root, 'dist', 'bench-tsc', 'provider', 'main.js');
  if (!existsSync(tscEntry)) throw new Error(`${tscEntry} is missing: npm run bench:provider-start compiles it`);
  const bundled = [layout.launcher];
  // Through sh, as the launcher of the tsc-output install did: only the JavaScript differs.
  const tsc = ['/bin/sh', '-c', 'exec "$0" "$1"', process.execPath, tscEntry];
  const env = {
    ...process.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: makeTlsIdentity().certPem,
  };
  // Warm the file system cache for all three, then alternate so that machine noise hits all alike.
  await timeBareNode();
  await timeHandshake(bundled, env);
  await timeHandshake(tsc, env);
  const bare: number[] = [];
  const provider: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timeBareNode());
    provider.push(await timeHandshake(bundled, env));
    reference.push(await timeHandshake(tsc, env));
  }
  const b = median(bare);
  const p = median(provider);
  const t = median(reference);
  const overhead = p - b;
  const lines = [
    `provider start-up, median of ${RUNS} runs (node ${process.version}, ${process.platform}/${process.arch})`,
    `  node -e 0 (baseline)              ${b.toFixed(1)} ms`,
    `  bundled package: exec to handshake ${p.toFixed(1)} ms  (+${overhead.toFixed(1)} ms; target <= ${TARGET_MS} ms: ${overhead <= TARGET_MS ? 'met' : 'NOT met'})`,
    `  tsc output: exec to handshake      ${t.toFixed(1)} ms  (+${(t - b).toFixed(1)} ms)`,
    `  ratio bundled / baseline           ${(p / b).toFixed(2)}x`,
    `  ratio tsc output / baseline        ${(t / b).toFixed(2)}x`,
    `  ratio bundled / tsc output         ${(p / t).toFixed(2)}x  (target <= 1.00: ${p <= t ? 'met' : 'NOT met'})`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:provider-start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
