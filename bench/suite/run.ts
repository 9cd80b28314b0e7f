/**
 * bench/suite: the test suite's time at two commits, like for like. Suites move and get renamed
 * between commits, and new suites come with new features, so the total alone says little: each
 * suite of the base commit is matched with its counterpart at the head (git's rename detection)
 * and the two sums are compared; suites added since are listed apart.
 *
 *   npm run bench:suite -- --base <rev> [--head <rev>]          run both, then compare (~15 min)
 *   npm run bench:suite -- --base <rev> --before a.json --after b.json   compare two reports
 *
 * A run clones each commit into a temporary folder, installs it (npm ci), builds its provider and
 * runs its jest with --json, one commit after the other on the same machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface JestReport {
  startTime: number;
  testResults: { name: string; startTime: number; endTime: number; assertionResults: unknown[] }[];
}
interface Suite {
  seconds: number;
  tests: number;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
}

/** Clones `rev`, installs it and runs its suite; the path of its jest report. */
function runSuite(rev: string, work: string): string {
  const dir = join(work, rev.replace(/[^A-Za-z0-9]/g, '_'));
  git('worktree', 'add', '--detach', dir, rev);
  const report = join(work, `${rev.replace(/[^A-Za-z0-9]/g, '_')}.json`);
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' };
  for (const [what, command, args] of [
    ['install', 'npm', ['ci', '--no-audit', '--no-fund']],
    ['provider', 'npm', ['run', 'provider:install']],
    ['suite', 'npx', ['jest', '--json', `--outputFile=${report}`]],
  ] as const) {
    process.stderr.write(`${rev}: ${what}...\n`);
    const done = spawnSync(command, [...args], { cwd: dir, env, stdio: ['ignore', 'ignore', what === 'suite' ? 'ignore' : 'inherit'] });
    if (done.status !== 0 && what !== 'suite') throw new Error(`${rev}: ${command} ${args.join(' ')} exited ${done.status}`);
  }
  git('worktree', 'remove', '--force', dir);
  return report;
}

function suites(reportFile: string): Map<string, Suite> {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
  const root = report.testResults.length > 0 ? report.testResults[0].name.slice(0, report.testResults[0].name.indexOf('__tests__')) : '';
  return new Map(report.testResults.map((r) => [relative(root, r.name), { seconds: (r.endTime - r.startTime) / 1000, tests: r.assertionResults.length }]));
}

/** Old path -> new path of every test file git sees as renamed (40% similar or more) from base to head. */
function renames(base: string, head: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of git('diff', '-M40%', '--name-status', base, head, '--', '__tests__').split('\n')) {
    const [status, from, to] = line.split('\t');
    if (status?.startsWith('R')) out.set(from, to);
  }
  return out;
}

const sum = (list: Suite[]) => list.reduce((acc, s) => ({ seconds: acc.seconds + s.seconds, tests: acc.tests + s.tests }), { seconds: 0, tests: 0 });
const show = (s: Suite) => `${s.tests} tests, ${s.seconds.toFixed(1)} s`;

function main(): void {
  const base = argument('base');
  if (!base) throw new Error('give --base <rev>: the commit to compare with');
  const head = argument('head') ?? 'HEAD';
  let before = argument('before');
  let after = argument('after');
  if (!before || !after) {
    const work = mkdtempSync(join(tmpdir(), 'cvi-bench-suite-'));
    before = runSuite(git('rev-parse', base).trim(), work);
    after = runSuite(git('rev-parse', head).trim(), work);
  }
  const old = suites(before);
  const now = suites(after);
  const moved = renames(base, head);
  const pairs = [...old].map(([path, suite]) => ({ path, before: suite, after: now.get(moved.get(path) ?? path) }));
  const matched = pairs.filter((p) => p.after !== undefined);
  const counterparts = new Set(matched.map((p) => moved.get(p.path) ?? p.path));
  const added = [...now].filter(([path]) => !counterparts.has(path));
  const same = { before: sum(matched.map((p) => p.before)), after: sum(matched.map((p) => p.after as Suite)) };

  console.log(`base ${base}: ${old.size} suites, ${show(sum([...old.values()]))}`);
  console.log(`head ${head}: ${now.size} suites, ${show(sum([...now.values()]))}`);
  console.log(`the ${matched.length} suites of the base and their counterparts: ${show(same.before)} -> ${show(same.after)}`);
  console.log(`ratio (head / base, like for like): ${(same.after.seconds / same.before.seconds).toFixed(2)}`);
  console.log(`suites added since: ${added.length}, ${show(sum(added.map(([, s]) => s)))}`);
  for (const [path, s] of added.sort((a, b) => b[1].seconds - a[1].seconds).slice(0, 5)) console.log(`  ${s.seconds.toFixed(1).padStart(6)} s  ${path}`);
  const gone = pairs.filter((p) => p.after === undefined).map((p) => p.path);
  if (gone.length > 0) console.log(`suites of the base with no counterpart: ${gone.join(', ')}`);
  const changes = matched.map((p) => ({ path: p.path, delta: (p.after as Suite).seconds - p.before.seconds })).sort((a, b) => b.delta - a.delta);
  console.log('largest changes of one suite:');
  for (const c of [...changes.slice(0, 3), ...changes.slice(-3)]) console.log(`  ${(c.delta >= 0 ? '+' : '') + c.delta.toFixed(1)} s  ${c.path}`);
}

try {
  main();
} catch (error) {
  console.error(`bench:suite: ${(error as Error).message}`);
  process.exitCode = 1;
}
