/**
 * What a provider package holds: the bundled provider (one JavaScript file, no node_modules) and
 * a launcher beside it that finds it relative to itself. Nothing depends on the folder it was
 * built or installed in, so every machine gets the same bytes and the same lock-file checksum.
 */
import type { PackageFile } from './hashes';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../domain/provider-address';

export { PROVIDER_SOURCE, PROVIDER_VERSION };
export const PROVIDER_TYPE = PROVIDER_SOURCE.split('/')[2];
export const BUNDLE_NAME = 'cvi-provider.js';

/** Platforms `cvi provider pack` builds for: the bundle runs wherever Node.js does. */
export const PACK_PLATFORMS = ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64', 'windows_amd64'] as const;

/** Terraform's name for a platform, e.g. linux_amd64. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

/** Terraform runs the first file named terraform-provider-<type>[_.]*: one launcher per package. */
export function launcherName(platform: string): string {
  return `terraform-provider-${PROVIDER_TYPE}_v${PROVIDER_VERSION}${platform.startsWith('windows_') ? '.cmd' : ''}`;
}

/**
 * `$0` is the launcher's own path (Terraform runs it by path, through a symlinked folder or not);
 * its folder is cut off with the shell's own expansion, as a `dirname` process costs a fork per start.
 */
export const SH_LAUNCHER = [
  '#!/bin/sh',
  `# Launcher of the cvi Terraform provider ${PROVIDER_VERSION}: runs ${BUNDLE_NAME} beside it with Node.js`,
  '# (>= 20.9; $CVI_NODE, else node on PATH).',
  'case "$0" in */*) here="${0%/*}" ;; *) here=. ;; esac',
  `exec "\${CVI_NODE:-node}" "$here/${BUNDLE_NAME}" "$@"`,
  '',
].join('\n');

/** %~dp0 is the folder of the .cmd file, with a trailing backslash. CRLF: cmd.exe expects it. */
export const CMD_LAUNCHER = [
  '@echo off',
  `rem Launcher of the cvi Terraform provider ${PROVIDER_VERSION}: runs ${BUNDLE_NAME} beside it with Node.js`,
  'rem (>= 20.9; %CVI_NODE%, else node on PATH).',
  'setlocal',
  'if defined CVI_NODE (set "CVI_NODE_EXE=%CVI_NODE%") else (set "CVI_NODE_EXE=node")',
  `"%CVI_NODE_EXE%" "%~dp0${BUNDLE_NAME}" %*`,
  '',
].join('\r\n');

/** The files of the package for one platform, in name order. */
export function providerPackageFiles(bundle: Buffer, platform: string): PackageFile[] {
  const windows = platform.startsWith('windows_');
  return [
    { name: BUNDLE_NAME, content: bundle, mode: 0o644 },
    { name: launcherName(platform), content: Buffer.from(windows ? CMD_LAUNCHER : SH_LAUNCHER, 'utf8'), mode: 0o755 },
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
}
