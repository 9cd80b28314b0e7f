import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main as deployOrDiff, splitArgs } from '../../../scripts/deploy';
import { providerInstallReason } from '../../../scripts/provider-ready';
import { providerLayout } from '../../../scripts/install-provider';
import { demoEnv } from '../../../scripts/demo/demo-env';
import { DEMO_TENANT_FILE, DEMO_TENANT_ID } from '../../../scripts/demo/example-tenant';
import { parseTenantFile } from '../../../stacks/load-tenants';
import type { RunningEmulator } from '../../../emulator';

async function captured(fn: () => Promise<number>): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true));
  try {
    return { code: await fn(), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('npm run deploy / diff', () => {
  test('without a tenant, deploy exits 1 and says to name one', async () => {
    const result = await captured(() => deployOrDiff(['deploy']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npm run deploy: name the tenant stack(s) to deploy');
  });

  test('options before any tenant are refused, so an option value is never taken for a tenant', async () => {
    const result = await captured(() => deployOrDiff(['diff', '--output', 'contoso']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npm run diff: name the tenant stack(s) to diff');
  });

  test('a mode other than deploy or diff is refused', async () => {
    const result = await captured(() => deployOrDiff(['destroy', 'contoso']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('first argument must be deploy or diff; got "destroy"');
  });
});

describe('npm run deploy / diff with several tenants', () => {
  test('takes every tenant named before the first option, once each, in order', () => {
    expect(splitArgs(['beta', 'alpha', 'beta', '--output', 'out', 'x'])).toEqual({ tenants: ['beta', 'alpha'], options: ['--output', 'out', 'x'] });
  });

  test('refuses before anything runs when a named tenant has no file, naming it and the tenants there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-deploy-args-'));
    fs.writeFileSync(path.join(dir, 'alpha.yaml'), DEMO_TENANT_FILE.replace(/name: \S+/, 'name: alpha'));
    const saved = process.env.CVI_TENANTS_DIR;
    process.env.CVI_TENANTS_DIR = dir;
    try {
      const result = await captured(() => deployOrDiff(['diff', 'alpha', 'gamma', 'delta']));
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`npm run diff: no tenants named gamma, delta in ${dir}; its tenants: alpha; nothing was run\n`);
    } finally {
      if (saved === undefined) delete process.env.CVI_TENANTS_DIR;
      else process.env.CVI_TENANTS_DIR = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('warns once about a tenant file in the old spelling before anything runs (cdktf hides the synth stderr)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-deploy-args-'));
    const oldSpelling = DEMO_TENANT_FILE.replace(/name: \S+/, 'name: alpha').replace('\n  serviceProvider:\n', '\n  provider:\n');
    expect(oldSpelling).toContain('\n  provider:\n');
    fs.writeFileSync(path.join(dir, 'alpha.yaml'), oldSpelling);
    const saved = process.env.CVI_TENANTS_DIR;
    process.env.CVI_TENANTS_DIR = dir;
    try {
      const result = await captured(() => deployOrDiff(['diff', 'gamma']));
      expect(result.code).toBe(1);
      expect(result.stderr.split('\n')).toEqual([
        `${path.join(dir, 'alpha.yaml')}: teams.provider is the old name of teams.serviceProvider (and its name is now identity); it is read the same way; rename it`,
        `npm run diff: no tenant named gamma in ${dir}; its tenants: alpha; nothing was run`,
        '',
      ]);
    } finally {
      if (saved === undefined) delete process.env.CVI_TENANTS_DIR;
      else process.env.CVI_TENANTS_DIR = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('provider install check', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-provider-ready-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function install(at: Date): void {
    const layout = providerLayout(root);
    for (const file of [layout.entryPoint, layout.launcher, layout.cliConfigFile]) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '');
      fs.utimesSync(file, at, at);
    }
  }

  function source(file: string, at: Date): void {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
    fs.utimesSync(path.join(root, file), at, at);
  }

  test('a project where nothing was built needs an install, naming the missing file', () => {
    expect(providerInstallReason(root)).toBe(`${path.join('dist', 'provider-package', 'cvi-provider.js')} is missing`);
  });

  test('an install newer than every provider and client source is ready', () => {
    source('provider/main.ts', new Date(2026, 0, 1));
    source('teams/http.ts', new Date(2026, 0, 1));
    install(new Date(2026, 0, 2));
    expect(providerInstallReason(root)).toBeUndefined();
  });

  test('a client source changed after the install makes it stale', () => {
    source('provider/main.ts', new Date(2026, 0, 1));
    install(new Date(2026, 0, 2));
    source('teams/http.ts', new Date(2026, 0, 3));
    expect(providerInstallReason(root)).toBe('its sources changed since the last install');
  });
});

describe('the demo', () => {
  const emulator = { url: 'http://127.0.0.1:1', authorityHost: 'https://127.0.0.1:2', caCertPath: '/tmp/ca.pem' } as RunningEmulator;

  test("the user's Azure credentials and Terraform settings never reach the demo's environment", () => {
    const env = demoEnv(
      { PATH: '/usr/bin', ARM_CLIENT_SECRET: 'real-secret', AZURE_CLIENT_ID: 'real-app', ARM_USE_OIDC: 'true', TF_VAR_x: '1', CVI_TEAMS_ENDPOINT: 'https://prod' },
      emulator,
      { tenantsDir: '/tmp/t', outDir: '/tmp/o' },
    );
    expect(Object.values(env)).not.toContain('real-secret');
    expect(env.AZURE_CLIENT_ID).toBeUndefined();
    expect(env.ARM_USE_OIDC).toBeUndefined();
    expect(env.TF_VAR_x).toBeUndefined();
    expect(env.PATH).toBe('/usr/bin');
  });

  test('the demo points the providers at the emulator and its scratch folders', () => {
    const env = demoEnv({}, emulator, { tenantsDir: '/tmp/t', outDir: '/tmp/o' });
    expect(env).toMatchObject({
      ARM_TENANT_ID: DEMO_TENANT_ID,
      ARM_AUTHORITY_HOST: 'https://127.0.0.1:2',
      NODE_EXTRA_CA_CERTS: '/tmp/ca.pem',
      CVI_TEAMS_ENDPOINT: 'http://127.0.0.1:1',
      CVI_TENANTS_DIR: '/tmp/t',
      CDKTF_OUTDIR: '/tmp/o',
    });
  });

  test("the demo's embedded tenant file passes the tenant file validation", () => {
    const parsed = parseTenantFile('demo.yaml', DEMO_TENANT_FILE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.config?.consent?.enabled).toBe(false);
  });
});
