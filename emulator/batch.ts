import { randomUUID } from 'node:crypto';
import type { WireBatchStatus } from './wire';

type UserStateValue = WireBatchStatus['overallStatus'];
import { isUserIdentity } from './identity';
import type { TenantState } from './tenant-state';

/** Users per batch, as New-CsBatchPolicyAssignmentOperation allows. */
export const MAX_BATCH_IDENTITIES = 5000;
/** How long an accepted operation waits in NotStarted before the service picks it up. */
export const BATCH_START_DELAY_MS = 10;

interface UserResult {
  Id: string;
  done: boolean;
  Result: string;
}

/**
 * One batch assignment operation. Progress is a function of time (user i completes at
 * start + (i+1) * perUserMs), and completed users' grants are applied lazily whenever the
 * tenant is next touched, so there are no timers to leak and results do not depend on
 * event-loop scheduling.
 */
export class BatchOperation {
  readonly id = randomUUID();
  private readonly results: UserResult[];
  private applied = 0;
  private readonly startAt: number;

  private readonly createdTime: string;

  constructor(
    private readonly tenant: TenantState,
    private readonly policy: string | null,
    identities: string[],
    createdAt: number,
    private readonly perUserMs: number,
    private readonly lagMs: number,
    readonly operationName = '',
  ) {
    this.createdTime = new Date(createdAt).toISOString();
    this.startAt = createdAt + BATCH_START_DELAY_MS;
    this.results = identities.map((Id) => ({ Id, done: false, Result: '' }));
  }

  private completedBy(now: number): number {
    if (now < this.startAt) return 0;
    if (this.perUserMs <= 0) return this.results.length;
    return Math.min(this.results.length, Math.floor((now - this.startAt) / this.perUserMs));
  }

  /** Applies the grants of users that have completed by `now`, each at its completion time. */
  advance(now: number): void {
    const target = this.completedBy(now);
    for (; this.applied < target; this.applied++) {
      const user = this.results[this.applied];
      const at = this.startAt + (this.applied + 1) * Math.max(0, this.perUserMs);
      if (!isUserIdentity(user.Id)) user.Result = `"${user.Id}" is not a user object id (GUID), UPN or SIP address`;
      else if (this.tenant.isUnknownUser(user.Id)) user.Result = `user "${user.Id}" was not found in the tenant`;
      else this.tenant.writeUserPolicy(user.Id, this.policy, at, this.lagMs);
      user.done = true;
    }
  }

  get finished(): boolean {
    return this.applied === this.results.length;
  }

  /** §8 status, camelCase; the list route answers it without `userState`. */
  status(now: number, withUsers = true): WireBatchStatus {
    this.advance(now);
    const started = now >= this.startAt;
    const completed = this.applied;
    const pending = this.results.length - completed;
    const userState = (u: UserResult): UserStateValue => (u.done ? 'Completed' : started ? 'InProgress' : 'NotStarted');
    const done = pending === 0;
    return {
      operationId: this.id,
      operationName: this.operationName,
      overallStatus: done ? 'Completed' : started ? 'InProgress' : 'NotStarted',
      notStartedCount: started ? 0 : pending,
      inProgressCount: started ? pending : 0,
      completedCount: completed,
      errorCount: this.results.filter((u) => u.done && u.Result !== '').length,
      createdBy: 'emulator',
      createdTime: this.createdTime,
      completedTime: done ? new Date(this.startAt + this.results.length * Math.max(0, this.perUserMs)).toISOString() : null,
      ...(withUsers ? { userState: this.results.map((u) => ({ id: u.Id, state: userState(u), result: u.Result })) } : {}),
    };
  }
}

/** The batch operations of every tenant; kept in memory only (not persisted). */
export class BatchRegistry {
  private readonly byTenant = new Map<string, Map<string, BatchOperation>>();

  add(tenantId: string, op: BatchOperation): void {
    const ops = this.byTenant.get(tenantId) ?? new Map<string, BatchOperation>();
    this.byTenant.set(tenantId, ops);
    ops.set(op.id, op);
  }

  get(tenantId: string, operationId: string): BatchOperation | undefined {
    return this.byTenant.get(tenantId)?.get(operationId);
  }

  all(tenantId: string): BatchOperation[] {
    return [...(this.byTenant.get(tenantId)?.values() ?? [])];
  }

  /** Lets background work catch up before anyone reads the tenant. */
  advance(tenantId: string, now: number): void {
    for (const op of this.byTenant.get(tenantId)?.values() ?? []) if (!op.finished) op.advance(now);
  }
}
