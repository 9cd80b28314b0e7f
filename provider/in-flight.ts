/**
 * In-flight notes: a create writes one under Terraform's working directory before it writes to
 * the tenant, `.terraform/cvi-in-flight/<hash>.json`. Why: when terraform is killed (SIGKILL, a
 * lost CI runner) between the service accepting a create and Terraform persisting its state,
 * the object exists in the tenant and in no state, and the next plan would refuse it as "already
 * exists" (adoption.ts). The note proves it was this configuration's own create, so the next
 * create of the same object adopts it instead, with a warning.
 *
 * A note holds the tenant id, resource type, object id and a time: no secret. It is removed when
 * a refresh finds the object in state (Terraform recorded it), when the object is destroyed, and
 * when the create failed in a way that proves nothing was written. Without a `.terraform`
 * folder (not a Terraform working directory) nothing is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from './server/log';

export interface InFlightNote {
  readonly tenantId: string;
  readonly type: string;
  readonly id: string;
  readonly startedAt: string;
  /** The provider process that wrote it: its own note proves nothing to the create that wrote it. */
  readonly pid: number;
  /**
   * The create wrote part of the object and answered it with an error: Terraform holds it as
   * tainted and plans its replacement as a create of the same object, which this note lets adopt
   * what the tainted object holds. A refresh keeps such a note; the destroy of the tainted object
   * removes it.
   */
  readonly tainted?: boolean;
}

const folder = (dir: string) => join(dir, '.terraform', 'cvi-in-flight');

/** The note's file: one per tenant, type and object id (ids compare without case, as the service does). */
export function notePath(tenantId: string, type: string, id: string, dir: string = process.cwd()): string {
  const hash = createHash('sha256').update(`${tenantId.toLowerCase()}\n${type}\n${id.toLowerCase()}`).digest('hex').slice(0, 32);
  return join(folder(dir), `${hash}.json`);
}

/**
 * Writes the note (atomically); answers its path, or undefined where there is no working
 * directory. A note an earlier run left for the object stays as it is: it is what lets this
 * create adopt the object.
 */
export function writeNote(tenantId: string, type: string, id: string, dir: string = process.cwd()): string | undefined {
  if (!existsSync(join(dir, '.terraform'))) return undefined;
  const path = notePath(tenantId, type, id, dir);
  if (readNote(tenantId, type, id, dir)) return path;
  try {
    mkdirSync(folder(dir), { recursive: true });
    const note: InFlightNote = { tenantId, type, id, startedAt: new Date().toISOString(), pid: process.pid };
    writeFileSync(`${path}.tmp`, `${JSON.stringify(note)}\n`);
    renameSync(`${path}.tmp`, path);
    return path;
  } catch (error) {
    log('warn', `could not write the in-flight note ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The note for that object, when one names it (this process's own included). */
export function readNote(tenantId: string, type: string, id: string, dir: string = process.cwd()): InFlightNote | undefined {
  try {
    const note = JSON.parse(readFileSync(notePath(tenantId, type, id, dir), 'utf8')) as InFlightNote;
    const same = note.tenantId.toLowerCase() === tenantId.toLowerCase() && note.type === type && note.id.toLowerCase() === id.toLowerCase();
    return same ? note : undefined;
  } catch {
    return undefined;
  }
}

/** A note an earlier provider process left: the mark of a create that may have been cut off. */
export function earlierNote(tenantId: string, type: string, id: string, dir: string = process.cwd()): InFlightNote | undefined {
  const note = readNote(tenantId, type, id, dir);
  return note && note.pid !== process.pid ? note : undefined;
}

/** Marks the note of a create answered with partial state (see InFlightNote.tainted). */
export function markTainted(tenantId: string, type: string, id: string, dir: string = process.cwd()): void {
  const note = readNote(tenantId, type, id, dir);
  if (!note || note.tainted) return;
  const path = notePath(tenantId, type, id, dir);
  try {
    writeFileSync(`${path}.tmp`, `${JSON.stringify({ ...note, tainted: true })}\n`);
    renameSync(`${path}.tmp`, path);
  } catch (error) {
    log('warn', `could not update the in-flight note ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function removeNote(tenantId: string, type: string, id: string, dir: string = process.cwd()): void {
  try {
    rmSync(notePath(tenantId, type, id, dir), { force: true });
  } catch {
    // not there, or the folder is read-only: the note only ever allows adopting our own object
  }
}
