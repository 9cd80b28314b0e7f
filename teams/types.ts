/**
 * Domain types of the Teams admin client: camelCase at the edge, converted from the
 * PascalCase wire shapes of `wire.ts` in exactly one place per object (the operation modules).
 */

/** A video interop service provider (New-/Set-CsVideoInteropServiceProvider). */
export interface ServiceProvider {
  /** Pexip, Polycom, Cisco or BlueJeans; must match a policy name for invites to be stamped. */
  readonly identity: string;
  /** The vendor's IVR address shown in invites, e.g. `teams@contoso.com`. Required on create. */
  readonly tenantKey: string;
  /** Alternate VTC dialing instructions link carrying `{ConfId}`; undefined when unset. */
  readonly instructionUri?: string;
  /** The vendor bots' app ids (the wire joins them with `;`). */
  readonly aadApplicationIds: readonly string[];
  /** VTCs joining through the vendor bots count as authenticated (lobby bypass). */
  readonly allowAppGuestJoinsAsAuthenticated: boolean;
}

/** A pre-built TeamsVideoInteropServicePolicy instance. */
export interface VideoInteropPolicy {
  /** Name without the `Tag:` prefix, e.g. `PexipServiceProviderEnabled` or `Global`. */
  readonly name: string;
  readonly description?: string;
  readonly providerName: string;
  readonly enabled: boolean;
}

/** A group's CVI policy assignment. */
export interface GroupAssignment {
  readonly groupId: string;
  /** Policy name without `Tag:`. */
  readonly policyName: string;
  /** 1 is the highest precedence. */
  readonly rank: number;
}

/** The tenant's federation settings, reduced to what CVI needs. */
export interface FederationSettings {
  readonly allowFederatedUsers: boolean;
  /** True when the tenant allows all known domains (no allow-list at all). */
  readonly allowAllKnownDomains: boolean;
  /** The allow-list; empty with allowAllKnownDomains false means "federate with nobody". */
  readonly allowedDomains: readonly string[];
  readonly blockedDomains: readonly string[];
}

/**
 * The tenant-wide grant as far as the service lets it be read: no read route is proven (§6), so
 * `available: false` (with the reason) is a normal answer, never an error.
 */
export type TenantGrantRead = { readonly available: true; readonly policyName: string | null } | { readonly available: false; readonly reason: string };

/**
 * Users holding a policy, and how that was learnt: the tenant-wide user search (a candidate
 * route), or one effective-policy read per declared user when the search was unavailable.
 */
export interface PolicyHolders {
  readonly users: readonly string[];
  readonly path: 'search' | 'per-user';
  /** Why the search was not used (path 'per-user'). */
  readonly reason?: string;
}

export type AddDomainOutcome = 'added' | 'already-allowed' | 'allow-all';
export type RemoveDomainOutcome = 'removed' | 'absent' | 'allow-all' | 'kept-last-entry';

/** Options every operation takes. */
export interface CallOptions {
  /**
   * Epoch milliseconds after which no call (and so no write) is started; retries and waits
   * never sleep past it. Default: now + the client's `defaultTimeoutMs`.
   */
  readonly deadline?: number;
  /** Cancels the operation between attempts and aborts the request in flight. */
  readonly signal?: AbortSignal;
}

/** Options of writes: they also wait until reads agree, unless told not to. */
export interface WriteOptions extends CallOptions {
  /** Wait until the change is read back `confirmations` times in a row. Default true. */
  readonly waitForConsistency?: boolean;
}

/** Progress of a batch assignment, reported after each submission and poll. */
export interface BatchProgress {
  readonly total: number;
  /** Batches whose operation was accepted by the service. */
  readonly batchesSubmitted: number;
  readonly batchesCompleted: number;
  readonly batches: number;
  /** Users the service has finished, successfully or not. */
  readonly usersCompleted: number;
  readonly usersFailed: number;
}

export interface BatchOptions extends CallOptions {
  readonly onProgress?: (progress: BatchProgress) => void;
  /** At most this many users per batch (the service limit, 5,000, is also the default). */
  readonly batchSize?: number;
  /** At most this many batches in flight (the service asks for "a few"; default 3). */
  readonly maxInFlight?: number;
  /** First poll delay; doubles up to `maxPollIntervalMs`. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Default 10,000 ms. */
  readonly maxPollIntervalMs?: number;
  /** Name shown in Get-CsBatchPolicyAssignmentOperation. */
  readonly operationName?: string;
}

export interface BatchUserError {
  readonly user: string;
  /** The service's result text for that user. */
  readonly message: string;
}

export interface BatchResult {
  readonly total: number;
  readonly succeeded: number;
  readonly errors: readonly BatchUserError[];
  readonly operationIds: readonly string[];
}

/** How `waitUntilConsistent` reads back a change. */
export interface ConsistencyPolicy {
  /** Reads in a row that must agree before a change counts as applied. Default 3. */
  readonly confirmations: number;
  /** Delay between reads. Default 1,000 ms. */
  readonly intervalMs: number;
  /** The delay grows to this after a read that disagrees. Default 10,000 ms. */
  readonly maxIntervalMs: number;
}

/** How failed calls are retried. */
export interface RetryPolicy {
  /** Attempts per call, first included. Default 10. */
  readonly maxAttempts: number;
  /** First backoff cap (full jitter draws in [0, cap]). Default 1,000 ms. */
  readonly baseDelayMs: number;
  /** Largest backoff cap. Default 60,000 ms. */
  readonly maxDelayMs: number;
  /** Per-attempt timeout; a call that outlives it counts as a lost response. Default 60,000 ms. */
  readonly attemptTimeoutMs: number;
  /**
   * A write is started only while at least this much of the deadline is left, so it can be
   * applied before the deadline rather than just sent before it. Default 2,000 ms.
   */
  readonly writeMarginMs: number;
  /** Source of jitter in [0, 1). Default Math.random. */
  readonly random: () => number;
}

/** One line of the client's log. Never carries a token, secret or header. */
export interface ClientLogEntry {
  readonly level: 'debug' | 'info' | 'warn';
  readonly message: string;
  readonly tenantId: string;
  readonly method?: string;
  readonly route?: string;
  readonly status?: number;
  readonly attempt?: number;
  readonly durationMs?: number;
}

export type ClientLog = (entry: ClientLogEntry) => void;
