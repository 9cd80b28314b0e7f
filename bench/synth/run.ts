import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { generateTenants } from './generate';

/**
 * Synthesis cost of the main job against a bare cdktf app emitting the same resources, for
 * N generated tenants, each run as its own process the way `npm run synth` runs.
 * Each size runs RUNS times, main job and baseline interleaved, and reports the medians, because
 * the machine is shared and one run can be disturbed.
 * Usage: npm run bench:synth [-- 1 100 500]   (CVI_BENCH_RUNS, default 3)
 */
const ROOT = path.join(__dirname, '..', '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const COUNTS = sizes.length > 0 ? sizes : [1, 100, 500];
const RUNS = Math.max(1, Number(process.env.CVI_BENCH_RUNS ?? 3));

interface Measure {
  seconds: number;
  maxRssMb: number;
  stacks: number;
}

function measure(entry: string, tenantsDir: string, outdir: string): Measure {
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', path.join(__dirname, 'max-rss.ts'), entry],
    { cwd: ROOT, env: { ...process.env, CVI_TENANTS_DIR: tenantsDir, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${path.basename(entry)} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  const rss = /CVI_BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr);
  const stacks = fs.readdirSync(path.join(outdir, 'stacks')).length;
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, stacks };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianOf(runs: Measure[]): Measure {
  return { seconds: median(runs.map((r) => r.seconds)), maxRssMb: median(runs.map((r) => r.maxRssMb)), stacks: runs[0].stacks };
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-bench-synth-'));
  const rows: string[] = [];
  try {
    for (const n of COUNTS) {
      const tenants = path.join(work, `tenants-${n}`);
      generateTenants(tenants, n);
      const bareRuns: Measure[] = [];
      const mainRuns: Measure[] = [];
      for (let run = 0; run < RUNS; run++) {
        bareRuns.push(measure(path.join(__dirname, 'bare-app.ts'), tenants, path.join(work, `bare-${n}-${run}`)));
        mainRuns.push(measure(path.join(ROOT, 'main.ts'), tenants, path.join(work, `main-${n}-${run}`)));
      }
      const baseline = medianOf(bareRuns);
      const mainJob = medianOf(mainRuns);
      if (baseline.stacks !== n || mainJob.stacks !== n) throw new Error(`expected ${n} stacks, got ${baseline.stacks} / ${mainJob.stacks}`);
      rows.push(
        [
          String(n).padStart(5),
          `${mainJob.seconds.toFixed(2)} s`.padStart(9),
          `${mainJob.maxRssMb.toFixed(0)} MB`.padStart(8),
          `${baseline.seconds.toFixed(2)} s`.padStart(9),
          `${baseline.maxRssMb.toFixed(0)} MB`.padStart(8),
          (mainJob.seconds / baseline.seconds).toFixed(2).padStart(10),
          (mainJob.maxRssMb / baseline.maxRssMb).toFixed(2).padStart(9),
        ].join('  '),
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPU(s), median of ${RUNS} run(s) each\n`);
  process.stdout.write('    N   main wall  main RSS  bare wall  bare RSS  wall ratio  RSS ratio\n');
  process.stdout.write(`${rows.join('\n')}\n`);
}

main();
