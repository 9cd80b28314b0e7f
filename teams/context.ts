/** What every operation module needs from the client, passed explicitly rather than via `this`. */
import type { ApiPipeline } from './http';
import { Deadline } from './deadline';
import { waitUntilConsistent } from './consistency';
import type { CallOptions, ConsistencyPolicy, WriteOptions } from './types';
import type { ErrorSubject } from './errors';

export class OperationContext {
  constructor(
    readonly tenantId: string,
    readonly api: ApiPipeline,
    readonly consistency: ConsistencyPolicy,
    private readonly defaultTimeoutMs: number,
  ) {}

  deadline(opts?: CallOptions): Deadline {
    return new Deadline(opts?.deadline ?? Date.now() + this.defaultTimeoutMs);
  }

  subject(object: string): ErrorSubject {
    return { tenantId: this.tenantId, object };
  }

  /** After a write: read until it agrees, unless the caller opted out. */
  async confirm<T>(
    opts: WriteOptions | undefined,
    deadline: Deadline,
    subject: ErrorSubject,
    what: string,
    read: () => Promise<T>,
    seen: (value: T) => boolean,
  ): Promise<void> {
    if (opts?.waitForConsistency === false) return;
    await waitUntilConsistent(read, seen, { subject, deadline, policy: this.consistency, signal: opts?.signal, what });
  }

  /** Reads until the object shows up once (the primary said it exists; a replica may lag). */
  async confirmPresence<T>(read: () => Promise<T | undefined>, deadline: Deadline, subject: ErrorSubject): Promise<T | undefined> {
    const once = { ...this.consistency, confirmations: 1 };
    try {
      return await waitUntilConsistent(read, (v) => v !== undefined, { subject, deadline, policy: once, what: `${subject.object} to be readable` });
    } catch {
      return undefined;
    }
  }
}
