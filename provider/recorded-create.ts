/**
 * A create that Terraform can always account for. Before writing, an in-flight note names the
 * object (in-flight.ts), so a create whose answer never reached a persisted state (terraform
 * killed) is adopted by the next apply instead of refused or made twice. When the create fails
 * with an outcome the provider cannot know (stopped by Ctrl-C after the grace period, deadline
 * passed during replication waits, connection lost), the object is read back, bounded by
 * CVI_READBACK_MS (default 5 s): found as planned, it is answered as created, with a warning;
 * found otherwise, Terraform records it with the error (PartialApplyError, tainted); not found,
 * the error says so and the note stays for the next apply. A failure that proves nothing was
 * written (the service refused, a plan check) removes the note.
 */
import { DiagnosticError, PartialApplyError } from './diagnostics';
import { markTainted, removeNote, writeNote } from './in-flight';
import { sameValue } from './plan';
import type { ResourceContext, ResourceType } from './resources/resource';
import { isUnknown, type TfObject } from './server/values';
import { TenantLists } from './tenant-lists';

export const DEFAULT_READBACK_MS = 5_000;

/** Errors after which nothing was written: the service answered a refusal, or our own checks. */
const REFUSALS = new Set([
  'ConflictError',
  'NotFoundError',
  'InvalidInputError',
  'UnknownPolicyError',
  'ForbiddenError',
  'UnauthorizedError',
  'AuthenticationError',
  'BatchAssignmentError',
]);

export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof DiagnosticError || error instanceof PartialApplyError) return false;
  if (!(error instanceof Error)) return true;
  if (REFUSALS.has(error.name)) return false;
  const status = (error as { status?: unknown }).status;
  return !(typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429);
}

export function readBackMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.CVI_READBACK_MS);
  return env.CVI_READBACK_MS !== undefined && env.CVI_READBACK_MS !== '' && Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_READBACK_MS;
}

/** The same session with its own short deadline and signal: the stop signal may have fired already. */
function readBackContext(ctx: ResourceContext, ms: number): ResourceContext {
  const signal = AbortSignal.timeout(Math.max(ms, 1));
  const callOptions = () => ({ deadline: Date.now() + ms, signal });
  const session = { ...ctx.session, callOptions, lists: new TenantLists(ctx.session.client, callOptions) };
  return { session, warn: ctx.warn };
}

/** Planned values that were known equal what was read (unknown planned values are the service's to fill). */
function asPlanned(planned: TfObject, found: TfObject): boolean {
  return Object.entries(planned).every(([name, value]) => isUnknown(value) || name === 'take_over' || sameValue(value, found[name] ?? null));
}

/** Reads until the object shows or `ms` have passed: a write in flight may still land. */
async function readBack(type: ResourceType, ctx: ResourceContext, planned: TfObject, ms: number): Promise<TfObject | null> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const found = await type.read(readBackContext(ctx, Math.max(end - Date.now(), 1)), planned);
      // The very object passed in means the read could not see the tenant (the tenant-wide grant
      // without a read, evidence §6): that proves nothing either way.
      if (found === planned) return null;
      if (found) return found;
    } catch {
      // a failed read proves nothing: try again while time is left
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(READBACK_INTERVAL_MS, Math.max(end - Date.now(), 0))));
  }
  return null;
}

const READBACK_INTERVAL_MS = 250;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `dir`: Terraform's working directory, where the in-flight note goes (the provider's own). */
export async function recordedCreate(type: ResourceType, ctx: ResourceContext, planned: TfObject, dir: string = process.cwd()): Promise<TfObject> {
  const tenantId = ctx.session.tenantId;
  const id = typeof planned.id === 'string' ? planned.id : undefined;
  const note = id === undefined ? undefined : writeNote(tenantId, type.name, id, dir);
  const what = `${type.name} ${id ?? '(id not known before apply)'}`;
  try {
    return await type.create(ctx, planned);
  } catch (error) {
    if (!outcomeUnknown(error)) {
      if (id !== undefined) {
        if (error instanceof PartialApplyError) markTainted(tenantId, type.name, id, dir);
        else removeNote(tenantId, type.name, id, dir);
      }
      throw error;
    }
    // An abort shows as "The operation was aborted": the stop signal says who stopped it and why.
    const stopped = ctx.session.callOptions().signal;
    const reason = stopped.aborted && stopped.reason instanceof Error ? stopped.reason.message : reasonOf(error);
    const ms = readBackMs();
    const found = await readBack(type, ctx, planned, ms);
    if (found && asPlanned(planned, found)) {
      ctx.warn(
        `Created, though the create was interrupted: ${what}`,
        `tenant ${tenantId}: the create ended without an answer (${reason}), and a read-back found the object as planned: it is recorded in state.`,
      );
      return { ...planned, ...Object.fromEntries(Object.entries(found).filter(([name]) => isUnknown(planned[name] ?? null))) };
    }
    if (found) {
      if (id !== undefined) markTainted(tenantId, type.name, id, dir);
      throw new PartialApplyError(
        found,
        new DiagnosticError('Create interrupted', `tenant ${tenantId}: ${what} exists, but not as planned, after the create ended without an answer (${reason}); it is recorded in state as tainted.`),
      );
    }
    throw new DiagnosticError(
      'Create interrupted',
      `tenant ${tenantId}: the create of ${what} ended without an answer (${reason}), and a read-back within ${ms} ms did not find it. ` +
        (note
          ? `If it appears later (replicas lag), the next apply adopts it: ${note} names it as this configuration's own.`
          : 'If it appears later, import it or set take_over = true.'),
    );
  }
}
