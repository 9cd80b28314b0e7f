/**
 * The package as a platform team meets it: `npm pack`, then `cvi init` from the packed tarball, a
 * fresh tenants project installed from that tarball (other dependencies from the npm cache first),
 * a consumer file type-checked against the published types, and plain `npx cdktf synth` and
 * `npx cdktf deploy <tenant>` (no TF_CLI_CONFIG_FILE, no --skip-provider-lock) against the emulator.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorClientEnv, startEmulator, type RunningEmulator } from '../../../emulator';
import { projectRoot } from '../../../scripts/project';
import { runProcess, type ProcessResult } from '../../../scripts/run-process';
import { requireTerraform } from '../../../testing/terraform';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../../../testing/workspace';

jest.setTimeout(600_000);

const root = projectRoot();
const EXAMPLE_TENANT_ID = '00000000-0000-4000-8000-000000000001';

/** The caller's environment without npm's (a parent `npm test` would point npm at this repository) or any credentials. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|ARM_|AZURE_|TF_|CDKTF_|CVI_)/i.test(key)) env[key] = value;
  return { ...env, CHECKPOINT_DISABLE: '1', ...extra };
}

async function ok(promise: Promise<ProcessResult>, what: string): Promise<ProcessResult> {
  const result = await promise;
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

describe('a tenants project made with cvi init from the packed package', () => {
  let scratch: string;
  let tarball: string;
  let project: string;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    requireTerraform();
    scratch = mkdtempSync(join(tmpdir(), 'cvi-package-'));
    const env = cleanEnv();
    // The compiled library and the bundle, as `prepack` builds them (incremental, in place: the
    // mirror the other tests use is a copy, and the bundle is only replaced when it changed).
    await ok(runProcess('npm', ['run', '--silent', 'build'], { cwd: root, env }), 'npm run build');
    const packed = await ok(runProcess('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: root, env }), 'npm pack');
    tarball = join(scratch, packed.stdout.trim().split('\n').pop() as string);
    mkdirSync(join(scratch, 'unpacked'));
    await ok(runProcess('tar', ['-xzf', tarball, '-C', join(scratch, 'unpacked')], { cwd: scratch }), 'tar');
    project = join(scratch, 'cvi-tenants');
    await ok(runProcess(process.execPath, [join(scratch, 'unpacked', 'package', 'bin', 'cvi.js'), 'init', project, '--package', tarball], { cwd: scratch, env }), 'cvi init');
    await ok(
      runProcess('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, env, timeoutMs: 400_000 }),
      'npm install in the scaffolded project',
    );
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the package holds compiled JavaScript, declarations and the bundled provider; no TypeScript sources, tests or benches', async () => {
    const listing = (await ok(runProcess('tar', ['-tzf', tarball], { cwd: scratch }), 'tar -t')).stdout.split('\n').filter(Boolean);
    expect(listing).toEqual(expect.arrayContaining(['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/provider-package/cvi-provider.js', 'package/bin/cvi.js', 'package/schema/tenant.schema.json']));
    expect(listing.filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))).toEqual([]);
    expect(listing.filter((f) => /__tests__|\/bench|^package\/tenants\/|\.tsbuildinfo/.test(f))).toEqual([]);
  });

  test('cvi init wrote the project: package.json on the tarball, the cdktf app, an example tenant, .gitignore, the workflow', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(pkg.dependencies['cdktf-teams-cvi']).toBe(`file:${tarball}`);
    expect(JSON.parse(readFileSync(join(project, 'cdktf.json'), 'utf8')).app).toBe('npx ts-node --transpile-only main.ts');
    for (const file of ['main.ts', 'tenants/example.yaml', '.github/workflows/cvi.yml', 'tsconfig.json', 'README.md']) expect(existsSync(join(project, file))).toBe(true);
    const ignored = readFileSync(join(project, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['cdktf.out/', '*.tfstate', '.cvi/', 'node_modules/']));
  });

  test('a consumer file type-checks against the published types and synthesizes a stack', async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { App } from 'cdktf';",
        "import { CviTenant, TenantStack, loadTenants } from 'cdktf-teams-cvi';",
        "import { tenantFileSchema } from 'cdktf-teams-cvi/schema';",
        '',
        "const { tenants, problems } = loadTenants('tenants');",
        "if (problems.length > 0) throw new Error(problems.join('\\n'));",
        "const app = new App({ outdir: 'consumer.out' });",
        'for (const { config } of tenants) {',
        '  const stack = new TenantStack(app, config);',
        '  const tenant: CviTenant = stack.tenant;',
        '  tenantFileSchema.parse(config);',
        '  void tenant;',
        '}',
        'app.synth();',
        '',
      ].join('\n'),
    );
    await ok(runProcess(join(project, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: project, env: cleanEnv() }), 'tsc in the project');
    await ok(runProcess(join(project, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', 'consumer.ts'], { cwd: project, env: cleanEnv() }), 'the consumer');
    const stack = JSON.parse(readFileSync(join(project, 'consumer.out', 'stacks', 'example', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(stack.resource)).toEqual(expect.arrayContaining(['cvi_video_interop_service_provider', 'cvi_video_interop_policy_assignment']));
  });

  test('plain npx cdktf synth writes the stack, links it to the project\'s provider mirror and locks the provider', async () => {
    await ok(runProcess(join(project, 'node_modules', '.bin', 'cdktf'), ['synth'], { cwd: project, env: cleanEnv() }), 'cdktf synth');
    const stackDir = join(project, 'cdktf.out', 'stacks', 'example');
    expect(existsSync(join(stackDir, 'cdk.tf.json'))).toBe(true);
    expect(realpathSync(join(stackDir, 'terraform.d', 'plugins'))).toBe(realpathSync(join(project, '.cvi', 'mirror')));
    expect(readFileSync(join(stackDir, '.terraform.lock.hcl'), 'utf8')).toMatch(/provider "terraform\.local\/teams-cvi\/cvi" \{[^}]*"h1:/);
  });

  /** The environment of a platform engineer's shell against the emulator: credentials only, no Terraform settings. */
  function deployEnv(): NodeJS.ProcessEnv {
    return cleanEnv({
      ...emulatorClientEnv(emulator, {}, { tenantId: EXAMPLE_TENANT_ID, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET }),
      CVI_TEAMS_ENDPOINT: emulator.url,
      // cdktf shares ~/.terraform.d/plugin-cache by default: keep this run's providers to itself.
      TF_PLUGIN_CACHE_DIR: mkdtempSync(join(scratch, 'plugin-cache-')),
    });
  }

  test('plain npx cdktf deploy example creates the tenant\'s Teams objects in the emulator', async () => {
    const env = deployEnv();
    const result = await runProcess(join(project, 'node_modules', '.bin', 'cdktf'), ['deploy', 'example', '--auto-approve'], { cwd: project, env, timeoutMs: 300_000 });
    expect({ code: result.code, ...(result.code !== 0 ? { output: `${result.stdout}\n${result.stderr}` } : {}) }).toEqual({ code: 0 });
    expect(emulator.tenant(EXAMPLE_TENANT_ID).getServiceProvider('Pexip')).toMatchObject({ TenantKey: 'teams@example.com' });
    expect(emulator.tenant(EXAMPLE_TENANT_ID).getTenantPolicy()).toBe('PexipServiceProviderEnabled');
  });

  test('npx cvi drift in the project plans its stacks with its own provider install and finds them in sync', async () => {
    const result = await runProcess(join(project, 'node_modules', '.bin', 'cvi'), ['drift', '--no-synth'], { cwd: project, env: deployEnv(), timeoutMs: 120_000 });
    expect({ code: result.code, ...(result.code !== 0 ? { output: `${result.stdout}\n${result.stderr}` } : {}) }).toEqual({ code: 0 });
    expect(result.stdout).toMatch(/^example\s+\S+\s+in sync/m);
    expect(result.stderr).not.toContain('not installed');
  });
});
