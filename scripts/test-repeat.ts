/**
 * `npm run test:repeat`: the whole jest suite several times in a row (default 5, or the first
 * argument) with two workers, stopping at the first failing run, to catch tests that pass only
 * by luck (races between suites, timing). Installs the provider once first, as `npm test` does.
 */
import { spawnSync } from 'node:child_process';
import { projectRoot } from './project';

const runs = Number(process.argv[2] ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`test:repeat: the number of runs must be a whole number from 1, got "${process.argv[2]}"\n`);
  process.exit(1);
}
const root = projectRoot();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const jest = require.resolve('jest/bin/jest', { paths: [root] });

if (spawnSync(npm, ['run', '--silent', 'provider:install'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  process.stderr.write('test:repeat: npm run provider:install failed; no test ran\n');
  process.exit(1);
}
let passed = 0;
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  process.stdout.write(`\ntest:repeat: run ${run} of ${runs}\n`);
  const result = spawnSync(process.execPath, [jest, '--maxWorkers=2'], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    process.stdout.write(`test:repeat: run ${run} failed after ${seconds} s; ${passed}/${runs} passed\n`);
    process.exit(1);
  }
  passed++;
  process.stdout.write(`test:repeat: run ${run} passed in ${seconds} s\n`);
}
process.stdout.write(`test:repeat: ${passed}/${runs} passed\n`);
