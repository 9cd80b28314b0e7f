/**
 * Lays out the `cvi` provider for Terraform inside the project (never in the user's home):
 * a filesystem mirror holding a launcher for the compiled provider, and a CLI config file
 * that takes `terraform.local/teams-cvi/cvi` from that mirror and every other provider from
 * its registry. Project scripts and tests run terraform with TF_CLI_CONFIG_FILE pointing at it.
 *
 * Run as `npm run provider:install` (which compiles first: provider/tsconfig.json).
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../provider/address';
export { PROVIDER_SOURCE, PROVIDER_VERSION };

/** Terraform's name for this machine's platform, e.g. linux_amd64. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

export interface ProviderLayout {
  /** The project directory. */
  root: string;
  /** Compiled entry point the launcher runs. */
  entryPoint: string;
  mirrorDir: string;
  launcher: string;
  /** Pass as TF_CLI_CONFIG_FILE. */
  cliConfigFile: string;
}

/** The nearest directory at or above `start` holding package.json (works from scripts/ and dist/scripts/). */
export function projectRoot(start: string = __dirname): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json at or above ${start}`);
  }
}

export function providerLayout(root: string = projectRoot()): ProviderLayout {
  const mirrorDir = join(root, '.cvi', 'mirror');
  return {
    root,
    entryPoint: join(root, 'dist', 'provider', 'main.js'),
    mirrorDir,
    launcher: join(mirrorDir, PROVIDER_SOURCE, PROVIDER_VERSION, terraformPlatform(), `terraform-provider-cvi_v${PROVIDER_VERSION}`),
    cliConfigFile: join(root, '.cvi', 'terraformrc'),
  };
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const hclString = (s: string) => JSON.stringify(s);

export function launcherScript(layout: ProviderLayout): string {
  return [
    '#!/bin/sh',
    '# Launcher of the cvi Terraform provider: written by `npm run provider:install`.',
    `exec "\${CVI_NODE:-node}" ${shellQuote(layout.entryPoint)} "$@"`,
    '',
  ].join('\n');
}

export function cliConfig(layout: ProviderLayout): string {
  return [
    '# Terraform CLI configuration of this project: written by `npm run provider:install`.',
    `# The cvi provider comes from the project's mirror; every other provider from its registry.`,
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(layout.mirrorDir)}`,
    `    include = [${hclString(PROVIDER_SOURCE)}]`,
    '  }',
    '  direct {',
    `    exclude = [${hclString(PROVIDER_SOURCE)}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

export function installProvider(layout: ProviderLayout = providerLayout()): ProviderLayout {
  if (!existsSync(layout.entryPoint)) {
    throw new Error(`${layout.entryPoint} does not exist: compile first (npm run provider:install does)`);
  }
  mkdirSync(resolve(layout.launcher, '..'), { recursive: true });
  writeFileSync(layout.launcher, launcherScript(layout));
  chmodSync(layout.launcher, 0o755);
  writeFileSync(layout.cliConfigFile, cliConfig(layout));
  return layout;
}

if (require.main === module) {
  const layout = installProvider();
  process.stdout.write(
    `cvi provider ${PROVIDER_VERSION} installed:\n  launcher   ${layout.launcher}\n  CLI config ${layout.cliConfigFile}\n` +
      `Use it with: export TF_CLI_CONFIG_FILE=${layout.cliConfigFile}\n`,
  );
}
