import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { loadTenants } from './load-tenants';
import { TenantStack } from './tenant-stack';

export interface SynthOptions {
  /** @default process.env.CVI_TENANTS_DIR ?? 'tenants' */
  readonly tenantsDir?: string;
  /** @default process.env.CDKTF_OUTDIR ?? 'cdktf.out' (cdktf-cli sets CDKTF_OUTDIR) */
  readonly outdir?: string;
  /** Where problems and notes go. @default process.stderr */
  readonly log?: (line: string) => void;
}

/**
 * The main job: every tenant file becomes a stack. All files are validated before any stack is
 * built, so one bad file leaves `cdktf.out` untouched. Returns the process exit code.
 */
export function synthTenants(options: SynthOptions = {}): number {
  const tenantsDir = options.tenantsDir ?? process.env.CVI_TENANTS_DIR ?? 'tenants';
  const outdir = options.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const { tenants, problems } = loadTenants(tenantsDir);
  if (problems.length > 0) {
    problems.forEach(log);
    log(`${problems.length} problem(s) in tenant files; nothing was synthesized.`);
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(outdir)), { recursive: true });
  const app = new App({ outdir, skipValidation: false });
  for (const { file, config } of tenants) {
    try {
      new TenantStack(app, config);
    } catch (error) {
      // Construct validation backs up the schema; its message names the construct and field.
      log(`${file}: ${(error as Error).message}`);
      return 1;
    }
  }
  app.synth();
  warnAboutOrphans(outdir, new Set(tenants.map((t) => t.config.tenant.name)), log);
  return 0;
}

/** A stack directory without a tenant file still owns live resources (and maybe local state). */
function warnAboutOrphans(outdir: string, names: ReadonlySet<string>, log: (line: string) => void): void {
  const stacksDir = path.join(outdir, 'stacks');
  const existing = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir) : [];
  for (const dir of existing.filter((d) => !names.has(d))) {
    log(`note: ${path.join(stacksDir, dir)} has no tenant file any more; run terraform destroy there, then delete it`);
  }
}
