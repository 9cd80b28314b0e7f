/**
 * Every path of the Teams admin API that this project calls, in one module.
 *
 * Microsoft does not document this API: it is what the MicrosoftTeams PowerShell module
 * calls underneath its cmdlets (teams-cvi-reference.md §4). When Microsoft changes a path,
 * this file is the one fix. Each route names the cmdlet it mirrors; the emulator serves
 * exactly these routes, so client and emulator cannot drift apart.
 */

/** The policy type every CVI grant is about. */
export const VIDEO_INTEROP_POLICY_TYPE = 'TeamsVideoInteropServicePolicy';

const enc = encodeURIComponent;

export const routes = {
  /** First call of every session: where this tenant's admin endpoint lives. (Connect-MicrosoftTeams) */
  serviceDiscovery: () => '/Teams.Tenant/serviceDiscovery',

  /** GET list, POST create. (Get-/New-CsVideoInteropServiceProvider) */
  providers: () => '/Skype.Policy/configurations/VideoInteropServiceProvider',
  /** GET one, PUT update, DELETE. (Get-/Set-/Remove-CsVideoInteropServiceProvider -Identity) */
  provider: (identity: string) =>
    `/Skype.Policy/configurations/VideoInteropServiceProvider/configuration/${enc(identity)}`,

  /** GET list of the tenant's pre-built CVI policies. (Get-CsTeamsVideoInteropServicePolicy) */
  policies: () => `/Skype.Policy/configurations/${VIDEO_INTEROP_POLICY_TYPE}`,

  /** GET a user's direct assignment, PATCH {PolicyName} to grant or null to remove. (Grant-... -Identity) */
  userPolicy: (user: string) => `/Skype.Policy/users/${enc(user)}/policies/${VIDEO_INTEROP_POLICY_TYPE}`,
  /**
   * GET the users with a direct assignment of one policy, paged. (Get-CsOnlineUser -Filter
   * {TeamsVideoInteropServicePolicy -eq 'X'}). One paged list instead of one read per user.
   */
  usersWithPolicy: () => '/Skype.Policy/policyAssignments/users',

  /** GET a group's assignments (all policy types). (Get-CsGroupPolicyAssignment -GroupId) */
  groupAssignments: (groupId: string) => `/Skype.Policy/groupPolicyAssignments/${enc(groupId)}`,
  /** PATCH {PolicyName, Rank} to grant, DELETE to remove. (Grant-... -Group -Rank / Remove-CsGroupPolicyAssignment) */
  groupPolicy: (groupId: string) =>
    `/Skype.Policy/groupPolicyAssignments/${enc(groupId)}/policyTypes/${VIDEO_INTEROP_POLICY_TYPE}`,

  /** GET the tenant-wide (Global) assignment, PATCH {PolicyName} to grant. (Grant-... -Global) */
  tenantPolicy: () => `/Skype.Policy/tenants/policies/${VIDEO_INTEROP_POLICY_TYPE}`,

  /** POST a batch of up to 5,000 users, answers 202 {OperationId}. (New-CsBatchPolicyAssignmentOperation) */
  batchAssignments: () => '/Teams.PolicyAssignment/batchAssignments',
  /** GET a batch's status with per-user results. (Get-CsBatchPolicyAssignmentOperation) */
  batchAssignment: (operationId: string) => `/Teams.PolicyAssignment/batchAssignments/${enc(operationId)}`,

  /**
   * GET the federation settings; PATCH {AllowedDomainsAsAList: {Add|Remove: [domain]}} edits the
   * allow-list one entry at a time; PUT replaces the whole object (never used by our client).
   * (Get-/Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add=...}/@{Remove=...})
   */
  federation: () => '/Skype.Policy/configurations/TenantFederationSettings/configuration/Global',
} as const;

/** Header that carries the discovered admin endpoint on every call after discovery. */
export const TARGET_URI_HEADER = 'X-MS-Target-Uri';

/** OAuth scope of the "Skype and Teams Tenant Admin API" resource. */
export const TEAMS_ADMIN_SCOPE = '48ac35b8-9aa8-4d74-927d-1f4a14a0b239/.default';

/** Public hosts of the API per cloud; an endpoint override (the emulator) replaces them. */
export const CLOUD_HOSTS = {
  public: 'https://api.interfaces.records.teams.microsoft.com',
  gcchigh: 'https://api.interfaces.records.gov.teams.microsoft.us',
  dod: 'https://api.interfaces.records.dod.teams.microsoft.us',
  china: 'https://api.interfaces.records.teams.microsoftonline.cn',
} as const;
export type Cloud = keyof typeof CLOUD_HOSTS;
