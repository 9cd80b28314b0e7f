/** The `cvi export` command line: one line per problem, exit 1, nothing read or written. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../../scripts/commands/export';
import { parseExportOptions } from '../../../../scripts/export/options';

const TENANT_ID = '5df714c9-1b0c-491c-8262-705358be54ab';

async function capture(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c) => ((stderr += String(c)), true));
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/^(ARM_|AZURE_)/.test(k)) delete process.env[k];
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.env = saved;
  }
}

describe('cvi export options', () => {
  test('need the tenant id and the name', () => {
    expect(() => parseExportOptions(['--name', 'contoso'])).toThrow('--tenant-id is required');
    expect(() => parseExportOptions(['--tenant-id', TENANT_ID])).toThrow('--name is required');
  });

  test('take the DNS zone, server and key name only together', () => {
    expect(() => parseExportOptions(['--tenant-id', TENANT_ID, '--name', 'contoso', '--dns-zone', 'contoso.com'])).toThrow(
      '--dns-zone, --dns-server and --dns-key-name go together',
    );
  });

  test('refuse a vendor outside the catalog and a name that cannot name a stack', () => {
    expect(() => parseExportOptions(['--tenant-id', TENANT_ID, '--name', 'contoso', '--vendor', 'zoom'])).toThrow('--vendor must be one of pexip, poly, cisco, bluejeans, custom, got "zoom"');
    expect(() => parseExportOptions(['--tenant-id', TENANT_ID, '--name', 'Contoso Ltd'])).toThrow('--name must be lower-case letters, digits and inner hyphens, at most 63 characters (it names the tenant file and its stack), got "Contoso Ltd"');
  });
});

describe('cvi export', () => {
  test('with a bad option prints the problem and the usage, exit 1', async () => {
    const result = await capture(['--tenant-id', 'x', '--name', 'contoso']);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cvi export: --tenant-id must be a GUID, got "x"\n\nusage: cvi export /);
  });

  test('refuses a name the tenants folder already holds before reading anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvi-export-'));
    writeFileSync(join(dir, 'contoso.yaml'), 'kept\n');
    try {
      // No credential is set: the refusal comes before any sign-in.
      const result = await capture(['--tenant-id', TENANT_ID, '--name', 'contoso', '--tenants-dir', dir]);

      expect(result).toEqual({ code: 1, stdout: '', stderr: `cvi export: ${join(dir, 'contoso.yaml')} already exists: a tenant file is never overwritten (choose another --name, or move it away)\n` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without a credential says so in one line', async () => {
    const result = await capture(['--tenant-id', TENANT_ID, '--name', 'contoso']);

    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(result.stderr).toMatch(/^cvi export: /);
  });
});
