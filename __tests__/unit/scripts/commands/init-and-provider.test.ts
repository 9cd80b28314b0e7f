/** `cvi init` and `cvi provider`: argument rules and the scaffold's guarantees, without npm or terraform. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInitArgs, scaffold } from '../../../../scripts/commands/init';
import { parseProviderArgs, run as provider } from '../../../../scripts/commands/provider';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cvi-init-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cvi init', () => {
  test('names the package after the folder and depends on this version by default', () => {
    expect(parseInitArgs([join(dir, 'Acme Tenants')], '0.1.0')).toEqual({ dir: join(dir, 'Acme Tenants'), name: 'acme-tenants', packageSpec: '^0.1.0' });
  });

  test('a --package path becomes a file: dependency on the absolute path', () => {
    expect(parseInitArgs(['x', '--package', './cdktf-teams-cvi-0.1.0.tgz'], '0.1.0').packageSpec).toBe(`file:${join(process.cwd(), 'cdktf-teams-cvi-0.1.0.tgz')}`);
  });

  test.each([
    [[], 'name the folder to create'],
    [['a', 'b'], 'one folder only'],
    [['a', '--name'], '--name needs a value'],
    [['a', '--name', 'Not Valid'], 'must be a valid npm package name'],
    [['a', '--force'], 'unknown option "--force"'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseInitArgs(args, '0.1.0')).toThrow(message);
  });

  test('writes the tenants repository: .gitignore keeps synth output and state out, the app installs the provider', () => {
    const written = scaffold({ dir, name: 'acme', packageSpec: '^0.1.0' });
    expect(written).toEqual(['.github/workflows/cvi.yml', '.gitignore', 'README.md', 'cdktf.json', 'main.ts', 'package.json', 'tenants/example.yaml', 'tsconfig.json']);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'acme', dependencies: { 'cdktf-teams-cvi': '^0.1.0', cdktf: '0.21.0' } });
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['cdktf-cli', 'ts-node', 'typescript']));
    expect(JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')).projectId).toBe('acme');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^cdktf\.out\/$[\s\S]*^\*\.tfstate$/m);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toContain('useProjectProvider()');
    expect(readFileSync(join(dir, '.github/workflows/cvi.yml'), 'utf8')).toContain('npx cdktf deploy ${{ matrix.tenant }}');
  });

  test('never overwrites: an existing file stops it before anything is written', () => {
    writeFileSync(join(dir, 'main.ts'), '// mine\n');
    expect(() => scaffold({ dir, name: 'acme', packageSpec: '^0.1.0' })).toThrow(`${dir}: already has main.ts; nothing was written`);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('// mine\n');
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
  });
});

describe('cvi provider', () => {
  test('takes a mirror folder, platforms and a CLI config path', () => {
    expect(parseProviderArgs(['--dir', 'm', '--platform', 'linux_arm64', '--platform', 'windows_amd64', '--cli-config', 'rc'])).toEqual({
      dir: join(process.cwd(), 'm'),
      cliConfig: join(process.cwd(), 'rc'),
      platforms: ['linux_arm64', 'windows_amd64'],
    });
  });

  test('refuses a platform that is not os_arch', () => {
    expect(() => parseProviderArgs(['--platform', 'linux'])).toThrow('--platform must look like linux_amd64, got "linux"');
  });

  test('an unknown action is a usage error, exit 1', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await provider(['publish'])).toBe(1);
      expect(String(stderr.mock.calls[0][0])).toContain('cvi provider: unknown action "publish"');
    } finally {
      stderr.mockRestore();
    }
  });
});
