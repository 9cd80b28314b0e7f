/**
 * Eventual consistency: after a write, replicas keep answering the old value for a while, so
 * a change counts as applied only when it has been read back several times in a row (the
 * azuread provider's rule). Also used by the Terraform provider after its own writes.
 */
import { Deadline, sleep } from './deadline';
import { DeadlineExceededError, ErrorSubject } from './errors';
import type { ConsistencyPolicy } from './types';

export const DEFAULT_CONSISTENCY: ConsistencyPolicy = {
  confirmations: 3,
  intervalMs: 1_000,
  maxIntervalMs: 10_000,
};

export interface WaitOptions {
  readonly subject: ErrorSubject;
  readonly deadline: Deadline;
  readonly policy: ConsistencyPolicy;
  readonly signal?: AbortSignal;
  /** Words for the error, e.g. "provider Pexip to show the new tenant key". */
  readonly what?: string;
}

/**
 * Reads until `seen(value)` holds `policy.confirmations` times in a row and returns the last
 * value. A disagreeing read restarts the count and stretches the interval (up to the maximum).
 * Throws DeadlineExceededError when the deadline comes first; the write itself was accepted.
 */
export async function waitUntilConsistent<T>(read: () => Promise<T>, seen: (value: T) => boolean, opts: WaitOptions): Promise<T> {
  const { policy, deadline } = opts;
  let streak = 0;
  let interval = policy.intervalMs;
  for (;;) {
    const value = await read();
    if (seen(value)) {
      streak++;
      if (streak >= Math.max(1, policy.confirmations)) return value;
    } else {
      streak = 0;
      interval = Math.min(policy.maxIntervalMs, Math.max(interval * 2, 1));
    }
    const wait = seen(value) ? policy.intervalMs : interval;
    if (!deadline.canWait(wait)) {
      throw new DeadlineExceededError(
        opts.subject,
        `while waiting for ${opts.what ?? 'the change'} to be read back ${policy.confirmations} times in a row (the write was accepted; the last read did not show it)`,
      );
    }
    await sleep(wait, opts.signal);
  }
}
