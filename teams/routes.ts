/**
 * Every path of the Teams admin API that this project calls, in one module, each with its
 * evidence: the section of `../shared/design/teams-wire-evidence.md` (§N) that shows Microsoft's
 * own MicrosoftTeams module calling it, and how sure that evidence is (High / Medium / Low).
 *
 * Microsoft does not document this API. A route goes in here only with a source; a route the
 * evidence does not prove is a `candidate`, and every caller of a candidate degrades to a
 * warning (never a broken apply) when the service does not answer it. `cvi probe` checks each
 * route against a real tenant.
 */
import type { CloudName } from '../domain/clouds';

/** The policy type every CVI grant is about (§3, §4, §7). */
export const VIDEO_INTEROP_POLICY_TYPE = 'TeamsVideoInteropServicePolicy';

/**
 * .NET's Uri.EscapeDataString, which the module applies to identity and group segments (§0
 * "Path escaping"): RFC 3986, so everything but A-Z a-z 0-9 - . _ ~ is escaped, including the
 * ! ' ( ) * that encodeURIComponent leaves alone.
 */
export function escapeDataString(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const esc = escapeDataString;
const CONFIGURATIONS = '/Skype.Policy/configurations';

export const routes = {
  /**
   * GET, Accept + Authorization only; 200 `{"Endpoints":{"AdminServiceEndpoint":"<host>"}}`.
   * (Connect-MicrosoftTeams) §1, High.
   */
  serviceDiscovery: () => '/Teams.Tenant/serviceDiscovery',

  /** GET → array of providers; POST creates (PascalCase body of the set fields). §2, High. */
  providers: () => `${CONFIGURATIONS}/VideoInteropServiceProvider`,
  /**
   * PATCH with the changed fields only, DELETE with body `{"Identity"}`. GET of one is proven
   * too, but its answer for a missing provider is not: the client filters the list instead. §2, High.
   */
  provider: (identity: string) => `${CONFIGURATIONS}/VideoInteropServiceProvider/configuration/${esc(identity)}`,

  /** GET → array of the tenant's CVI policy instances. (Get-CsTeamsVideoInteropServicePolicy) §3, Medium-High. */
  policies: () => `${CONFIGURATIONS}/${VIDEO_INTEROP_POLICY_TYPE}`,

  /** PATCH `{"policyName": name|null, "additionalParameters": null}`. (Grant-... -Identity) §4, High. */
  userGrant: (user: string) => `/Skype.Policy/users/${esc(user)}/policies/${VIDEO_INTEROP_POLICY_TYPE}`,
  /**
   * GET `?policyType=` → `[{"policyType","policyName","policySource":[...]}]`: one user's
   * effective policy. (Get-CsUserPolicyAssignment) §5, High (2.3.1).
   */
  userEffectivePolicy: (user: string) => `/Skype.User/users/${esc(user)}/policies`,
  /**
   * CANDIDATE. GET → `{"@nextLink", "users": [...]}`: the user search behind
   * Get-CsOnlineUser -Filter. The route and paging are High (2.3.1); the filter's query
   * parameter spelling and the user's policy field are not proven (§5, Low).
   */
  userSearch: () => '/Teams.User/users',

  /**
   * PATCH `{"PolicyName", "additionalParameters": null, "forceSwitchPresent"}`. (Grant-... -Global)
   * §6, High. GET on the same path is a CANDIDATE: no read of the tenant-wide grant is proven.
   */
  tenantGrant: () => `/Skype.Policy/tenants/policies/${VIDEO_INTEROP_POLICY_TYPE}`,

  /**
   * POST `{"policyName", "priority"}` grants (Grant-... -Group -Rank), DELETE removes. §7, High.
   * PATCH with the same body is the 2.3.1 Set cmdlet, kept only as the fallback of a re-rank.
   */
  groupGrant: (groupId: string) => `/Skype.Policy/groupPolicyAssignments/${esc(groupId)}/policyTypes/${VIDEO_INTEROP_POLICY_TYPE}`,
  /** GET `?policyType=` → array of `{groupId, priority, policyType, policyName, ...}`. §7, High (2.3.1). */
  groupAssignments: () => '/Skype.Policy/groupPolicyAssignments',

  /**
   * POST `?operationName=` with `{"policy":{"policyType","policyName"},"identities","additionalParameters"}`
   * → 202 `{"OperationId"}`; GET `?status=` lists operations. (New-/Get-CsBatchPolicyAssignmentOperation) §8, High.
   */
  batchOperations: () => '/Skype.Policy/assignments/operations',
  /** GET → camelCase status with `userState[{id, state, result}]`. §8, High. */
  batchOperation: (operationId: string) => `/Skype.Policy/assignments/operations/${esc(operationId)}`,

  /**
   * GET the TenantFederationSettings object; PATCH replaces `AllowedDomains` wholesale (the
   * module's read-modify-write). (Get-/Set-CsTenantFederationConfiguration) §9, Medium-High.
   */
  federation: () => `${CONFIGURATIONS}/TenantFederationSettings/configuration/Global`,
} as const;

export type RouteName = keyof typeof routes;

/**
 * Header carrying the discovered forest, `https://<AdminServiceEndpoint>` with no trailing
 * slash (§1, MPA 5.2.0, High). 6.4.0 sends none on /Skype.Policy routes, so a failed discovery
 * is a warning, not an error.
 */
export const TARGET_URI_HEADER = 'X-MS-Target-Uri';
/** A new GUID per request, as the module sends (§0, High). */
export const CORRELATION_ID_HEADER = 'X-MS-Correlation-Id';
/** Warnings the service attaches to an answer; the module prints them (§0, High). */
export const SERVICE_WARNING_HEADER = 'X-Ms-ConfigApi-PowerShell-WarningMessage';

/**
 * App id of the "Skype and Teams Tenant Admin API" resource (§0, High). The module asks the
 * delegated `/user_impersonation` scope for a signed-in admin; the client credentials a
 * pipeline uses must ask `/.default` of the same resource.
 */
export const TEAMS_ADMIN_SCOPE = '48ac35b8-9aa8-4d74-927d-1f4a14a0b239/.default';

/** Public hosts of the API per cloud (§0, High); an endpoint override (the emulator) replaces them. */
export const CLOUD_HOSTS: Record<CloudName, string> = {
  public: 'https://api.interfaces.records.teams.microsoft.com',
  gcchigh: 'https://api.interfaces.records.gov.teams.microsoft.us',
  dod: 'https://api.interfaces.records.dod.teams.microsoft.us',
  china: 'https://api.interfaces.records.teams.microsoftonline.cn',
};
export type Cloud = CloudName;
