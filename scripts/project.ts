/**
 * Where the project's files are and the environment every Terraform run of ours gets. Shared by
 * `cvi drift`, the deploy/diff scripts and the demo, so they all use the project's own CLI config
 * (the filesystem mirror that serves the `cvi` provider) and never the machine's.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * The project root: the folder of package.json above this file (works from src and dist). When
 * this file runs from an installed cdktf-teams-cvi (a tenants project's node_modules), the project
 * is the one being worked in: the nearest package.json at or above the working directory.
 */
export function projectRoot(): string {
  const start = __dirname.split(path.sep).includes('node_modules') ? process.cwd() : __dirname;
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The Terraform CLI config laid out by `npm run provider:install` (absolute, as Terraform needs). */
export function terraformrcPath(root: string = projectRoot()): string {
  return path.join(root, '.cvi', 'terraformrc');
}

/** The synth output folder: env CDKTF_OUTDIR (what cdktf's App reads), else `cdktf.out`. */
export function outDir(root: string = projectRoot(), env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.CDKTF_OUTDIR ?? 'cdktf.out');
}

/**
 * Environment of a Terraform process: the caller's (credentials stay in env, never in files) plus
 * the project's CLI config, no shared plugin cache, no update checks and Terraform's automation mode (no "run apply next" hints).
 */
export function terraformEnv(root: string = projectRoot(), base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    TF_CLI_CONFIG_FILE: terraformrcPath(root),
    // cdktf otherwise points every run at ~/.terraform.d/plugin-cache, shared by every checkout
    // on the machine: another checkout's build of cvi 0.1.0 (other bytes, same version) replaces
    // the cached package under a running init, which then fails its lock-file checksum.
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
  };
}
