/** Options of `cvi drift`, parsed strictly: an unknown or malformed option is an error, not ignored. */
import type { ShardId } from './report';
import { parseShard } from './shard';

export type ReportFormat = 'table' | 'json' | 'markdown';

export interface DriftOptions {
  readonly tenants: string[];
  readonly format: ReportFormat;
  readonly concurrency: number;
  /** Upper bound of each terraform command of a stack, in seconds. */
  readonly timeoutSeconds: number;
  /** Check the synth output as it is (a pipeline that synthesized in an earlier step). */
  readonly synth: boolean;
  /** Synth output folder. @default env CDKTF_OUTDIR, else cdktf.out */
  readonly outDir?: string;
  /** Check only this shard of the tenants. */
  readonly shard?: ShardId;
  /** Report files to merge instead of checking anything. */
  readonly merge?: string[];
  /** Do not look for live Teams objects the stacks do not declare. */
  readonly ignoreUnmanaged: boolean;
  readonly help: boolean;
}

export const DRIFT_USAGE = `usage: cvi drift [--tenant NAME ...] [--shard I/N] [--json | --markdown]
                 [--ignore-unmanaged] [--concurrency N] [--timeout SECONDS]
                 [--no-synth] [--out DIR]
       cvi drift --merge REPORT.json ... [--json | --markdown]

Synthesizes every tenant stack, then runs terraform init (skipped when the stack is already
initialised for the same providers; providers come from one plugin cache) and
plan -detailed-exitcode in each (N at a time), reads the live Teams objects no stack
declares, and reports per tenant: in sync, drift (each resource's construct path, action and
attribute before -> after), unmanaged (objects added by hand) or error.

  --tenant NAME       check only this tenant (repeatable, or comma-separated)
  --shard I/N         check only the I-th of N shards (by a hash of the tenant name), for a
                      CI matrix of N jobs; join their --json reports with --merge
  --json              print the report as JSON (schema/drift-report.schema.json) on stdout
  --markdown          print it as markdown, for an issue body or $GITHUB_STEP_SUMMARY
  --ignore-unmanaged  do not look for live objects the stacks do not declare
  --concurrency N     stacks checked at a time (default 3)
  --timeout SECONDS   stop a terraform command of a stack after this long; that
                      tenant is then reported as an error (default 1800)
  --no-synth          check the existing synth output instead of synthesizing first
  --out DIR           synth output folder (default: $CDKTF_OUTDIR or cdktf.out)
  --merge FILE ...    join the --json reports of the shards of one run into one report
                      and one exit code (a missing shard is an error)

Progress goes to stderr. TF_PLUGIN_CACHE_DIR defaults to .cvi/plugin-cache in the project.

exit codes: 0 every tenant in sync, 2 drift or unmanaged objects in at least one, 1 an error
in at least one (errors win: an unchecked stack may hide drift).`;

export function parseDriftOptions(args: readonly string[]): DriftOptions {
  const tenants: string[] = [];
  let format: ReportFormat = 'table';
  let concurrency = 3;
  let timeoutSeconds = 1800;
  let synth = true;
  let outDir: string | undefined;
  let shard: ShardId | undefined;
  let merge: string[] | undefined;
  let ignoreUnmanaged = false;
  let help = false;
  const checkOnly: string[] = [];
  const value = (i: number, name: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name}: needs a value`);
    return v;
  };
  const setFormat = (f: ReportFormat) => {
    if (format !== 'table' && format !== f) throw new Error('--json and --markdown: choose one');
    format = f;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = (): string => (inline !== undefined ? inline : value(i++, name));
    if (['--tenant', '--shard', '--concurrency', '--timeout', '--no-synth', '--out', '--ignore-unmanaged'].includes(name)) checkOnly.push(name);
    switch (name) {
      case '--tenant':
        tenants.push(...take().split(',').map((t) => t.trim()).filter((t) => t !== ''));
        break;
      case '--json':
        setFormat('json');
        break;
      case '--markdown':
        setFormat('markdown');
        break;
      case '--shard':
        shard = parseShard(take());
        break;
      case '--merge':
        merge = merge ?? [];
        if (inline !== undefined) merge.push(inline);
        while (i + 1 < args.length && !args[i + 1].startsWith('--')) merge.push(args[++i]);
        break;
      case '--ignore-unmanaged':
        ignoreUnmanaged = true;
        break;
      case '--concurrency': {
        const raw = take();
        concurrency = Number(raw);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
          throw new Error(`--concurrency: must be a whole number from 1 to 32 (got ${raw})`);
        }
        break;
      }
      case '--timeout': {
        const raw = take();
        timeoutSeconds = Number(raw);
        if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1) {
          throw new Error(`--timeout: must be a whole number of seconds >= 1 (got ${raw})`);
        }
        break;
      }
      case '--no-synth':
        synth = false;
        break;
      case '--out':
        outDir = take();
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  if (merge !== undefined) {
    if (merge.length === 0) throw new Error('--merge: needs at least one report file');
    if (checkOnly.length > 0) throw new Error(`--merge: joins reports and checks nothing, so ${checkOnly[0]} does not apply`);
  }
  return { tenants, format, concurrency, timeoutSeconds, synth, outDir, shard, merge, ignoreUnmanaged, help };
}
