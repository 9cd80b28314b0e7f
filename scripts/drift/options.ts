/** Options of `cvi drift`, parsed strictly: an unknown or malformed option is an error, not ignored. */

export interface DriftOptions {
  readonly tenants: string[];
  readonly json: boolean;
  readonly concurrency: number;
  /** Upper bound of each terraform command of a stack, in seconds. */
  readonly timeoutSeconds: number;
  /** Check the synth output as it is (a pipeline that synthesized in an earlier step). */
  readonly synth: boolean;
  /** Synth output folder. @default env CDKTF_OUTDIR, else cdktf.out */
  readonly outDir?: string;
  readonly help: boolean;
}

export const DRIFT_USAGE = `usage: cvi drift [--tenant NAME ...] [--json] [--concurrency N] [--timeout SECONDS]
                 [--no-synth] [--out DIR]

Synthesizes every tenant stack, then runs terraform init + plan -detailed-exitcode in each
(N at a time) with the project's Terraform CLI config, and reports per tenant:
in sync, drift (and the resources that differ) or error.

  --tenant NAME     check only this tenant (repeatable, or comma-separated)
  --json            print the report as JSON on stdout (progress stays on stderr)
  --concurrency N   stacks checked at a time (default 3)
  --timeout SECONDS stop a terraform command of a stack after this long; that
                    tenant is then reported as an error (default 1800)
  --no-synth        check the existing synth output instead of synthesizing first
  --out DIR         synth output folder (default: $CDKTF_OUTDIR or cdktf.out)

exit codes: 0 every tenant in sync, 2 drift in at least one, 1 an error in at least one
(errors win over drift: an unchecked stack may hide drift).`;

export function parseDriftOptions(args: readonly string[]): DriftOptions {
  const tenants: string[] = [];
  let json = false;
  let concurrency = 3;
  let timeoutSeconds = 1800;
  let synth = true;
  let outDir: string | undefined;
  let help = false;
  const value = (i: number, name: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name}: needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = (): string => (inline !== undefined ? inline : value(i++, name));
    switch (name) {
      case '--tenant':
        tenants.push(...take().split(',').map((t) => t.trim()).filter((t) => t !== ''));
        break;
      case '--json':
        json = true;
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
  return { tenants, json, concurrency, timeoutSeconds, synth, outDir, help };
}
