/**
 * Runs the pinned cdktf CLI with the project's Terraform environment, so the `cvi` provider comes
 * from the project's mirror. `--skip-provider-lock`: cdktf would otherwise run
 * `terraform providers lock`, which asks the provider's origin registry (terraform.local, which
 * does not exist) instead of the mirror; `terraform init` still writes the lock file from the mirror.
 */
import * as path from 'path';
import { runProcess, ProcessResult } from './run-process';
import { terraformEnv } from './project';

export interface CdktfOptions {
  readonly root: string;
  /** Environment on top of the caller's (e.g. the emulator's for the demo). */
  readonly env?: NodeJS.ProcessEnv;
  /** Show cdktf's output as it runs. @default true */
  readonly echo?: boolean;
}

export function runCdktf(args: string[], options: CdktfOptions): Promise<ProcessResult> {
  const cli = path.join(options.root, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
  const env = terraformEnv(options.root, { ...process.env, ...options.env });
  const color = process.stdout.isTTY && !env.NO_COLOR ? [] : ['--no-color'];
  return runProcess(process.execPath, [cli, ...args, '--skip-provider-lock', ...color], { cwd: options.root, env, echo: options.echo ?? true });
}
