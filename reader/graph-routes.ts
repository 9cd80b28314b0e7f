/**
 * The Microsoft Graph routes the reader calls, each with the Microsoft docs page that
 * documents it and what that page shows. Only reads; v1.0 only.
 */

export { MICROSOFT_GRAPH_APP_ID } from '../constructs/graph-permissions';

/** Graph hosts per cloud (https://learn.microsoft.com/en-us/graph/deployments: the national cloud endpoints). */
export const GRAPH_HOSTS = {
  public: 'https://graph.microsoft.com',
  gcchigh: 'https://graph.microsoft.us',
  dod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
} as const;

/** The client-credentials scope of a Graph host: `<host>/.default`. */
export const graphScope = (host: string): string => `${host.replace(/\/+$/, '')}/.default`;

/** OData string literal: single quotes doubled (OData ABNF, as Graph's $filter takes it). */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const graphRoutes = {
  /**
   * GET /v1.0/servicePrincipals?$filter=appId eq '<appId>'
   * https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list?view=graph-rest-1.0 :
   * lists servicePrincipal objects, supports $filter (appId with eq) and $top; the answer is a
   * collection `{ value: [...] }` paged by `@odata.nextLink`. Application permission:
   * Application.Read.All.
   */
  servicePrincipalsByAppId: (appId: string) => ({ path: '/v1.0/servicePrincipals', query: { $filter: `appId eq ${literal(appId)}` } }),
  /**
   * GET /v1.0/servicePrincipals/{id}/appRoleAssignments
   * https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-approleassignments?view=graph-rest-1.0 :
   * the appRoleAssignment objects granted to a service principal (its application permissions),
   * each with appRoleId, resourceId and resourceDisplayName; Application.Read.All.
   */
  appRoleAssignments: (servicePrincipalId: string) => ({ path: `/v1.0/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/appRoleAssignments`, query: {} }),
  /**
   * GET /v1.0/servicePrincipals/{id}/oauth2PermissionGrants
   * https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-oauth2permissiongrants :
   * the oAuth2PermissionGrant objects of the client service principal (delegated permissions);
   * https://learn.microsoft.com/en-us/graph/api/resources/oauth2permissiongrant : clientId,
   * consentType (AllPrincipals for admin consent), resourceId and scope, a space-separated list
   * of scope values. Directory.Read.All.
   */
  oauth2PermissionGrants: (servicePrincipalId: string) => ({ path: `/v1.0/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/oauth2PermissionGrants`, query: {} }),
} as const;
