import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../../../scripts/commands/drift';
import { TerraformDataOutDir } from '../drift/support/terraform-data-stacks';

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
    // alpha falls in shard 2 of 2, the others in shard 1: the shard test splits for real.
    out = new TerraformDataOutDir({
      alpha: { inputs: { tenant_key: 'teams@alpha.com' } },
      contoso: { inputs: { instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}' } },
      fabrikam: { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/{ConfId}' } },
      northwind: { inputs: { tenant_key: 'teams@northwind.com' } },
    });
    for (const tenant of ['alpha', 'contoso', 'fabrikam', 'northwind']) out.apply(tenant);
  });
  afterAll(() => out.remove());

  test('given every stack applied, drift exits 0 and reports each tenant in sync', async () => {
    const result = await drift(['--no-synth', '--out', out.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^contoso\s+-\s+in sync/m);
    expect(result.stdout).toMatch(/^northwind\s+-\s+in sync/m);
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
      expect(drifted).toEqual([
        expect.objectContaining({
          tenant: 'fabrikam',
          tenantId: null,
          resources: [
            {
              address: 'terraform_data.instruction_uri',
              constructPath: 'terraform_data.instruction_uri',
              action: 'update',
              attributes: [
                { name: 'input', before: 'https://pexip.me/teams/fabrikam.com/{ConfId}', after: 'https://pexip.me/teams/fabrikam.com/v2/{ConfId}' },
                { name: 'output', before: 'https://pexip.me/teams/fabrikam.com/{ConfId}', unknownAfter: true },
              ],
            },
          ],
        }),
      ]);
    } finally {
      out.write('fabrikam', { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/{ConfId}' } });
    }
  });

  test('given one stack that cannot init, drift exits 1 and still reports the other tenants', async () => {
    out.breakStack('northwind');
    try {
      const result = await drift(['--no-synth', '--out', out.dir, '--concurrency', '1']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^northwind\s+-\s+error\s+terraform init exited 1$/m);
      expect(result.stdout).toMatch(/^contoso\s+-\s+in sync/m);
      expect(result.stdout).toMatch(/^fabrikam\s+-\s+in sync/m);
    } finally {
      out.write('northwind', { inputs: { tenant_key: 'teams@northwind.com' } });
    }
  });

  test('two shards merged give the report one run gives, and its exit code', async () => {
    out.write('fabrikam', { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/v2/{ConfId}' } });
    try {
      const whole = await drift(['--no-synth', '--out', out.dir, '--json']);
      const files = [1, 2].map((i) => path.join(out.dir, `shard-${i}.json`));
      for (const [i, file] of files.entries()) {
        const shard = await drift(['--no-synth', '--out', out.dir, '--json', '--shard', `${i + 1}/2`]);
        fs.writeFileSync(file, shard.stdout);
      }
      expect(JSON.parse(fs.readFileSync(files[1], 'utf8')).tenants.map((t: { tenant: string }) => t.tenant)).toEqual(['alpha']);
      const merged = await drift(['--merge', ...files, '--json']);
      const withoutTimes = (text: string) => ({ ...JSON.parse(text), tenants: JSON.parse(text).tenants.map((t: object) => ({ ...t, seconds: 0 })) });
      expect(merged.code).toBe(2);
      expect(whole.code).toBe(2);
      expect(withoutTimes(merged.stdout)).toEqual(withoutTimes(whole.stdout));
      const table = await drift(['--merge', ...files]);
      expect(table.stdout).toMatch(/^fabrikam\s+-\s+drift\s+terraform_data\.instruction_uri \(update\)$/m);
    } finally {
      out.write('fabrikam', { inputs: { instruction_uri: 'https://pexip.me/teams/fabrikam.com/{ConfId}' } });
    }
  });

  test('--merge with a shard missing exits 1 and says which', async () => {
    const file = path.join(out.dir, 'only-shard-1.json');
    fs.writeFileSync(file, (await drift(['--no-synth', '--out', out.dir, '--json', '--shard', '1/2'])).stdout);
    const merged = await drift(['--merge', file]);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('error: shard 2/2 is missing: its tenants were not checked');
  });

  test('--markdown prints a report for a job summary', async () => {
    const result = await drift(['--no-synth', '--out', out.dir, '--markdown', '--tenant', 'contoso']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^### ✅ CVI drift: in sync$/m);
    expect(result.stdout).toContain('<details><summary>1 tenant(s) in sync</summary>');
  });

  test('--tenant limits the check to the named tenants', async () => {
    const result = await drift(['--no-synth', '--out', out.dir, '--json', '--tenant', 'northwind']);
    expect(JSON.parse(result.stdout).tenants.map((t: { tenant: string }) => t.tenant)).toEqual(['northwind']);
  });

  test('a --tenant with no stack exits 1 and lists the stacks there are', async () => {
    const result = await drift(['--no-synth', '--out', out.dir, '--tenant', 'tailspin']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--tenant tailspin: no such stack in the synth output; stacks: alpha, contoso, fabrikam, northwind');
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
      schemaVersion: 1,
      status: 'error',
      exitCode: 1,
      unmanagedChecked: true,
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
