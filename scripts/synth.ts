/**
 * Runs the project's main job (every tenant file becomes a stack in the synth output) as its own
 * process, the way `cdktf synth` runs the app: a fresh process per synth keeps a long-lived caller
 * (the demo, the drift command) free of cdktf's global state.
 */
import * as path from 'path';
import { runProcess, ProcessResult } from './run-process';
import { projectRoot } from './project';

export interface SynthOptions {
  /** Synth output folder (cdktf's App reads CDKTF_OUTDIR). */
  readonly outDir: string;
  /** Extra environment, e.g. CVI_TENANTS_DIR or CVI_TEAMS_ENDPOINT. */
  readonly env?: NodeJS.ProcessEnv;
  readonly root?: string;
}

export function synth(options: SynthOptions): Promise<ProcessResult> {
  const root = options.root ?? projectRoot();
  const tsNode = require.resolve('ts-node/dist/bin.js', { paths: [root] });
  return runProcess(process.execPath, [tsNode, '--transpile-only', path.join(root, 'main.ts')], {
    cwd: root,
    env: { ...process.env, ...options.env, CDKTF_OUTDIR: options.outDir },
  });
}
