/**
 * Which terraform command started this provider process, read from the parent's command line.
 *
 * Why: `terraform destroy` (and `plan -destroy`, `apply -destroy`) first runs a normal-mode plan
 * to refresh the prior state ("Context.destroyPlan: calling Context.plan to get the effect of
 * refreshing the prior state", TF_LOG=trace, Terraform 1.11), and that plan calls
 * PlanResourceChange, with no prior state, for every configured resource missing from state.
 * The request carries nothing that tells a destroy from a real plan. A plan-time check that
 * fails such a create (the adoption rule: an object of that identity exists, e.g. after an
 * interrupted create) would then block the destroy, for an object the destroy never touches.
 * Terraform starts providers directly (the launcher execs node), so the parent is terraform.
 *
 * Read from /proc on Linux and with `ps` on macOS; elsewhere (Windows) the command is unknown
 * and the checks run as in a plan.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let cached: readonly string[] | null | undefined;

/** The parent's argv, or null when it cannot be read. */
export function parentCommandLine(ppid: number = process.ppid, platform: NodeJS.Platform = process.platform): readonly string[] | null {
  try {
    if (platform === 'linux') return readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
    if (platform === 'darwin') return execFileSync('ps', ['-o', 'args=', '-p', String(ppid)], { encoding: 'utf8', timeout: 2000 }).trim().split(/\s+/);
  } catch {
    // gone or not readable: unknown
  }
  return null;
}

/** Whether a terraform argv asks for a destroy: the `destroy` command or a `-destroy` flag. */
export function isDestroyCommand(argv: readonly string[]): boolean {
  const args = argv.slice(1);
  const command = args.find((a) => !a.startsWith('-'));
  return command === 'destroy' || args.some((a) => a === '-destroy' || a === '--destroy' || a === '-destroy=true');
}

/** True when the terraform run that started this process is a destroy (cached: it cannot change). */
export function inDestroyRun(): boolean {
  if (cached === undefined) cached = parentCommandLine();
  return cached !== null && isDestroyCommand(cached);
}
