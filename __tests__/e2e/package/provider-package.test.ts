/**
 * The provider package is relocatable and reproducible: built from the same sources in two
 * folders it is byte-identical, and a lock file that `terraform init` wrote with one folder's
 * mirror is accepted with the other's (and with the packed zips), so a committed lock file holds
 * on every machine.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleProvider, packageRoot } from '../../../scripts/provider-package/bundle';
import { packageHashV1, sha256Hex } from '../../../scripts/provider-package/hashes';
import { installMirror } from '../../../scripts/provider-package/mirror';
import { packProvider, zipName } from '../../../scripts/provider-package/pack';
import { providerPackageFiles, PROVIDER_SOURCE, terraformPlatform } from '../../../scripts/provider-package/package-files';
import { requireTerraform, runTerraform } from '../../../testing/terraform';
import { PROVIDER_SOURCE_DIRS } from '../../../scripts/provider-ready';

jest.setTimeout(120_000);

const root = packageRoot(__dirname);
const platform = terraformPlatform();
let scratch: string;

/** The provider's sources (and the compiler settings esbuild reads) copied to `dir`, node_modules linked. */
function copySources(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of [...PROVIDER_SOURCE_DIRS, 'tsconfig.json', 'package.json']) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A workspace needing only the cvi provider, with a CLI configuration that installs nothing else. */
function workspace(name: string, installation: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { cvi: { source: PROVIDER_SOURCE, version: '0.1.0' } } } }));
  writeFileSync(join(dir, 'terraformrc'), `provider_installation {\n  ${installation}\n}\n`);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(TF_|ARM_|AZURE_)/.test(key)) env[key] = value;
  return { dir, env: { ...env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'terraformrc'), TF_IN_AUTOMATION: '1' } };
}

async function init(ws: { dir: string; env: NodeJS.ProcessEnv }, ...args: string[]): Promise<string> {
  const result = await runTerraform(ws.dir, ['init', '-no-color', '-input=false', ...args], ws.env);
  if (result.code !== 0) throw new Error(`terraform init ${args.join(' ')} exited ${result.code} in ${ws.dir}:\n${result.output}`);
  return readFileSync(join(ws.dir, '.terraform.lock.hcl'), 'utf8');
}

const lockHashes = (lock: string): string[] => [...lock.matchAll(/"(h1:[^"]+|zh:[^"]+)"/g)].map((m) => m[1]).sort();

describe('the cvi provider package built in two folders', () => {
  let first: Buffer;
  let second: Buffer;

  beforeAll(async () => {
    requireTerraform();
    scratch = mkdtempSync(join(tmpdir(), 'cvi-provider-package-'));
    first = await bundleProvider(copySources(join(scratch, 'checkout-a')));
    second = await bundleProvider(copySources(join(scratch, 'elsewhere', 'checkout-b')));
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test('is the same bytes, and the same as this checkout\'s', async () => {
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(sha256Hex(await bundleProvider(root))).toBe(sha256Hex(first));
  });

  test('installed into two mirrors, has one h1 checksum, which terraform init records', async () => {
    const [a] = installMirror(join(scratch, 'mirror-a'), first, [platform]);
    const [b] = installMirror(join(scratch, 'deep', 'mirror-b'), second, [platform]);
    expect(b.hash).toBe(a.hash);
    const lock = await init(workspace('ws-a', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'mirror-a'))} }`));
    expect(lockHashes(lock)).toEqual([a.hash]);
  });

  test('a lock file written with one mirror is accepted by terraform init with the other', async () => {
    installMirror(join(scratch, 'mirror-a'), first, [platform]);
    installMirror(join(scratch, 'deep', 'mirror-b'), second, [platform]);
    const lockA = await init(workspace('lock-a', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'mirror-a'))} }`));
    const other = workspace('lock-b', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'deep', 'mirror-b'))} }`);
    writeFileSync(join(other.dir, '.terraform.lock.hcl'), lockA);
    // readonly: terraform fails rather than rewrite a lock file whose checksums do not match.
    expect(await init(other, '-lockfile=readonly')).toBe(lockA);
  });

  test('a tampered package is refused by the same lock file', async () => {
    const lockA = await init(workspace('tamper-a', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'mirror-a'))} }`));
    installMirror(join(scratch, 'mirror-tampered'), Buffer.concat([first, Buffer.from('\n// changed\n')]), [platform]);
    const other = workspace('tamper-b', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'mirror-tampered'))} }`);
    writeFileSync(join(other.dir, '.terraform.lock.hcl'), lockA);
    await expect(init(other, '-lockfile=readonly')).rejects.toThrow(/match any of the\s+checksums/);
  });

  test('packed twice, gives the same zips and SHA256SUMS, and the zips install under the same lock file', async () => {
    const packA = packProvider(join(scratch, 'release-a'), first, ['linux_amd64', 'windows_amd64', platform]);
    const packB = packProvider(join(scratch, 'release-b'), second, [platform, 'windows_amd64', 'linux_amd64']);
    expect(readFileSync(packB.sums, 'utf8')).toBe(readFileSync(packA.sums, 'utf8'));
    for (const p of packA.platforms) {
      expect(readFileSync(join(packB.dir, zipName(p.platform))).equals(readFileSync(p.zip))).toBe(true);
      expect(readFileSync(packA.sums, 'utf8')).toContain(`${sha256Hex(readFileSync(p.zip))}  ${zipName(p.platform)}\n`);
    }
    // The h1 of the zip's contents equals the unpacked mirror's, so either install satisfies one lock file.
    const [unpacked] = installMirror(join(scratch, 'mirror-a'), first, [platform]);
    expect(packA.platforms.find((p) => p.platform === platform)?.hash).toBe(unpacked.hash);
    const lockA = await init(workspace('zip-lock-a', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'mirror-a'))} }`));
    const packed = workspace('zip-lock-b', `filesystem_mirror { path = ${JSON.stringify(join(scratch, 'release-b'))} }`);
    writeFileSync(join(packed.dir, '.terraform.lock.hcl'), lockA);
    expect(await init(packed, '-lockfile=readonly')).toBe(lockA);
  });

  test('the unix package has one launcher (sh) and the Windows package one (.cmd), both beside the bundle', () => {
    expect(providerPackageFiles(first, 'linux_amd64').map((f) => [f.name, f.mode.toString(8)])).toEqual([
      ['cvi-provider.js', '644'],
      ['terraform-provider-cvi_v0.1.0', '755'],
    ]);
    const windows = providerPackageFiles(first, 'windows_amd64');
    expect(windows.map((f) => f.name)).toEqual(['cvi-provider.js', 'terraform-provider-cvi_v0.1.0.cmd']);
    expect(windows[1].content.toString()).toContain('"%~dp0cvi-provider.js" %*');
    // No absolute path and no machine name: nothing in the package depends on where it was built.
    for (const file of [...providerPackageFiles(first, 'linux_amd64'), ...windows]) {
      expect(file.content.includes(Buffer.from(root))).toBe(false);
      expect(file.content.includes(Buffer.from(scratch))).toBe(false);
    }
    expect(packageHashV1(providerPackageFiles(first, 'darwin_arm64'))).toBe(packageHashV1(providerPackageFiles(first, 'linux_amd64')));
  });
});
