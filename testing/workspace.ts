/**
 * A scratch Terraform working directory wired to the emulator and to the project's `cvi`
 * provider mirror: the shared set-up of every end-to-end test (provider, cdktf deploy and drift
 * tests) and of the benchmarks that run the real terraform.
 *
 *   const emulator = await startEmulator();
 *   const ws = await TerraformWorkspace.create({ emulator, tenantId });
 *   ws.writeJson('main.tf.json', { ... });
 *   await ws.terraform('init');                      // throws with the output unless exit 0
 *   const plan = await ws.run('plan', '-detailed-exitcode');  // any exit code
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorClientEnv, type RunningEmulator } from '../emulator';
import { providerLayout } from '../scripts/install-provider';
import { requireTerraform, runTerraform, type TerraformResult } from './terraform';

export interface WorkspaceOptions {
  emulator: RunningEmulator;
  /** The default tenant (ARM_TENANT_ID); provider blocks may name others with tenant_id. */
  tenantId: string;
  /** Added to (or overriding) the environment terraform and the provider run with. */
  env?: NodeJS.ProcessEnv;
  /** Prefix of the scratch directory's name. */
  name?: string;
}

/** A test client id and secret: the emulator's token endpoint accepts any non-empty pair. */
export const TEST_CLIENT_ID = '11111111-2222-3333-4444-555555555555';
/** Tests may assert that this value never shows up in state, output or logs. */
export const TEST_CLIENT_SECRET = 'e2e-test-secret-value-7f3a9c';

/** The environment of terraform (and so of the provider it starts) against the emulator. */
export function emulatorTerraformEnv(emulator: RunningEmulator, tenantId: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const layout = providerLayout();
  if (!existsSync(layout.cliConfigFile) || !existsSync(layout.launcher)) {
    throw new Error(`the cvi provider is not installed in ${layout.mirrorDir}: run \`npm run provider:install\` first (npm test does)`);
  }
  return {
    ...emulatorClientEnv(emulator, process.env, { tenantId, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET }),
    TF_CLI_CONFIG_FILE: layout.cliConfigFile,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    ...extra,
  };
}

export class TerraformWorkspace {
  private constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
    readonly emulator: RunningEmulator,
  ) {}

  static async create(options: WorkspaceOptions): Promise<TerraformWorkspace> {
    requireTerraform();
    const dir = mkdtempSync(join(tmpdir(), `${options.name ?? 'cvi-e2e'}-`));
    return new TerraformWorkspace(dir, emulatorTerraformEnv(options.emulator, options.tenantId, options.env), options.emulator);
  }

  writeJson(file: string, content: unknown): void {
    writeFileSync(join(this.dir, file), JSON.stringify(content, null, 2));
  }

  /** Runs terraform with -no-color; any exit code. */
  run(...args: string[]): Promise<TerraformResult> {
    return this.runWithEnv({}, ...args);
  }

  /** Like `run`, with variables added to the workspace's environment (e.g. TF_LOG). */
  runWithEnv(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<TerraformResult> {
    const [command, ...rest] = args;
    return runTerraform(this.dir, [command, '-no-color', ...rest], { ...this.env, ...extra });
  }

  readFile(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  /** Runs terraform and throws (with its output) unless it exits 0. */
  async terraform(...args: string[]): Promise<TerraformResult> {
    const result = await this.run(...args);
    if (result.code !== 0) throw new Error(`terraform ${args.join(' ')} exited ${result.code} in ${this.dir}:\n${result.output}`);
    return result;
  }

  async state(): Promise<{ values?: { root_module?: { resources?: { address: string; values: Record<string, unknown> }[] } } }> {
    return JSON.parse((await this.terraform('show', '-json')).stdout);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Terraform JSON configuration using the cvi provider: `providers` is the provider blocks (aliases allowed). */
export function cviConfig(providers: Record<string, unknown> | Record<string, unknown>[], resources: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return {
    terraform: { required_providers: { cvi: { source: 'terraform.local/teams-cvi/cvi', version: '0.1.0' } } },
    provider: { cvi: providers },
    resource: resources,
  };
}
