/**
 * Running the real `terraform` binary from tests, asynchronously: the emulator lives in the
 * jest process, so a blocking spawn would stop it from answering the provider.
 */
import { spawn, spawnSync } from 'node:child_process';

export const TERRAFORM_MISSING =
  'terraform was not found on PATH. The end-to-end tests run the real Terraform CLI (1.5 or newer; 1.11 is tested): ' +
  'install it from https://developer.hashicorp.com/terraform/install (or your package manager, e.g. `apt-get install terraform` ' +
  'from the HashiCorp apt repository), make sure `terraform version` works, and run the tests again.';

const checked = new Map<string, string>();

/** The version line of terraform on PATH; throws with install instructions when there is none. */
export function requireTerraform(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.PATH ?? '';
  const known = checked.get(path);
  if (known) return known;
  const result = spawnSync('terraform', ['version'], { encoding: 'utf8', env: { ...env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' } });
  if (result.error || result.status !== 0) throw new Error(TERRAFORM_MISSING);
  const version = result.stdout.split('\n')[0];
  checked.set(path, version);
  return version;
}

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for messages. */
  output: string;
}

export function runTerraform(dir: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}
