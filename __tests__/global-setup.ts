/**
 * Runs once before any test file: the only place the tests install the cvi provider. Terraform
 * hashes the provider package on every init, so no test may rewrite it while others run; the
 * deploy and demo scripts, which install on demand outside tests, are told not to
 * (CVI_PROVIDER_INSTALL=never, inherited by every jest worker and the processes tests start).
 */
import { spawnSync } from 'node:child_process';
import { providerInstallReason } from '../scripts/provider-ready';
import { projectRoot } from '../scripts/project';

export default function globalSetup(): void {
  const root = projectRoot();
  const reason = providerInstallReason(root);
  if (reason) {
    process.stderr.write(`\ncvi provider: ${reason}; installing before the tests (npm run provider:install)\n`);
    const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'provider:install'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run provider:install failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`);
  }
  process.env.CVI_PROVIDER_INSTALL = 'never';
}
