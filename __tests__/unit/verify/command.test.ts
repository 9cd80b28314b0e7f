import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../scripts/commands/verify';
import { parseVerifyOptions } from '../../../scripts/verify/options';

async function capture(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/^(ARM_|AZURE_)/.test(k)) delete process.env[k];
  Object.assign(process.env, env);
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.env = saved;
  }
}

describe('cvi verify options', () => {
  test('take repeated and comma-separated tenants, a tenants folder, a DNS server and --json', () => {
    expect(parseVerifyOptions(['--tenant', 'a,b', '--tenant=c', '--tenants-dir', 'd', '--dns-server', '127.0.0.1:5353', '--json'])).toEqual({
      tenants: ['a', 'b', 'c'],
      tenantsDir: 'd',
      dnsServer: '127.0.0.1:5353',
      json: true,
      help: false,
    });
  });

  test('refuse an unknown option and a flag without its value', () => {
    expect(() => parseVerifyOptions(['--dns'])).toThrow('unknown option "--dns"');
    expect(() => parseVerifyOptions(['--dns-server', '--json'])).toThrow('--dns-server needs a value');
  });
});

describe('cvi verify before anything is read', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-verify-cmd-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('an invalid tenant file is one line naming file and field, exit 1, and --json still prints a report', async () => {
    writeFileSync(join(dir, 'x.yaml'), 'tenant: { id: nope, name: x, domain: x.example }\nvendor: pexip\nteams: { assignment: { global: true } }\n');

    const result = await capture(['--tenants-dir', dir, '--json']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cvi verify: .*x\.yaml: tenant\.id: .*\n$/);
    expect(JSON.parse(result.stdout)).toMatchObject({ exitCode: 1, tenants: [], error: expect.stringContaining('tenant.id') });
  });

  test('an unknown tenant name lists the tenants there are, exit 1', async () => {
    writeFileSync(join(dir, 'x.yaml'), 'tenant: { id: 5df714c9-1b0c-491c-8262-705358be54ab, name: x, domain: x.example }\nvendor: pexip\nteams: { assignment: { global: true } }\n');

    const result = await capture(['--tenants-dir', dir, '--tenant', 'y']);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('cvi verify: no tenant named y (tenants: x)\n');
  });

  test('no credential in the environment is one line naming the variables, exit 1', async () => {
    writeFileSync(join(dir, 'x.yaml'), 'tenant: { id: 5df714c9-1b0c-491c-8262-705358be54ab, name: x, domain: x.example }\nvendor: pexip\nteams: { assignment: { global: true } }\n');

    const result = await capture(['--tenants-dir', dir], { ARM_CLIENT_SECRET: 's', ARM_USE_CLI: 'false' });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cvi verify: .*x\.yaml: client secret was chosen .* ARM_CLIENT_ID .* is missing: set it\n$/);
  });
});
