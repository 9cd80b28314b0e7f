/**
 * Installs the `cvi` provider for this project's Terraform runs (never into the user's home):
 * the bundled provider package in a filesystem mirror at `.cvi/mirror/`, and `.cvi/terraformrc`,
 * a CLI configuration that takes `terraform.local/teams-cvi/cvi` from that mirror and every other
 * provider from its registry. Project scripts and tests run terraform with TF_CLI_CONFIG_FILE
 * pointing at it.
 *
 * `npm run provider:install` bundles (scripts/provider-package/bundle.ts), then runs
 * `cvi provider install`, which calls installProvider(). Tests only read what it laid out.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { bundlePath, packageRoot } from './provider-package/bundle';
import { cliConfig, installMirror, mirrorPackageDir } from './provider-package/mirror';
import { launcherName, PROVIDER_SOURCE, PROVIDER_VERSION, terraformPlatform } from './provider-package/package-files';
import { writeFileAtomic, type WriteOutcome } from './provider-package/write-file';

export { PROVIDER_SOURCE, PROVIDER_VERSION, terraformPlatform };

export interface ProviderLayout {
  /** The project directory. */
  root: string;
  /** The bundled provider the package is made from. */
  entryPoint: string;
  mirrorDir: string;
  launcher: string;
  /** Pass as TF_CLI_CONFIG_FILE. */
  cliConfigFile: string;
}

/** The nearest directory at or above `start` holding package.json (works from scripts/ and dist/scripts/). */
export const projectRoot = (start: string = __dirname): string => packageRoot(start);

/**
 * Where the project's mirror and CLI configuration go. `packageDir` holds the built bundle: this
 * repository, or the installed cdktf-teams-cvi package in a tenants project.
 */
export function providerLayout(root: string = projectRoot(), packageDir: string = root): ProviderLayout {
  const mirrorDir = join(root, '.cvi', 'mirror');
  return {
    root,
    entryPoint: bundlePath(packageDir),
    mirrorDir,
    launcher: join(mirrorPackageDir(mirrorDir, terraformPlatform()), launcherName(terraformPlatform())),
    cliConfigFile: join(root, '.cvi', 'terraformrc'),
  };
}

export interface InstallResult extends ProviderLayout {
  /** The `h1:` checksum the lock file will record. */
  hash: string;
  outcome: WriteOutcome;
}

/**
 * Lays out the mirror and the CLI configuration from the built bundle. Safe while terraform runs:
 * files are replaced by rename, and unchanged files are not written at all.
 */
export function installProvider(layout: ProviderLayout = providerLayout()): InstallResult {
  let bundle: Buffer;
  try {
    bundle = readFileSync(layout.entryPoint);
  } catch {
    throw new Error(`${layout.entryPoint} is missing: build it with npm run provider:build (the published package ships it)`);
  }
  const [installed] = installMirror(layout.mirrorDir, bundle, [terraformPlatform()]);
  const config = writeFileAtomic(layout.cliConfigFile, cliConfig(layout.mirrorDir));
  return { ...layout, hash: installed.hash, outcome: installed.outcome === 'unchanged' && config === 'unchanged' ? 'unchanged' : 'written' };
}
