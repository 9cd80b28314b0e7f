import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../../scripts/commands/drift';
import { TerraformDataOutDir } from './support/terraform-data-stacks';

jest.setTimeout(120000);

/** Runs `cvi drift` with stdout and stderr captured. */
async function drift(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true));
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('cvi drift against real terraform (terraform_data stacks)', () => {
  let out: TerraformDataOutDir;

  beforeAll(() => {
    out = new TerraformDataOutDir({
      contoso: { inputs: { instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}' } },
      fabrikam: { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/{ConfId}' } },
      northwind: { inputs: { tenant_key: 'teams@northwind.com' } },
    });
    for (const tenant of ['contoso', 'fabrikam', 'northwind']) out.apply(tenant);
  });
  afterAll(() => out.remove());

  test('given every stack applied, drift exits 0 and reports each tenant in sync', async () => {
    const result = await drift(['--no-synth', '--out', out.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^contoso\s+in sync/m);
    expect(result.stdout).toMatch(/^northwind\s+in sync/m);
  });

  test('progress lines go to stderr, one per step and tenant', async () => {
    const result = await drift(['--no-synth', '--out', out.dir, '--tenant', 'contoso']);
    expect(result.stderr).toContain('drift: contoso: terraform init');
    expect(result.stderr).toContain('drift: contoso: terraform plan');
    expect(result.stdout).not.toContain('terraform init');
  });

  test('given one tenant drifted, drift exits 2 and names only that tenant and its resource', async () => {
    out.write('fabrikam', { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/v2/{ConfId}' } });
    try {
      const result = await drift(['--no-synth', '--out', out.dir, '--json']);
      expect(result.code).toBe(2);
      const report = JSON.parse(result.stdout);
      const drifted = report.tenants.filter((t: { status: string }) => t.status === 'drift');
      expect(drifted).toEqual([expect.objectContaining({ tenant: 'fabrikam', resources: [{ address: 'terraform_data.instruction_uri', action: 'update' }] })]);
    } finally {
      out.write('fabrikam', { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/{ConfId}' } });
    }
  });

  test('given one stack that cannot init, drift exits 1 and still reports the other tenants', async () => {
    out.breakStack('northwind');
    try {
      const result = await drift(['--no-synth', '--out', out.dir, '--concurrency', '1']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^northwind\s+error\s+terraform init exited 1$/m);
      expect(result.stdout).toMatch(/^contoso\s+in sync/m);
      expect(result.stdout).toMatch(/^fabrikam\s+in sync/m);
    } finally {
      out.write('northwind', { inputs: { tenant_key: 'teams@northwind.com' } });
    }
  });

  test('--tenant limits the check to the named tenants', async () => {
    const result = await drift(['--no-synth', '--out', out.dir, '--json', '--tenant', 'northwind']);
    expect(JSON.parse(result.stdout).tenants.map((t: { tenant: string }) => t.tenant)).toEqual(['northwind']);
  });

  test('a --tenant with no stack exits 1 and lists the stacks there are', async () => {
    const result = await drift(['--no-synth', '--out', out.dir, '--tenant', 'tailspin']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--tenant tailspin: no such stack in the synth output; stacks: contoso, fabrikam, northwind');
  });

  test('a synth output folder without a manifest exits 1 and says to synth first', async () => {
    const result = await drift(['--no-synth', '--out', `${out.dir}/missing`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/manifest.json: not found; synth first/);
  });
});

describe('cvi drift --json when nothing could be checked', () => {
  test('stdout still holds a JSON report with status error and the reason', async () => {
    const result = await drift(['--no-synth', '--out', '/nonexistent/cvi-drift-out', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'error',
      exitCode: 1,
      error: '/nonexistent/cvi-drift-out/manifest.json: not found; synth first (npm run synth)',
      tenants: [],
    });
  });
});

describe('cvi drift synthesizes first', () => {
  test('a tenant file that fails validation stops the run with exit 1 and the file\'s problem', async () => {
    const tenants = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-drift-tenants-'));
    fs.writeFileSync(path.join(tenants, 'broken.yaml'), 'tenant:\n  id: not-a-guid\n  name: broken\n  domain: broken.example\nvendor: pexip\nteams:\n  assignment:\n    global: true\n');
    const saved = process.env.CVI_TENANTS_DIR;
    process.env.CVI_TENANTS_DIR = tenants;
    try {
      const result = await drift(['--out', path.join(tenants, 'out')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('cvi drift: synth failed (exit 1); nothing was checked');
      expect(result.stderr).toMatch(/broken\.yaml: tenant\.id: must be a GUID/);
    } finally {
      if (saved === undefined) delete process.env.CVI_TENANTS_DIR;
      else process.env.CVI_TENANTS_DIR = saved;
      fs.rmSync(tenants, { recursive: true, force: true });
    }
  });
});
