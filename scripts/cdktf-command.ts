/**
 * Runs the pinned cdktf CLI with the project's Terraform environment, so the `cvi` provider comes
 * from the project's mirror. `--skip-provider-lock`: cdktf would otherwise run
 * `terraform providers lock`, which asks the provider's origin registry (terraform.local, which
 * does not exist) instead of the mirror; `terraform init` still writes the lock file from the mirror.
 * Output to anything but a terminal is plain: no colours, no cursor movement.
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
  const terminal = process.stdout.isTTY === true;
  const env = terraformEnv(options.root, { ...process.env, ...options.env });
  // cdktf draws its spinner by moving the cursor back over the last lines, which a log file or a
  // CI console keeps as escape codes; in CI mode it prints each line once instead.
  if (!terminal) env.CI = '1';
  const color = terminal && !env.NO_COLOR ? [] : ['--no-color'];
  return runProcess(process.execPath, [cli, ...args, '--skip-provider-lock', ...color], { cwd: options.root, env, echo: options.echo ?? true });
}
