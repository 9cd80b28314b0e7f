import type { WireFederation, WireGroupAssignment, WirePolicy, WireProvider } from './wire';

/**
 * Direct access to one emulated tenant's stored objects, bypassing the API (no token, no
 * replication delay, no faults): how a test changes things "behind Terraform's back" or checks
 * that a destroy left nothing behind. Getters answer the stored truth, not what a lagging
 * replica would answer.
 */
export interface EmulatedTenant {
  readonly tenantId: string;

  providers(): WireProvider[];
  getServiceProvider(identity: string): WireProvider | undefined;
  /** Creates or replaces; AadApplicationIds is normalised to the semicolon-separated form. */
  setServiceProvider(provider: WireProvider): void;
  deleteServiceProvider(identity: string): boolean;

  /** The pre-built policies (read-only: tenants cannot add or delete them). */
  policies(): WirePolicy[];

  /** The tenant-wide (Global) assignment: a bare policy name, or null for the default. */
  getTenantPolicy(): string | null;
  setTenantPolicy(policyName: string | null): void;

  /** A user's direct assignment (bare policy name) or null. */
  getUserPolicy(user: string): string | null;
  setUserPolicy(user: string, policyName: string | null): void;
  /** Every direct user assignment: user identity -> bare policy name. */
  userAssignments(): Record<string, string>;
  /** Makes the service answer "user not found" for this identity (single grants and batches). */
  markUnknownUser(user: string): void;

  /** Group assignments in rank order (all groups, or one group's). */
  groupAssignments(groupId?: string): WireGroupAssignment[];
  /** Inserts the group at `rank` (default: last), renumbering the others. */
  setGroupPolicy(groupId: string, policyName: string, rank?: number): void;
  deleteGroupPolicy(groupId: string): boolean;

  getFederation(): WireFederation;
  setFederation(federation: WireFederation): void;

  /** No providers, no assignments beyond the defaults, federation as a new tenant has it. */
  isEmpty(): boolean;
}
