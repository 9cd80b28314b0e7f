/**
 * What a read of a live tenant answers. Every part says whether it was read, found missing,
 * or could not be read (and why), so a caller never mistakes "could not look" for "not there".
 */
import type { FederationSettings, GroupAssignment, VideoInteropPolicy, ServiceProvider } from '../teams';

/** One thing read from the world: its value, its absence, or why it could not be read. */
export type Part<T> =
  | { readonly status: 'read'; readonly value: T }
  | { readonly status: 'missing'; readonly reason: string }
  | { readonly status: 'unreadable'; readonly reason: string };

export type ReadStatus = Part<unknown>['status'];

export const read = <T>(value: T): Part<T> => ({ status: 'read', value });
export const missing = <T>(reason: string): Part<T> => ({ status: 'missing', reason });
export const unreadable = <T>(reason: string): Part<T> => ({ status: 'unreadable', reason });

/** The one-line reason of any thrown value, never a stack trace. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}

/** The tenant's Teams objects for CVI, through the Teams admin client. */
export interface TeamsReadout {
  /** The tenant's video interop service providers. */
  readonly serviceProviders: readonly ServiceProvider[];
  /** The tenant's TeamsVideoInteropServicePolicy instances (names without `Tag:`). */
  readonly policies: Part<readonly VideoInteropPolicy[]>;
  /** The tenant-wide (Global) grant, bare policy name or null for the default; unreadable where the service refuses the candidate read. */
  readonly tenantGrant: Part<string | null>;
  /** Every group assignment of the CVI policy type, in rank order. */
  readonly groupAssignments: Part<readonly GroupAssignment[]>;
  readonly federation: Part<FederationSettings>;
  /** The effective CVI policy of each user asked for (bare name, `Global` or null). */
  readonly users: Part<readonly UserPolicy[]>;
}

export interface UserPolicy {
  readonly user: string;
  readonly policyName: string | null;
}

/** One vendor app's admin consent as Microsoft Graph shows it. */
export interface AppConsent {
  readonly appId: string;
  /** Object id of the vendor's service principal in the tenant. */
  readonly servicePrincipalId: string;
  readonly displayName?: string;
  /** Microsoft Graph application permissions (app roles) granted, by name, sorted. */
  readonly applicationPermissions: readonly string[];
  /** Graph app role ids granted that the Graph service principal does not name (kept, never dropped). */
  readonly unknownAppRoleIds: readonly string[];
  /** Delegated Microsoft Graph scopes granted for all users (consentType AllPrincipals), sorted. */
  readonly delegatedScopes: readonly string[];
  /** Graph's id of each app role assignment on Microsoft Graph, by permission name (what an import needs). */
  readonly appRoleAssignmentIds?: Readonly<Record<string, string>>;
  /** Graph's id of the delegated grant to Microsoft Graph for all users; undefined when there is none. */
  readonly delegatedGrantId?: string;
}

export interface AppConsentRead {
  readonly appId: string;
  /** missing: the tenant has no service principal for this app id (never consented). */
  readonly consent: Part<AppConsent>;
}

export interface ConsentReadout {
  readonly apps: readonly AppConsentRead[];
  /** Object id of Microsoft Graph's service principal in the tenant (the resource of every app role assignment). */
  readonly graphServicePrincipalId?: string;
}

/** One SRV answer: what a caller's resolver gets. */
export interface SrvAnswer {
  /** Host name without the trailing dot, lower case. */
  readonly target: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}

export interface SrvRecordSetRead {
  /** Absolute owner name without the trailing dot, lower case. */
  readonly owner: string;
  /** missing: the name does not exist or holds no SRV record. */
  readonly answers: Part<readonly SrvAnswer[]>;
}

export interface DnsReadout {
  /** The server asked (`host:port`), or `system resolver`. */
  readonly server: string;
  readonly recordSets: readonly SrvRecordSetRead[];
}

/** A live tenant as the reader found it. */
export interface Readout {
  readonly tenantId: string;
  readonly teams: Part<TeamsReadout>;
  readonly consent: Part<ConsentReadout>;
  readonly dns: Part<DnsReadout>;
}
