/**
 * One policy for many users through batch operations (New-/Get-CsBatchPolicyAssignmentOperation):
 * at most 5,000 users a batch and a few batches in flight, as the service asks, each polled
 * with backoff until done; per-user errors are collected, not lost.
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import type { WireBatchAccepted, WireBatchOperation, WireBatchRequest } from './wire';
import type { OperationContext } from './context';
import type { PolicyCatalog } from './policies';
import { Deadline, sleep } from './deadline';
import { BatchAssignmentError, DeadlineExceededError, InvalidInputError, ServiceError } from './errors';
import type { BatchOptions, BatchProgress, BatchResult, BatchUserError } from './types';

export const MAX_BATCH_SIZE = 5_000;
export const DEFAULT_MAX_IN_FLIGHT = 3;

interface Tally {
  batchesSubmitted: number;
  batchesCompleted: number;
  /** Per batch: users completed so far (a poll reports the running count). */
  completed: number[];
  failed: number[];
}

/** Splits users into batches, dropping repeats (identities compare case-insensitively). */
export function splitIntoBatches(users: readonly string[], size: number): string[][] {
  const seen = new Set<string>();
  const unique = users.filter((u) => {
    const key = u.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  return batches;
}

/** A user's result counts as an error unless the service reports success. */
export function isUserSuccess(state: { State: string; Result: string }): boolean {
  return state.State === 'Completed' && (state.Result === '' || /^success/i.test(state.Result));
}

export async function assignPolicyToUsers(
  ctx: OperationContext,
  policies: PolicyCatalog,
  policyName: string | null,
  users: readonly string[],
  opts: BatchOptions = {},
): Promise<BatchResult> {
  const object = `batch assignment of ${policyName ?? 'no policy'} to ${users.length} users`;
  const subject = ctx.subject(object);
  const size = opts.batchSize ?? MAX_BATCH_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_SIZE) {
    throw new InvalidInputError(subject, `batchSize must be 1..${MAX_BATCH_SIZE}, got ${size}`);
  }
  const resolved = policyName === null ? null : await policies.resolve(policyName, object, opts);
  const deadline = ctx.deadline(opts);
  const batches = splitIntoBatches(users, size);
  const total = batches.reduce((n, b) => n + b.length, 0);
  const tally: Tally = { batchesSubmitted: 0, batchesCompleted: 0, completed: batches.map(() => 0), failed: batches.map(() => 0) };
  const report = (): void => opts.onProgress?.(progress(tally, batches.length, total));
  const operationIds: string[] = new Array(batches.length);
  const errors: BatchUserError[] = [];

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const index = next++;
      const request: WireBatchRequest = {
        PolicyType: VIDEO_INTEROP_POLICY_TYPE,
        PolicyName: resolved !== null && resolved.toLowerCase() === 'global' ? null : resolved,
        Identities: batches[index],
        ...(opts.operationName ? { OperationName: `${opts.operationName} (${index + 1}/${batches.length})` } : {}),
      };
      const id = await submit(ctx, request, deadline, subject, opts.signal);
      operationIds[index] = id;
      tally.batchesSubmitted++;
      report();
      const done = await poll(ctx, id, deadline, subject, opts, (op) => {
        // CompletedCount includes the users that failed.
        tally.completed[index] = Math.min(batches[index].length, op.CompletedCount);
        tally.failed[index] = op.ErrorCount;
        report();
      });
      for (const u of done.UserState) if (!isUserSuccess(u)) errors.push({ user: u.Id, message: u.Result || u.State });
      tally.batchesCompleted++;
      report();
    }
  };
  const inFlight = Math.max(1, Math.min(opts.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, batches.length));
  await Promise.all(Array.from({ length: inFlight }, worker));

  const result: BatchResult = { total, succeeded: total - errors.length, errors, operationIds };
  if (errors.length > 0) throw new BatchAssignmentError(subject, result);
  return result;
}

/**
 * POST of one batch. Sending it again after a lost response is safe in effect (the same users
 * get the same policy); the cost is at most one extra operation record at the service.
 */
async function submit(ctx: OperationContext, body: WireBatchRequest, deadline: Deadline, subject: ReturnType<OperationContext['subject']>, signal?: AbortSignal): Promise<string> {
  const res = await ctx.api.call<WireBatchAccepted>({
    method: 'POST',
    path: routes.batchAssignments(),
    body,
    subject,
    deadline,
    signal,
    idempotent: true,
  });
  const id = res.body?.OperationId;
  if (!id) throw new ServiceError(subject, 'the service accepted a batch without an OperationId');
  return id;
}

async function poll(
  ctx: OperationContext,
  operationId: string,
  deadline: Deadline,
  subject: ReturnType<OperationContext['subject']>,
  opts: BatchOptions,
  onStatus: (op: WireBatchOperation) => void,
): Promise<WireBatchOperation> {
  let interval = opts.pollIntervalMs ?? 500;
  const maxInterval = opts.maxPollIntervalMs ?? 10_000;
  for (;;) {
    if (!deadline.canWait(interval)) {
      throw new DeadlineExceededError(subject, `while batch operation ${operationId} was still running (it continues at the service)`);
    }
    await sleep(interval, opts.signal);
    const res = await ctx.api.call<WireBatchOperation>({
      method: 'GET',
      path: routes.batchAssignment(operationId),
      subject,
      deadline,
      signal: opts.signal,
    });
    if (!res.body) throw new ServiceError(subject, `batch operation ${operationId} answered without a body`);
    onStatus(res.body);
    if (res.body.OverallStatus === 'Completed') return res.body;
    interval = Math.min(maxInterval, interval * 2);
  }
}

function progress(t: Tally, batches: number, total: number): BatchProgress {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    total,
    batches,
    batchesSubmitted: t.batchesSubmitted,
    batchesCompleted: t.batchesCompleted,
    usersCompleted: sum(t.completed),
    usersFailed: sum(t.failed),
  };
}
