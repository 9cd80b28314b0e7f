/**
 * `cvi provider pack`: the provider as release files, in one folder that serves three ways:
 *   <out>/terraform.local/teams-cvi/cvi/
 *     terraform-provider-cvi_0.1.0_<platform>.zip    one per platform (registry-style name)
 *     terraform-provider-cvi_0.1.0_SHA256SUMS        sha256 of each zip (sign it for a registry)
 *     terraform-provider-cvi_0.1.0_manifest.json     plugin protocol version, as registries read it
 *     index.json, 0.1.0.json                         Terraform's provider network mirror protocol
 * Copy <out> to a static HTTPS server and use it as a `network_mirror`, point a
 * `filesystem_mirror` at it (packed layout), or upload the zips and sums to a private registry.
 */
import { join } from 'node:path';
import { packageHashV1, sha256Hex, zipHash } from './hashes';
import { PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION, providerPackageFiles } from './package-files';
import { writeFileAtomic } from './write-file';
import { deterministicZip } from './zip';

export interface PackedPlatform {
  readonly platform: string;
  readonly zip: string;
  /** `h1:` over the files in the zip, as the lock file records it. */
  readonly hash: string;
  /** `zh:` over the zip, as the lock file records it from a registry. */
  readonly zipHash: string;
}

export interface PackResult {
  readonly dir: string;
  readonly sums: string;
  readonly platforms: PackedPlatform[];
}

export const zipName = (platform: string): string => `terraform-provider-${PROVIDER_TYPE}_${PROVIDER_VERSION}_${platform}.zip`;

export function packProvider(outDir: string, bundle: Buffer, platforms: readonly string[]): PackResult {
  const dir = join(outDir, PROVIDER_SOURCE);
  const packed: PackedPlatform[] = [];
  const sums: string[] = [];
  for (const platform of [...platforms].sort()) {
    const files = providerPackageFiles(bundle, platform);
    const zip = deterministicZip(files);
    writeFileAtomic(join(dir, zipName(platform)), zip);
    sums.push(`${sha256Hex(zip)}  ${zipName(platform)}\n`);
    packed.push({ platform, zip: join(dir, zipName(platform)), hash: packageHashV1(files), zipHash: zipHash(zip) });
  }
  const prefix = `terraform-provider-${PROVIDER_TYPE}_${PROVIDER_VERSION}`;
  const sumsFile = join(dir, `${prefix}_SHA256SUMS`);
  writeFileAtomic(sumsFile, sums.join(''));
  writeFileAtomic(join(dir, `${prefix}_manifest.json`), JSON.stringify({ version: 1, metadata: { protocol_versions: ['6.0'] } }, null, 2) + '\n');
  const versions = { versions: { [PROVIDER_VERSION]: {} } };
  const archives = {
    archives: Object.fromEntries(packed.map((p) => [p.platform, { url: zipName(p.platform), hashes: [p.hash] }])),
  };
  writeFileAtomic(join(dir, 'index.json'), JSON.stringify(versions, null, 2) + '\n');
  writeFileAtomic(join(dir, `${PROVIDER_VERSION}.json`), JSON.stringify(archives, null, 2) + '\n');
  return { dir, sums: sumsFile, platforms: packed };
}
