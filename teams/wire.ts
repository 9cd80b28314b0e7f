/**
 * JSON shapes on the wire of the Teams admin API, as the client sends and reads them and the
 * emulator serves them. Property names are the PowerShell objects' (PascalCase) because the
 * API returns those objects. Client code converts to camelCase domain types at its edge.
 */

/** GET serviceDiscovery. */
export interface WireServiceDiscovery {
  /** Base URI of the tenant's admin endpoint; later calls send it in X-MS-Target-Uri. */
  AdminEndpoint: string;
}

/** A video interop service provider (VideoInteropServiceProvider configuration). */
export interface WireProvider {
  Identity: string;
  /** Required on create: the vendor's IVR address shown in invites. */
  TenantKey: string;
  InstructionUri?: string | null;
  /** Semicolon-separated GUIDs of the vendor bots' apps, e.g. "a;b". */
  AadApplicationIds?: string | null;
  AllowAppGuestJoinsAsAuthenticated?: boolean;
}

/** A pre-built TeamsVideoInteropServicePolicy instance. Identity is "Global" or "Tag:<name>". */
export interface WirePolicy {
  Identity: string;
  Description?: string;
  ProviderName: string;
  Enabled: boolean;
}

/** Body of a user/tenant grant PATCH, and the answer to its GET. null removes / means none. */
export interface WirePolicyGrant {
  PolicyName: string | null;
}

/** Body of a group grant PATCH. Rank 1 is the highest precedence. */
export interface WireGroupGrant {
  PolicyName: string;
  Rank: number;
}

/** One entry of GET groupAssignments. */
export interface WireGroupAssignment {
  GroupId: string;
  PolicyType: string;
  PolicyName: string;
  Rank: number;
}

/**
 * GET usersWithPolicy?policyName=X[&skipToken=T]: users with a direct assignment of X.
 * The emulator pages at 1,000 users.
 */
export interface WireUserPage {
  Users: { Identity: string }[];
  /** Present while more pages remain: pass back as `skipToken`. */
  NextSkipToken?: string;
}

/** POST batchAssignments body: at most 5,000 identities. */
export interface WireBatchRequest {
  PolicyType: string;
  /** null removes the direct assignment from every user of the batch. */
  PolicyName: string | null;
  Identities: string[];
  OperationName?: string;
}

export interface WireBatchAccepted {
  OperationId: string;
}

export type WireBatchStatus = 'NotStarted' | 'InProgress' | 'Completed';

/** GET batchAssignment: progress and per-user results. */
export interface WireBatchOperation {
  OperationId: string;
  OverallStatus: WireBatchStatus;
  CompletedCount: number;
  ErrorCount: number;
  InProgressCount: number;
  NotStartedCount: number;
  UserState: { Id: string; State: WireBatchStatus; Result: string }[];
}

/**
 * TenantFederationSettings. AllowedDomains `{}` (no AllowedDomain key) means "allow all known
 * domains"; `{AllowedDomain: [...]}` is an allow-list, and an empty array is stored by the
 * service as "federate with nobody" while the call reports success.
 */
export interface WireFederation {
  Identity: 'Global';
  AllowFederatedUsers: boolean;
  AllowedDomains: { AllowedDomain?: { Domain: string }[] };
  BlockedDomains: { Domain: string }[];
}

/** PATCH federation body: one entry added or removed, never the whole list. */
export interface WireFederationEdit {
  AllowedDomainsAsAList: { Add?: string[]; Remove?: string[] };
}

/** Error body the API answers with on 4xx/5xx. */
export interface WireError {
  error: { code: string; message: string };
}
