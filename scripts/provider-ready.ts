/**
 * Makes sure Terraform finds an up-to-date `cvi` provider in the project's mirror before a
 * deploy, diff or demo: (re)builds and installs it when it is missing or older than its sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { providerLayout } from './install-provider';
import { packageRoot } from './provider-package/bundle';
import { runProcess } from './run-process';

/** The folders the provider bundle is built from: the provider, the client in teams/ and what both import. */
export const PROVIDER_SOURCE_DIRS = ['provider', 'teams', 'domain', 'tls'];

function newestSource(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.proto') || entry.name.endsWith('.json')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of PROVIDER_SOURCE_DIRS) if (fs.existsSync(path.join(root, dir))) visit(path.join(root, dir));
  return newest;
}

/** Why the provider must be (re)installed, or undefined when it is ready. */
export function providerInstallReason(root: string): string | undefined {
  // Run from an installed package (a tenants project's node_modules), the bundle is the package's.
  const installed = __dirname.split(path.sep).includes('node_modules');
  const layout = providerLayout(root, installed ? packageRoot(__dirname) : root);
  for (const file of [layout.entryPoint, layout.launcher, layout.cliConfigFile]) {
    if (!fs.existsSync(file)) return `${path.relative(root, file)} is missing`;
  }
  // The launcher is rewritten by every install; the build is incremental, so main.js may be older.
  if (newestSource(root) > fs.statSync(layout.launcher).mtimeMs) return 'its sources changed since the last install';
  return undefined;
}

/** Installs the provider when needed; returns false (after saying why) when that fails. */
export async function ensureProvider(root: string, say: (line: string) => void): Promise<boolean> {
  const reason = providerInstallReason(root);
  if (!reason) return true;
  // The tests install once before they start (__tests__/global-setup.ts): an install in the middle
  // of the run could replace the package while another test's terraform is hashing it.
  if (process.env.CVI_PROVIDER_INSTALL === 'never') {
    say(`the cvi provider must be reinstalled (${reason}) but CVI_PROVIDER_INSTALL=never: run npm run provider:install first`);
    return false;
  }
  say(`building the cvi provider into the project mirror (${reason}): npm run provider:install`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await runProcess(npm, ['run', '--silent', 'provider:install'], { cwd: root });
  if (result.code !== 0) {
    say(`npm run provider:install failed (exit ${result.code}):\n${(result.stderr || result.stdout).trim()}`);
    return false;
  }
  return true;
}
