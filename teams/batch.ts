/**
 * One policy for many users through batch operations (New-/Get-CsBatchPolicyAssignmentOperation):
 * at most 5,000 users a batch and a few batches in flight, as the service asks, each polled
 * with backoff until done; per-user errors are collected, not lost.
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import type { BatchBody } from './wire';
import { readBatchStatus, readOperationId, type BatchStatus } from './wire-read';
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

/**
 * A user's result counts as an error unless the service reports success. The state and result
 * values are not in the evidence (§8 names the keys only): "Completed" with an empty or
 * "Success..." result is read as success, case-insensitively.
 */
export function isUserSuccess(state: { state: string; result: string }): boolean {
  return /^completed$/i.test(state.state) && (state.result === '' || /^success/i.test(state.result));
}

/** The operation name shown by Get-CsBatchPolicyAssignmentOperation; a query parameter (§8, High). */
const operationNameOf = (base: string | undefined, index: number, count: number) => `${base ?? 'cvi policy assignment'} (${index + 1}/${count})`;

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
      const request: BatchBody = {
        policy: { policyType: VIDEO_INTEROP_POLICY_TYPE, policyName: resolved !== null && resolved.toLowerCase() === 'global' ? null : resolved },
        identities: batches[index],
        additionalParameters: {},
      };
      const id = await submit(ctx, request, operationNameOf(opts.operationName, index, batches.length), deadline, subject, opts.signal);
      operationIds[index] = id;
      tally.batchesSubmitted++;
      report();
      const done = await poll(ctx, id, deadline, subject, opts, (op) => {
        // CompletedCount includes the users that failed.
        tally.completed[index] = Math.min(batches[index].length, op.completedCount);
        tally.failed[index] = op.errorCount;
        report();
      });
      for (const u of done.userState) if (!isUserSuccess(u)) errors.push({ user: u.id, message: u.result || u.state });
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
async function submit(
  ctx: OperationContext,
  body: BatchBody,
  operationName: string,
  deadline: Deadline,
  subject: ReturnType<OperationContext['subject']>,
  signal?: AbortSignal,
): Promise<string> {
  const res = await ctx.api.call<unknown>({
    method: 'POST',
    path: routes.batchOperations(),
    query: { operationName },
    body,
    subject,
    deadline,
    signal,
    idempotent: true,
  });
  const id = readOperationId(res.body);
  if (!id) throw new ServiceError(subject, 'the service accepted a batch without an OperationId');
  return id;
}

async function poll(
  ctx: OperationContext,
  operationId: string,
  deadline: Deadline,
  subject: ReturnType<OperationContext['subject']>,
  opts: BatchOptions,
  onStatus: (op: BatchStatus) => void,
): Promise<BatchStatus> {
  let interval = opts.pollIntervalMs ?? 500;
  const maxInterval = opts.maxPollIntervalMs ?? 10_000;
  for (;;) {
    if (!deadline.canWait(interval)) {
      throw new DeadlineExceededError(subject, `while batch operation ${operationId} was still running (it continues at the service)`);
    }
    await sleep(interval, opts.signal);
    const res = await ctx.api.call<unknown>({
      method: 'GET',
      path: routes.batchOperation(operationId),
      subject,
      deadline,
      signal: opts.signal,
    });
    const status = readBatchStatus(res.body);
    if (!status) throw new ServiceError(subject, `batch operation ${operationId} answered without an overallStatus`);
    onStatus(status);
    if (/^completed$/i.test(status.overallStatus)) return status;
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
