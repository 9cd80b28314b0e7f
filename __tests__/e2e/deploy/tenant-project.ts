/**
 * A scratch set of Teams-only tenant files and a synth output folder, wired to an emulator, and
 * the project's own commands (`npm run deploy|diff`, `cvi drift`) run against them as child
 * processes: the way a platform team's pipeline runs them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { RunningEmulator } from '../../../emulator';
import { emulatorTerraformEnv } from '../../../testing/workspace';
import { requireTerraform } from '../../../testing/terraform';
import { runProcess, ProcessResult } from '../../../scripts/run-process';
import { projectRoot } from '../../../scripts/project';
import { teamsOnlyTenantFile, type TeamsOnlyTenant } from '../../../testing/tenant-files';

export type { TeamsOnlyTenant };

export class TenantProject {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-e2e-deploy-'));
  /** The tenants folder every command reads (CVI_TENANTS_DIR); `useTenants` switches it. */
  tenantsDir = path.join(this.dir, 'tenants');
  readonly outDir = path.join(this.dir, 'cdktf.out');
  /** Where local state goes by default: `state/` beside the synth output. */
  readonly stateDir = path.join(this.dir, 'state');
  readonly env: NodeJS.ProcessEnv;
  /** Every command run so far, in order: tests check all output for secrets. */
  readonly results: ProcessResult[] = [];
  private readonly root = projectRoot();

  constructor(emulator: RunningEmulator, tenants: readonly TeamsOnlyTenant[]) {
    requireTerraform();
    fs.mkdirSync(this.tenantsDir);
    for (const t of tenants) fs.writeFileSync(path.join(this.tenantsDir, `${t.name}.yaml`), teamsOnlyTenantFile(t));
    this.env = emulatorTerraformEnv(emulator, tenants[0].id, {
      CVI_TEAMS_ENDPOINT: emulator.url,
      CVI_TENANTS_DIR: this.tenantsDir,
      CDKTF_OUTDIR: this.outDir,
    });
  }

  /**
   * Writes another tenants folder beside the first and points every later command at it, as a
   * platform engineer does with CVI_TENANTS_DIR for another set of customers.
   */
  useTenants(folder: string, tenants: readonly TeamsOnlyTenant[] = []): string {
    const dir = path.join(this.dir, folder);
    fs.mkdirSync(dir, { recursive: true });
    for (const t of tenants) fs.writeFileSync(path.join(dir, `${t.name}.yaml`), teamsOnlyTenantFile(t));
    this.tenantsDir = dir;
    this.env.CVI_TENANTS_DIR = dir;
    return dir;
  }

  private async record(result: Promise<ProcessResult>): Promise<ProcessResult> {
    this.results.push(await result);
    return this.results[this.results.length - 1];
  }

  npm(script: string, ...args: string[]): Promise<ProcessResult> {
    return this.record(runProcess('npm', ['run', '--silent', script, '--', ...args], { cwd: this.root, env: this.env }));
  }

  deploy(...tenants: string[]): Promise<ProcessResult> {
    return this.npm('deploy', ...tenants, '--output', this.outDir);
  }

  diff(...tenants: string[]): Promise<ProcessResult> {
    return this.npm('diff', ...tenants, '--output', this.outDir);
  }

  /** `cdktf synth` itself, which prunes the stack folders it did not write. */
  cdktfSynth(): Promise<ProcessResult> {
    const cli = path.join(this.root, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
    return this.record(runProcess(process.execPath, [cli, 'synth', '--output', this.outDir], { cwd: this.root, env: this.env }));
  }

  drift(...args: string[]): Promise<ProcessResult> {
    return this.cvi('drift', '--out', this.outDir, ...args);
  }

  /** The `cvi` command with exactly these arguments (e.g. `drift --merge`, which takes no --out). */
  cvi(...args: string[]): Promise<ProcessResult> {
    return this.record(runProcess(process.execPath, [path.join(this.root, 'bin', 'cvi.js'), ...args], { cwd: this.root, env: this.env }));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A failed command's output, for an assertion message that shows why. */
export function explain(result: ProcessResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}
