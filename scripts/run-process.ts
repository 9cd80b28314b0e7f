/** Runs a child process to completion and hands back its exit code and output, never throwing. */
import { spawn } from 'child_process';

export interface ProcessResult {
  /** Exit code; -1 when the process could not start or was killed by a signal. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the process was stopped because it ran past `timeoutMs`. */
  readonly timedOut?: boolean;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Also copy the child's output to ours as it comes (for humans watching a long run). */
  readonly echo?: boolean;
  /**
   * Stop the process after this long: SIGTERM first (terraform then stops cleanly and releases
   * what it holds), SIGKILL if it is still running after a grace period. @default no limit
   */
  readonly timeoutMs?: number;
}

const KILL_GRACE_MS = 10_000;

export function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (options.echo) process.stderr.write(chunk);
    });
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    if (options.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
          timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS));
        }, options.timeoutMs),
      );
    }
    let finished = false;
    const finish = (result: ProcessResult) => {
      if (finished) return;
      finished = true;
      timers.forEach(clearTimeout);
      resolve(result);
    };
    child.on('error', (err) => finish({ code: -1, stdout: '', stderr: `${command}: ${err.message}` }));
    // A stopped process may leave children holding its output pipes open, so 'close' could wait
    // for them: after a timeout, its exit is the end.
    child.on('exit', (code) => {
      if (!timedOut) return;
      child.stdout.destroy();
      child.stderr.destroy();
      finish({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), timedOut });
    });
    child.on('close', (code) =>
      finish({ code: code ?? -1, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), timedOut }),
    );
  });
}
