/**
 * Checks one tenant stack for drift: `terraform init`, then `terraform plan -detailed-exitcode`
 * into a plan file, then `terraform show -json` of it to name the resources that differ.
 * Never throws: every failure becomes an `error` report, so one stack cannot hide the others.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runProcess, ProcessResult } from '../run-process';
import { planDifferences } from './plan-changes';
import { StackReport } from './report';
import { SynthesizedStack } from './manifest';

export interface CheckOptions {
  /** Environment of the terraform processes (project CLI config, credentials). */
  readonly env: NodeJS.ProcessEnv;
  /** The terraform executable. @default 'terraform' */
  readonly terraform?: string;
  /** Upper bound of each terraform command, in seconds. @default 1800 */
  readonly timeoutSeconds?: number;
  /** Called with a short line at each step, for progress on stderr. */
  readonly progress?: (line: string) => void;
}

/** Terraform's source context lines ("on cdk.tf.json line 52, in ...", "52:   }"): noise here. */
const SOURCE_CONTEXT = /^\s*(on \S+ line \d+|\d+:)/;

/** Terraform's own error text: from its first "Error:" on, short enough for a table cell. */
export function errorExcerpt(result: ProcessResult, step: string): string {
  if (result.timedOut) return `${step} did not finish in time and was stopped (raise --timeout if this stack is slow)`;
  const clean = (text: string) => text.replace(/\r/g, '').split('\n').map((l) => l.replace(/^[│╷╵]\s?/, '').trimEnd());
  // Errors are on stderr; stdout carries progress ("Refreshing state...") that would bury them.
  const source = [clean(result.stderr), clean(result.stdout)].find((lines) => lines.some((l) => l.startsWith('Error:')));
  const lines = source ?? clean(`${result.stderr}\n${result.stdout}`);
  const first = lines.findIndex((l) => l.startsWith('Error:'));
  const picked = (first >= 0 ? lines.slice(first) : lines.slice(-10)).filter((l) => l.trim() !== '' && !SOURCE_CONTEXT.test(l)).slice(0, 8);
  const exit = result.code === -1 ? 'did not run' : `exited ${result.code}`;
  return [`${step} ${exit}`, ...picked].join('\n');
}

export async function checkStack(stack: SynthesizedStack, options: CheckOptions): Promise<StackReport> {
  const started = Date.now();
  const terraform = options.terraform ?? 'terraform';
  const say = (line: string) => options.progress?.(`${stack.name}: ${line}`);
  const done = (fields: Omit<StackReport, 'tenant' | 'seconds'>): StackReport => {
    const report = { tenant: stack.name, ...fields, seconds: Math.round((Date.now() - started) / 100) / 10 };
    say(`${report.status === 'in-sync' ? 'in sync' : report.status} (${report.seconds}s)`);
    return report;
  };
  const failed = (error: string) => done({ status: 'error', resources: [], outputs: [], error });

  if (!fs.existsSync(stack.workingDirectory)) return failed(`stack folder ${stack.workingDirectory} does not exist; synth again`);
  const timeoutMs = (options.timeoutSeconds ?? 1800) * 1000;
  const run = (args: string[]) => runProcess(terraform, args, { cwd: stack.workingDirectory, env: options.env, timeoutMs });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `cvi-drift-${stack.name}-`));
  try {
    say('terraform init');
    const init = await run(['init', '-input=false', '-no-color']);
    if (init.code !== 0) return failed(errorExcerpt(init, 'terraform init'));

    say('terraform plan');
    const planFile = path.join(scratch, 'drift.tfplan');
    const plan = await run(['plan', '-detailed-exitcode', '-input=false', '-lock=false', '-no-color', `-out=${planFile}`]);
    if (plan.code === 0) return done({ status: 'in-sync', resources: [], outputs: [] });
    if (plan.code !== 2) return failed(errorExcerpt(plan, 'terraform plan'));

    const show = await run(['show', '-json', '-no-color', planFile]);
    if (show.code !== 0) return failed(errorExcerpt(show, 'terraform show'));
    try {
      const differences = planDifferences(show.stdout);
      return done({ status: 'drift', ...differences });
    } catch (err) {
      return failed(`terraform show: ${(err as Error).message}`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
