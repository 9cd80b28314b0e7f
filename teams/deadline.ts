/**
 * The caller's deadline for one operation: nothing is started after it and no wait sleeps
 * past it, so a Terraform timeout or a CI job limit is never overrun by a retry loop.
 */
import { DeadlineExceededError, ErrorSubject } from './errors';

export type Clock = () => number;

export class Deadline {
  constructor(
    /** Epoch milliseconds. */
    readonly at: number,
    private readonly now: Clock = Date.now,
  ) {}

  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  expired(): boolean {
    return this.now() >= this.at;
  }

  /** Throws unless there is still time to start `what`. */
  assertTimeLeft(subject: ErrorSubject, what: string): void {
    if (this.expired()) throw new DeadlineExceededError(subject, `before ${what}`);
  }

  /** True when waiting `ms` and then doing anything would still start before the deadline. */
  canWait(ms: number): boolean {
    return this.now() + ms < this.at;
  }
}

/** Sleeps `ms`, woken early (with a rejection) by `signal`. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('operation aborted');
}
