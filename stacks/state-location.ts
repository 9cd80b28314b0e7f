/**
 * Where the local state of a tenant stack lives, and the one-time move from where it used to live.
 *
 * cdktf deletes every folder under `<synth output>/stacks/` that the current synth did not write
 * (`cdktf synth`, `cdktf deploy`, and so `npm run deploy` and `cvi drift` with another
 * CVI_TENANTS_DIR), so a state file in a stack folder was lost whenever another tenants folder was
 * synthesized into the same output. State therefore lives in `state/<tenant>.tfstate` beside the
 * synth output folder: the project root for the default `cdktf.out`, the scratch folder for a
 * demo or a test that sets CDKTF_OUTDIR. CVI_STATE_DIR puts it elsewhere.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The state folder, absolute: $CVI_STATE_DIR, else `state` in the folder that holds the synth output. */
export function stateDir(outdir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.CVI_STATE_DIR) return path.resolve(env.CVI_STATE_DIR);
  return path.join(path.dirname(path.resolve(outdir)), 'state');
}

/** The folder of a stack in the synth output, where terraform runs. */
export function stackDir(outdir: string, tenant: string): string {
  return path.join(path.resolve(outdir), 'stacks', tenant);
}

/**
 * The local backend path of a tenant: relative to its stack folder, with forward slashes, so the
 * JSON carries no absolute path and still works where it is applied (synth here, apply there).
 */
export function localStatePath(outdir: string, tenant: string, states: string = stateDir(outdir)): string {
  return path.relative(stackDir(outdir, tenant), path.join(states, `${tenant}.tfstate`)).split(path.sep).join('/');
}

/** Where the default local state was before it moved out of the synth output. */
export function legacyStateFile(outdir: string, tenant: string): string {
  return path.join(stackDir(outdir, tenant), `terraform.${tenant}.tfstate`);
}

/** A free name for a state that must not overwrite another: `<file>.from-cdktf-out[-N]`. */
function freeName(file: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${file}.from-cdktf-out${n === 1 ? '' : `-${n}`}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** Moves a file, across file systems too; never replaces an existing target. */
function moveFile(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fs.rmSync(from);
}

/**
 * Terraform remembers the backend of a working directory in `.terraform/terraform.tfstate` (its
 * configuration, no resources), and `terraform init` refuses a changed local path unless told to
 * migrate. Once the state has moved, that memory only stands in the way: drop it so the next init
 * starts the backend afresh at the new path.
 */
function forgetLocalBackend(stack: string): void {
  const memory = path.join(stack, '.terraform', 'terraform.tfstate');
  try {
    const backend = JSON.parse(fs.readFileSync(memory, 'utf8')) as { backend?: { type?: string } };
    if (backend.backend?.type === 'local') fs.rmSync(memory);
  } catch {
    // No memory, or not Terraform's: nothing to forget.
  }
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Moves every stack folder's old default state (and its backup) to the state folder, for the
 * tenants of this synth and for the folders cdktf is about to delete alike. An existing state is
 * never overwritten: the older copy then lands beside it as `<tenant>.tfstate.from-cdktf-out`.
 * One line per moved file goes to `log`. Returns the tenants whose state moved.
 */
export function moveLegacyStates(outdir: string, states: string, log: (line: string) => void): string[] {
  const stacksDir = path.join(path.resolve(outdir), 'stacks');
  if (!fs.existsSync(stacksDir)) return [];
  const moved: string[] = [];
  for (const tenant of fs.readdirSync(stacksDir).sort()) {
    const legacy = legacyStateFile(outdir, tenant);
    if (!fs.existsSync(legacy)) continue;
    const target = path.join(states, `${tenant}.tfstate`);
    for (const [from, to] of [
      [legacy, target],
      [`${legacy}.backup`, `${target}.backup`],
    ]) {
      if (!fs.existsSync(from)) continue;
      if (!fs.existsSync(to)) {
        moveFile(from, to);
        log(`state: moved ${display(from)} to ${display(to)} (state no longer lives in the synth output)`);
      } else {
        const aside = freeName(to);
        moveFile(from, aside);
        log(`state: ${display(to)} already exists and was kept; moved the older ${display(from)} beside it as ${display(aside)}: compare them and keep one`);
      }
    }
    forgetLocalBackend(stackDir(outdir, tenant));
    moved.push(tenant);
  }
  return moved;
}
