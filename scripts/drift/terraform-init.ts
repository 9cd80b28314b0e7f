/**
 * `terraform init` at MSP scale: one shared plugin cache (each provider downloaded once per
 * runner, not once per tenant), and no init at all for a stack already initialised for the same
 * providers, backend and CLI config (a runner that keeps its synth output between nights).
 */
import * as fs from 'fs';
import * as path from 'path';
import { sha256 } from './stack-config';

/** Written into `.terraform/` after a successful init: what that init was for. */
const MARKER = 'cvi-drift-init.sha256';

/**
 * The environment with TF_PLUGIN_CACHE_DIR set: the caller's if set, else `<project>/.cvi/plugin-cache`
 * (project-local, so two checkouts never share a half-written provider).
 */
export function withPluginCache(env: NodeJS.ProcessEnv, root: string): NodeJS.ProcessEnv {
  if (env.TF_PLUGIN_CACHE_DIR) return env;
  const dir = path.join(root, '.cvi', 'plugin-cache');
  fs.mkdirSync(dir, { recursive: true });
  return {
    ...env,
    TF_PLUGIN_CACHE_DIR: dir,
    // Since Terraform 1.4 the cache is skipped for a provider the lock file does not list yet,
    // which is every provider of a freshly synthesized stack; this flag uses it anyway, at the
    // cost of lock files that list only this platform's checksum (drift never commits them).
    TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: env.TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE ?? 'true',
  };
}

/** What an init depends on: the stack's `terraform` block and the CLI config (provider mirror). */
export function initFingerprint(initInputs: string, env: NodeJS.ProcessEnv): string {
  const cliConfigFile = env.TF_CLI_CONFIG_FILE;
  const cliConfig = cliConfigFile && fs.existsSync(cliConfigFile) ? fs.readFileSync(cliConfigFile, 'utf8') : '';
  return sha256(JSON.stringify({ initInputs, cliConfig }));
}

/** True when the last init of this folder succeeded for the same fingerprint and left its files. */
export function alreadyInitialised(workingDirectory: string, fingerprint: string): boolean {
  const marker = path.join(workingDirectory, '.terraform', MARKER);
  if (!fs.existsSync(marker) || !fs.existsSync(path.join(workingDirectory, '.terraform.lock.hcl'))) return false;
  return fs.readFileSync(marker, 'utf8').trim() === fingerprint;
}

export function recordInit(workingDirectory: string, fingerprint: string): void {
  const dir = path.join(workingDirectory, '.terraform');
  // A stack without providers or backend leaves no .terraform folder: nothing to reuse.
  if (fs.existsSync(dir)) fs.writeFileSync(path.join(dir, MARKER), `${fingerprint}\n`);
}
