import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { displayPath, loadTenants } from './load-tenants';
import { printable } from './safe-text';
import { TenantStack } from './tenant-stack';
import { moveLegacyStates, stateDir as defaultStateDir } from './state-location';

export interface SynthOptions {
  /** @default process.env.CVI_TENANTS_DIR ?? 'tenants' */
  readonly tenantsDir?: string;
  /** @default process.env.CDKTF_OUTDIR ?? 'cdktf.out' (cdktf-cli sets CDKTF_OUTDIR) */
  readonly outdir?: string;
  /** Folder of local state files. @default $CVI_STATE_DIR, else `state` beside `outdir` */
  readonly stateDir?: string;
  /** Where problems go. @default process.stderr */
  readonly log?: (line: string) => void;
  /**
   * Where warnings go: one line per tenant file that is read but should change (an old
   * spelling). @default `log` when given, else process.stderr
   */
  readonly warn?: (line: string) => void;
  /**
   * Where notes go (a state moved, a stack folder of another tenants folder). @default `log` when
   * given, else process.stdout: cdktf shows the app's stdout and drops its stderr on success.
   */
  readonly note?: (line: string) => void;
}

/**
 * The main job: every tenant file becomes a stack. All files are validated before any stack is
 * built, so one bad file leaves `cdktf.out` untouched. Returns the process exit code.
 */
export function synthTenants(options: SynthOptions = {}): number {
  const tenantsDir = options.tenantsDir ?? process.env.CVI_TENANTS_DIR ?? 'tenants';
  const outdir = options.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warn = options.warn ?? log;
  const note = options.note ?? options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const states = options.stateDir ? path.resolve(options.stateDir) : defaultStateDir(outdir);

  const { tenants, problems, warnings } = loadTenants(tenantsDir);
  warnings.forEach(warn);
  if (problems.length > 0) {
    problems.forEach(log);
    log(`${problems.length} problem(s) in tenant files; nothing was synthesized.`);
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(outdir)), { recursive: true });
  // Before anything is written: cdktf deletes the stack folders this synth does not write as soon
  // as the app returns, and an older state in any of them would go with it.
  moveLegacyStates(outdir, states, note);
  const app = new App({ outdir, skipValidation: false });
  for (const { file, config } of tenants) {
    try {
      new TenantStack(app, config, { stateDir: states });
    } catch (error) {
      // Construct validation backs up the schema; its message names the construct and field.
      log(printable(`${file}: ${(error as Error).message}`.split('\n')[0]));
      return 1;
    }
  }
  app.synth();
  noteOtherStacks(outdir, states, tenantsDir, new Set(tenants.map((t) => t.config.tenant.name)), note);
  return 0;
}

/**
 * A stack folder this synth did not write belongs to another tenants folder or to a removed
 * tenant file; this job cannot tell which, so it only says where that tenant's state is. (cdktf
 * synth and deploy delete such folders; the state is not in them.)
 */
function noteOtherStacks(outdir: string, states: string, tenantsDir: string, names: ReadonlySet<string>, log: (line: string) => void): void {
  const stacksDir = path.join(outdir, 'stacks');
  const existing = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
  for (const dir of existing.filter((d) => !names.has(d)).sort()) {
    const state = path.join(states, `${dir}.tfstate`);
    const where = fs.existsSync(state) ? `its local state stays in ${displayPath(state)}` : `no local state of it in ${displayPath(states)}`;
    log(`note: ${path.join(stacksDir, dir)} is not a tenant of ${displayPath(tenantsDir)} (another tenants folder, or a removed file); left as is, ${where}`);
  }
}
