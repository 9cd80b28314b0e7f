/**
 * One stored value as the service's replicas see it: after a write, reads keep answering the
 * value from before the write until the write has replicated (`visibleAt`). This is what makes
 * "write, then read until it agrees several times" necessary in the client, so it is modelled
 * per object rather than as a global delay.
 */
export class Lagged<T> {
  private prior: T;
  private visibleAt = 0;

  constructor(private latest: T) {
    this.prior = latest;
  }

  /** What a read at `now` answers. */
  read(now: number): T {
    return now >= this.visibleAt ? this.latest : this.prior;
  }

  /** The stored truth, whatever replicas answer (for tests and persistence). */
  get truth(): T {
    return this.latest;
  }

  /** A write at `now` that reads see only `lagMs` later; lag 0 is visible at once. */
  write(value: T, now: number, lagMs = 0): void {
    this.prior = this.read(now);
    this.latest = value;
    this.visibleAt = now + Math.max(0, lagMs);
    if (lagMs <= 0) this.prior = value;
  }
}
