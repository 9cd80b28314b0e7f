/**
 * The provider as it was before users became a map (users a set(string)), built honestly from
 * its own sources: `git archive` of that commit into a scratch directory, this checkout's
 * node_modules linked in, and that commit's own `npm run provider:install`, which bundles it
 * and lays out a mirror and CLI configuration inside the scratch directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The last commit with users as set(string). */
export const SET_SHAPE_COMMIT = 'd037309';

export interface BuiltProvider {
  readonly dir: string;
  /** Pass as TF_CLI_CONFIG_FILE. */
  readonly cliConfigFile: string;
}

export function buildOldProvider(projectRoot: string, commit = SET_SHAPE_COMMIT): BuiltProvider {
  const dir = mkdtempSync(join(tmpdir(), `cvi-provider-${commit}-`));
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['-C', projectRoot, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync('npm', ['run', '--silent', 'provider:install'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CVI_PROVIDER_INSTALL: '' } });
  const cliConfigFile = join(dir, '.cvi', 'terraformrc');
  if (!existsSync(cliConfigFile)) throw new Error(`building the provider of ${commit} in ${dir} left no ${cliConfigFile}`);
  return { dir, cliConfigFile };
}
