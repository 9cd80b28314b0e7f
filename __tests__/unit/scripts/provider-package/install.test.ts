/** Installing the provider package: atomic, and a no-op (no write) when nothing changed. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../../scripts/provider-package/write-file';
import { installMirror } from '../../../../scripts/provider-package/mirror';
import { installProvider, providerLayout } from '../../../../scripts/install-provider';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cvi-install-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  test('an unchanged file is not written: same inode, same content, only its time moves', () => {
    const file = join(dir, 'launcher');
    expect(writeFileAtomic(file, 'a', 0o755)).toBe('written');
    const before = statSync(file);
    expect(writeFileAtomic(file, 'a', 0o755)).toBe('unchanged');
    const after = statSync(file);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBeGreaterThanOrEqual(before.mtimeMs);
  });

  test('a changed file is replaced by rename: a reader holding the old one keeps the old bytes, no temp file stays', () => {
    const file = join(dir, 'bundle.js');
    writeFileAtomic(file, 'old');
    const before = statSync(file);
    expect(writeFileAtomic(file, 'new', 0o755)).toBe('written');
    const after = statSync(file);
    expect(after.ino).not.toBe(before.ino);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(after.mode & 0o777).toBe(0o755);
    expect(readdirSync(dir)).toEqual(['bundle.js']);
  });
});

describe('installProvider', () => {
  function project(): string {
    const layout = providerLayout(dir);
    writeFileAtomic(layout.entryPoint, '// bundled provider\n');
    return dir;
  }

  test('lays out the launcher beside the bundle and a CLI configuration naming the mirror', () => {
    const installed = installProvider(providerLayout(project()));
    expect(installed.outcome).toBe('written');
    expect(readFileSync(join(installed.launcher, '..', 'cvi-provider.js'), 'utf8')).toBe('// bundled provider\n');
    expect(readFileSync(installed.launcher, 'utf8')).toContain('"$here/cvi-provider.js"');
    expect(readFileSync(installed.launcher, 'utf8')).not.toContain(dir);
    expect(readFileSync(installed.cliConfigFile, 'utf8')).toContain(`path    = ${JSON.stringify(installed.mirrorDir)}`);
  });

  test('a second install of the same build writes nothing and keeps every file (and its inode)', () => {
    const first = installProvider(providerLayout(project()));
    const inodes = [first.launcher, join(first.launcher, '..', 'cvi-provider.js'), first.cliConfigFile].map((f) => statSync(f).ino);
    const second = installProvider(providerLayout(dir));
    expect(second.outcome).toBe('unchanged');
    expect(second.hash).toBe(first.hash);
    expect([second.launcher, join(second.launcher, '..', 'cvi-provider.js'), second.cliConfigFile].map((f) => statSync(f).ino)).toEqual(inodes);
  });

  test('without a built bundle it says how to build one', () => {
    expect(() => installProvider(providerLayout(dir))).toThrow(/cvi-provider\.js is missing: build it with npm run provider:build/);
  });
});

describe('installMirror', () => {
  test('one folder per platform, each with its own launcher kind', () => {
    const [linux, windows] = installMirror(join(dir, 'mirror'), Buffer.from('x'), ['linux_arm64', 'windows_amd64']);
    expect(linux.dir).toBe(join(dir, 'mirror', 'terraform.local', 'teams-cvi', 'cvi', '0.1.0', 'linux_arm64'));
    expect(readdirSync(linux.dir).sort()).toEqual(['cvi-provider.js', 'terraform-provider-cvi_v0.1.0']);
    expect(readdirSync(windows.dir).sort()).toEqual(['cvi-provider.js', 'terraform-provider-cvi_v0.1.0.cmd']);
    expect(readFileSync(windows.launcher, 'utf8')).toMatch(/\r\n/);
  });
});
