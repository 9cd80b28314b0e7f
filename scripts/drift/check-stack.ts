/**
 * Checks one tenant stack for drift: `terraform init` (unless already initialised for the same
 * providers), then `terraform plan -detailed-exitcode` into a plan file, then `terraform show
 * -json` of it for each changed attribute; alongside, the live Teams objects the stack does not
 * declare. Never throws: every failure becomes an `error` report, so one stack cannot hide the others.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runProcess, ProcessResult } from '../run-process';
import { planDifferences, PlanDifferences } from './plan-changes';
import { StackReport, stackStatus } from './report';
import { SynthesizedStack } from './manifest';
import { readStackConfig, StackConfig } from './stack-config';
import { alreadyInitialised, initFingerprint, recordInit } from './terraform-init';
import type { UnmanagedObject } from './unmanaged';

/**
 * Looks for live objects the stack does not declare; undefined when it has no Teams objects.
 * `warn` takes what could not be looked at (e.g. extra users, where the service has no search).
 */
export type UnmanagedCheck = (stack: SynthesizedStack, config: StackConfig, warn: (line: string) => void) => Promise<UnmanagedObject[]> | undefined;

export interface CheckOptions {
  /** Environment of the terraform processes (project CLI config, plugin cache, credentials). */
  readonly env: NodeJS.ProcessEnv;
  /** The terraform executable. @default 'terraform' */
  readonly terraform?: string;
  /** Upper bound of each terraform command, in seconds. @default 1800 */
  readonly timeoutSeconds?: number;
  /** Called with a short line at each step, for progress on stderr. */
  readonly progress?: (line: string) => void;
  /** Unset: unmanaged objects are not looked for (--ignore-unmanaged). */
  readonly unmanaged?: UnmanagedCheck;
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

function terraformRunner(stack: SynthesizedStack, options: CheckOptions) {
  const timeoutMs = (options.timeoutSeconds ?? 1800) * 1000;
  return (args: string[]) => runProcess(options.terraform ?? 'terraform', args, { cwd: stack.workingDirectory, env: options.env, timeoutMs });
}

/** Runs `terraform init` unless the folder is initialised for the same inputs; the error text, or undefined. */
export async function initStack(stack: SynthesizedStack, config: StackConfig, options: CheckOptions): Promise<string | undefined> {
  const fingerprint = initFingerprint(config.initInputs, options.env);
  if (alreadyInitialised(stack.workingDirectory, fingerprint)) {
    options.progress?.(`${stack.name}: terraform init skipped (initialised for the same providers)`);
    return undefined;
  }
  options.progress?.(`${stack.name}: terraform init`);
  const init = await terraformRunner(stack, options)(['init', '-input=false', '-no-color']);
  if (init.code !== 0) return errorExcerpt(init, 'terraform init');
  recordInit(stack.workingDirectory, fingerprint);
  return undefined;
}

type PlanOutcome = (PlanDifferences | { error: string }) & { warnings?: string[] };

/**
 * The warnings of a plan ("Warning: <summary>", and the resource from its "with <address>,"
 * line): a plan can be clean and still say that some drift cannot be seen (the provider warns
 * when the Teams API offers no read of an object), and that must not read as a silent "in sync".
 */
export function planWarnings(result: ProcessResult): string[] {
  const lines = `${result.stdout}\n${result.stderr}`.replace(/\r/g, '').split('\n').map((l) => l.replace(/^[│╷╵]\s?/, '').trim());
  const found = new Set<string>();
  lines.forEach((line, i) => {
    const summary = /^Warning: (.+)$/.exec(line);
    if (!summary) return;
    const withLine = lines.slice(i + 1, i + 4).map((l) => /^with ([^,]+),$/.exec(l)).find((m) => m);
    found.add(withLine ? `${summary[1]} (${withLine[1]})` : summary[1]);
  });
  return [...found];
}

async function plan(stack: SynthesizedStack, config: StackConfig, options: CheckOptions): Promise<PlanOutcome> {
  const initError = await initStack(stack, config, options);
  if (initError) return { error: initError };
  const run = terraformRunner(stack, options);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `cvi-drift-${stack.name}-`));
  try {
    options.progress?.(`${stack.name}: terraform plan`);
    const planFile = path.join(scratch, 'drift.tfplan');
    const planned = await run(['plan', '-detailed-exitcode', '-input=false', '-lock=false', '-no-color', `-out=${planFile}`]);
    const warnings = planWarnings(planned);
    if (planned.code === 0) return { resources: [], outputs: [], warnings };
    if (planned.code !== 2) return { error: errorExcerpt(planned, 'terraform plan') };
    const show = await run(['show', '-json', '-no-color', planFile]);
    if (show.code !== 0) return { error: errorExcerpt(show, 'terraform show') };
    try {
      return { ...planDifferences(show.stdout, config.constructPaths), warnings };
    } catch (err) {
      return { error: `terraform show: ${(err as Error).message}` };
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function lookForUnmanaged(stack: SynthesizedStack, config: StackConfig, options: CheckOptions, warn: (line: string) => void): Promise<UnmanagedObject[] | { error: string }> {
  try {
    return (await options.unmanaged?.(stack, config, warn)) ?? [];
  } catch (err) {
    return { error: `unmanaged objects not checked: ${(err as Error).message}` };
  }
}

export async function checkStack(stack: SynthesizedStack, options: CheckOptions): Promise<StackReport> {
  const started = Date.now();
  let config: StackConfig | undefined;
  let error: string | undefined;
  let differences: PlanDifferences = { resources: [], outputs: [] };
  let unmanaged: UnmanagedObject[] = [];
  const warnings: string[] = [];
  if (!fs.existsSync(stack.workingDirectory)) {
    error = `stack folder ${stack.workingDirectory} does not exist; synth again`;
  } else {
    try {
      config = readStackConfig(stack.workingDirectory, stack.name);
    } catch (err) {
      error = (err as Error).message;
    }
  }
  if (config) {
    // The live reads do not depend on the plan: run them while terraform works.
    const [planned, live] = await Promise.all([plan(stack, config, options), lookForUnmanaged(stack, config, options, (w) => warnings.push(w))]);
    if ('error' in planned) error = planned.error;
    else differences = { resources: planned.resources, outputs: planned.outputs };
    warnings.unshift(...(planned.warnings ?? []));
    if (Array.isArray(live)) unmanaged = live;
    else error = error ? `${error}\n${live.error}` : live.error;
  }
  const found = { ...differences, unmanaged, ...(error !== undefined ? { error } : {}) };
  const report: StackReport = {
    tenant: stack.name,
    tenantId: config?.tenantId ?? null,
    status: stackStatus(found),
    resources: found.resources,
    outputs: found.outputs,
    unmanaged,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(error !== undefined ? { error } : {}),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  const warned = warnings.length > 0 ? `, ${warnings.length} warning(s)` : '';
  options.progress?.(`${stack.name}: ${report.status === 'in-sync' ? 'in sync' : report.status} (${report.seconds}s${warned})`);
  return report;
}
