/**
 * TeamsAdminClient: the one object the Terraform provider and the CLI use to talk to a
 * tenant's Teams admin API (or the emulator). Each method delegates to its operation module.
 */
import type { TokenCredential } from '@azure/core-auth';
import { CLOUD_HOSTS, Cloud } from './routes';
import { ApiPipeline } from './http';
import { OperationContext } from './context';
import { DEFAULT_RETRY } from './retry';
import { DEFAULT_CONSISTENCY, waitUntilConsistent } from './consistency';
import { PolicyCatalog } from './policies';
import { serialQueue } from './serial-queue';
import * as providers from './providers';
import * as assignments from './assignments';
import * as groups from './groups';
import * as holders from './holders';
import * as federation from './federation';
import { assignPolicyToUsers } from './batch';
import { probe, type ProbeOptions, type ProbeResult } from './probe';
import type {
  AddDomainOutcome,
  BatchOptions,
  BatchResult,
  CallOptions,
  ClientLog,
  ConsistencyPolicy,
  FederationSettings,
  GroupAssignment,
  PolicyHolders,
  RemoveDomainOutcome,
  TenantGrantRead,
  RetryPolicy,
  VideoInteropPolicy,
  ServiceProvider,
  WriteOptions,
} from './types';

export interface TeamsAdminClientOptions {
  /** The tenant (directory) id every call is about. */
  readonly tenantId: string;
  /** Where tokens for TEAMS_ADMIN_SCOPE come from; see `credentialFromEnvironment`. */
  readonly credential: TokenCredential;
  /** Base URL replacing the cloud's host, e.g. the emulator's. http only on loopback. */
  readonly endpoint?: string;
  /** @default 'public' */
  readonly cloud?: Cloud;
  readonly log?: ClientLog;
  readonly retry?: Partial<RetryPolicy>;
  readonly consistency?: Partial<ConsistencyPolicy>;
  /** Deadline of an operation called without one. @default 300000 (5 minutes) */
  readonly defaultTimeoutMs?: number;
  /** Extra CA certificate (PEM) to trust for an https endpoint, e.g. the emulator's. */
  readonly ca?: string | Buffer;
}

export class TeamsAdminClient {
  readonly tenantId: string;
  readonly baseUrl: string;
  private readonly api: ApiPipeline;
  private readonly ctx: OperationContext;
  private readonly policies: PolicyCatalog;
  private readonly federationEdits = serialQueue();

  constructor(opts: TeamsAdminClientOptions) {
    if (!opts.tenantId || opts.tenantId.trim() === '') {
      throw new Error('TeamsAdminClient: tenantId is required (set ARM_TENANT_ID or AZURE_TENANT_ID)');
    }
    this.tenantId = opts.tenantId;
    const base = baseUrlFor(opts.endpoint, opts.cloud ?? 'public');
    this.baseUrl = base.toString();
    this.api = new ApiPipeline({
      tenantId: opts.tenantId,
      credential: opts.credential,
      baseUrl: base,
      retry: { ...DEFAULT_RETRY, ...opts.retry },
      log: opts.log,
      ca: opts.ca,
    });
    const consistency = { ...DEFAULT_CONSISTENCY, ...opts.consistency };
    this.ctx = new OperationContext(opts.tenantId, this.api, consistency, opts.defaultTimeoutMs ?? 300_000);
    this.policies = new PolicyCatalog(this.ctx);
  }

  // ---- providers ----
  listServiceProviders(opts?: CallOptions): Promise<ServiceProvider[]> {
    return providers.listServiceProviders(this.ctx, opts);
  }
  /** Undefined when the tenant has no provider of that identity. */
  getServiceProvider(identity: string, opts?: CallOptions): Promise<ServiceProvider | undefined> {
    return providers.getServiceProvider(this.ctx, identity, opts);
  }
  /** ConflictError when it already exists (import it); never creates twice. */
  createServiceProvider(provider: ServiceProvider, opts?: WriteOptions): Promise<ServiceProvider> {
    return providers.createServiceProvider(this.ctx, provider, opts);
  }
  /** NotFoundError when it does not exist. */
  updateServiceProvider(provider: ServiceProvider, opts?: WriteOptions): Promise<ServiceProvider> {
    return providers.updateServiceProvider(this.ctx, provider, opts);
  }
  /** A provider already gone counts as deleted. */
  deleteServiceProvider(identity: string, opts?: WriteOptions): Promise<void> {
    return providers.deleteServiceProvider(this.ctx, identity, opts);
  }

