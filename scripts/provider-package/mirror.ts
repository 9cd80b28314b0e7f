/**
 * Lays the provider package out as a Terraform filesystem mirror ("unpacked" layout:
 * <dir>/terraform.local/teams-cvi/cvi/0.1.0/<platform>/) and writes the CLI configuration that
 * takes the cvi provider from it and every other provider from its registry.
 */
import { join } from 'node:path';
import { packageHashV1 } from './hashes';
import { PROVIDER_SOURCE, PROVIDER_VERSION, providerPackageFiles, launcherName } from './package-files';
import { writeFileAtomic, type WriteOutcome } from './write-file';

export interface MirrorPlatform {
  readonly platform: string;
  /** The package folder Terraform installs from. */
  readonly dir: string;
  readonly launcher: string;
  /** The `h1:` checksum `terraform init` will record in the lock file for this package. */
  readonly hash: string;
  /** 'unchanged' when every file already had the right content (nothing was written). */
  readonly outcome: WriteOutcome;
}

export const mirrorPackageDir = (mirrorDir: string, platform: string): string => join(mirrorDir, PROVIDER_SOURCE, PROVIDER_VERSION, platform);

export function installMirror(mirrorDir: string, bundle: Buffer, platforms: readonly string[]): MirrorPlatform[] {
  return platforms.map((platform) => {
    const dir = mirrorPackageDir(mirrorDir, platform);
    const files = providerPackageFiles(bundle, platform);
    // The bundle first, the launcher last: a launcher never points at a file not yet in place.
    const outcomes = files
      .sort((a, b) => Number(a.mode === 0o755) - Number(b.mode === 0o755))
      .map((f) => writeFileAtomic(join(dir, f.name), f.content, f.mode));
    return {
      platform,
      dir,
      launcher: join(dir, launcherName(platform)),
      hash: packageHashV1(files),
      outcome: outcomes.every((o) => o === 'unchanged') ? 'unchanged' : 'written',
    };
  });
}

const hclString = (s: string) => JSON.stringify(s);

/** A CLI configuration (for TF_CLI_CONFIG_FILE) using the mirror at the absolute path `mirrorDir`. */
export function cliConfig(mirrorDir: string): string {
  return [
    '# Terraform CLI configuration written by `cvi provider install`: use it with TF_CLI_CONFIG_FILE.',
    `# The cvi provider comes from the filesystem mirror; every other provider from its registry.`,
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirrorDir)}`,
    `    include = [${hclString(PROVIDER_SOURCE)}]`,
    '  }',
    '  direct {',
    `    exclude = [${hclString(PROVIDER_SOURCE)}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}
