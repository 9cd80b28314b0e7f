/**
 * Makes plain `cdktf deploy <tenant>` find the cvi provider in a tenants project, with no
 * TF_CLI_CONFIG_FILE: the synth app installs the provider package into `<project>/.cvi/mirror`
 * and links each stack folder's `terraform.d/plugins` to it. Terraform treats `terraform.d/plugins`
 * in its working directory (cdktf runs it in the stack folder) as an implicit filesystem mirror and
 * still installs every other provider from its registry. cdktf also runs `terraform providers
 * lock` when a stack's lock file misses a provider, which asks the provider's origin registry and
 * fails for `terraform.local`: so each stack's `.terraform.lock.hcl` gets the cvi entry up front
 * (the package is byte-identical everywhere, so its checksums are known; other entries are kept).
 * An explicit `provider_installation`
 * block in a CLI configuration (TF_CLI_CONFIG_FILE, ~/.terraformrc) replaces the implicit mirrors:
 * use `.cvi/terraformrc` then.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { installProvider, providerLayout, type InstallResult } from '../install-provider';
import { packageRoot } from './bundle';
import { packageHashV1 } from './hashes';
import { PROVIDER_SOURCE, PROVIDER_VERSION, providerPackageFiles } from './package-files';
import { writeFileAtomic } from './write-file';

export interface ProjectProviderOptions {
  /** The tenants project (where `.cvi/` goes). @default process.cwd() */
  readonly projectDir?: string;
  /** The synth output folder. @default process.env.CDKTF_OUTDIR ?? 'cdktf.out' */
  readonly outdir?: string;
}

/** Links `<stack>/terraform.d/plugins` to the mirror; returns the stack names linked. */
export function linkStacksToMirror(outdir: string, mirrorDir: string): string[] {
  const stacksDir = join(outdir, 'stacks');
  if (!existsSync(stacksDir)) return [];
  const linked: string[] = [];
  for (const entry of readdirSync(stacksDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const pluginsDir = join(stacksDir, entry.name, 'terraform.d', 'plugins');
    mkdirSync(join(pluginsDir, '..'), { recursive: true });
    // Relative on unix, so the project can move; a junction (absolute) on Windows needs no privilege.
    const target = process.platform === 'win32' ? resolve(mirrorDir) : relative(join(pluginsDir, '..'), mirrorDir);
    if (isLinkTo(pluginsDir, target)) {
      linked.push(entry.name);
      continue;
    }
    // Swapped in by rename, so a terraform already running in this stack never sees no mirror.
    const temp = `${pluginsDir}.${process.pid}.tmp`;
    symlinkSync(target, temp, process.platform === 'win32' ? 'junction' : 'dir');
    renameSync(temp, pluginsDir);
    linked.push(entry.name);
  }
  return linked;
}

function isLinkTo(path: string, target: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && resolve(path, '..', readlinkSync(path)) === resolve(path, '..', target);
  } catch {
    return false;
  }
}

/** The lock-file block of the cvi provider: the unix package's checksum and the Windows one. */
export function lockEntry(bundle: Buffer): string {
  const hashes = [...new Set(['linux_amd64', 'windows_amd64'].map((p) => packageHashV1(providerPackageFiles(bundle, p))))].sort();
  return [
    `provider "${PROVIDER_SOURCE}" {`,
    `  version     = "${PROVIDER_VERSION}"`,
    `  constraints = "${PROVIDER_VERSION}"`,
    '  hashes = [',
    ...hashes.map((h) => `    "${h}",`),
    '  ]',
    '}',
  ].join('\n');
}

const LOCK_HEADER = '# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n';

/** Puts the cvi block into `<stackDir>/.terraform.lock.hcl`, keeping every other provider's block. */
export function writeLockEntry(stackDir: string, entry: string): void {
  const file = join(stackDir, '.terraform.lock.hcl');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : LOCK_HEADER;
  const block = new RegExp(`^provider "${PROVIDER_SOURCE.replace(/[./]/g, '\\$&')}" \\{\\n[\\s\\S]*?^\\}\\n?`, 'm');
  const next = block.test(current) ? current.replace(block, `${entry}\n`) : `${current.replace(/\n*$/, '\n')}\n${entry}\n`;
  writeFileAtomic(file, next);
}

/** Installs the provider into the project's mirror (nothing written when current) and links every stack to it. */
export function useProjectProvider(options: ProjectProviderOptions = {}): InstallResult & { stacks: string[] } {
  const projectDir = resolve(options.projectDir ?? process.cwd());
  const installed = installProvider(providerLayout(projectDir, packageRoot(__dirname)));
  const outdir = resolve(projectDir, options.outdir ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out');
  const stacks = linkStacksToMirror(outdir, installed.mirrorDir);
  const entry = lockEntry(readFileSync(installed.entryPoint));
  for (const stack of stacks) writeLockEntry(join(outdir, 'stacks', stack), entry);
  return { ...installed, stacks };
}