  // ---- policies and grants ----
  /** Cached per client: tenants cannot add or delete these. Names without `Tag:`. */
  listPolicies(opts?: CallOptions): Promise<VideoInteropPolicy[]> {
    return this.policies.list(opts);
  }
  /** null removes the user's direct assignment. UnknownPolicyError lists the tenant's policies. */
  grantUser(user: string, policyName: string | null, opts?: WriteOptions): Promise<void> {
    return assignments.grantUser(this.ctx, this.policies, user, policyName, opts);
  }
  /** The policy the user effectively gets (bare name), `Global` or null when none is named. */
  getEffectivePolicy(user: string, opts?: CallOptions): Promise<string | null> {
    return assignments.getEffectivePolicy(this.ctx, user, opts);
  }
  /**
   * Of `candidates`, the users holding `policyName`: by the tenant-wide user search when the
   * service answers it, else one read per candidate (`path` and `reason` say which).
   * `allUsers` answers every holder the search found instead (import); the per-user path
   * still answers only candidates.
   */
  usersHoldingPolicy(policyName: string, candidates: readonly string[], opts?: CallOptions & { allUsers?: boolean }): Promise<PolicyHolders> {
    return holders.usersHoldingPolicy(this.ctx, policyName, candidates, opts);
  }
  grantGroup(groupId: string, policyName: string, rank: number, opts?: WriteOptions): Promise<void> {
    return groups.grantGroup(this.ctx, this.policies, groupId, policyName, rank, opts);
  }
  removeGroup(groupId: string, opts?: WriteOptions): Promise<void> {
    return groups.removeGroup(this.ctx, groupId, opts);
  }
  getGroupAssignment(groupId: string, opts?: CallOptions): Promise<GroupAssignment | undefined> {
    return groups.getGroupAssignment(this.ctx, groupId, opts);
  }
  /** Every group assignment of the CVI policy type, in rank order. */
  listGroupAssignments(opts?: CallOptions): Promise<GroupAssignment[]> {
    return groups.listGroupAssignments(this.ctx, opts);
  }
  /**
   * Tenant-wide (Global) grant; null or 'Global' restores the default. Answers what could be
   * read back: `available: false` when the service has no read of it (then unconfirmed).
   */
  grantTenant(policyName: string | null, opts?: WriteOptions): Promise<TenantGrantRead> {
    return assignments.grantTenant(this.ctx, this.policies, policyName, opts);
  }
  /** The tenant-wide assignment (bare name, null for the default), if the service lets it be read. */
  readTenantGrant(opts?: CallOptions): Promise<TenantGrantRead> {
    return assignments.readTenantGrant(this.ctx, opts);
  }
  /** Batches of <= 5,000, <= 3 in flight; BatchAssignmentError (with `.result`) when any user failed. */
  assignPolicyToUsers(policyName: string | null, users: readonly string[], opts?: BatchOptions): Promise<BatchResult> {
    return assignPolicyToUsers(this.ctx, this.policies, policyName, users, opts);
  }

  // ---- federation ----
  getFederation(opts?: CallOptions): Promise<FederationSettings> {
    return federation.getFederation(this.ctx, opts);
  }
  /**
   * Edits of the allow-list are read-modify-writes of the whole list, so one client makes
   * them one at a time: two in flight would each write back a list without the other's entry.
   */
  addAllowedDomain(domain: string, opts?: WriteOptions): Promise<AddDomainOutcome> {
    return this.federationEdits(() => federation.addAllowedDomain(this.ctx, domain, opts));
  }
  removeAllowedDomain(domain: string, opts?: WriteOptions): Promise<RemoveDomainOutcome> {
    return this.federationEdits(() => federation.removeAllowedDomain(this.ctx, domain, opts));
  }

  /**
   * Reads until `seen` holds `confirmations` times in a row (the client's consistency policy
   * unless overridden), bounded by the deadline. For callers that write through other means.
   */
  waitUntilConsistent<T>(
    read: () => Promise<T>,
    seen: (value: T) => boolean,
    opts: CallOptions & { object?: string; consistency?: Partial<ConsistencyPolicy> } = {},
  ): Promise<T> {
    return waitUntilConsistent(read, seen, {
      subject: this.ctx.subject(opts.object ?? 'object'),
      deadline: this.ctx.deadline(opts),
      policy: { ...this.ctx.consistency, ...opts.consistency },
      signal: opts.signal,
      what: opts.object,
    });
  }

  /** Read-only check of every route against the evidence (`cvi probe`); writes nothing. */
  probe(opts?: ProbeOptions): Promise<ProbeResult[]> {
    return probe(this.ctx, opts);
  }

  /** Frees the keep-alive sockets. */
  close(): void {
    this.api.close();
  }
}

/** The API base: the endpoint override (https, or http on loopback only) or the cloud's host. */
export function baseUrlFor(endpoint: string | undefined, cloud: Cloud): URL {
  if (endpoint === undefined) {
    const host = CLOUD_HOSTS[cloud];
    if (!host) throw new Error(`TeamsAdminClient: unknown cloud "${cloud}"; use one of ${Object.keys(CLOUD_HOSTS).join(', ')}`);
    return new URL(host);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`TeamsAdminClient: endpoint "${endpoint}" is not a URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new Error(`TeamsAdminClient: endpoint "${endpoint}" uses http on a non-loopback host; tokens must not travel unencrypted: use https`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`TeamsAdminClient: endpoint "${endpoint}" must be an http(s) URL`);
  }
  return url;
}
