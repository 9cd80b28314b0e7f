/**
 * The emulator's route table: the paths Microsoft's module calls (teams-wire-evidence.md,
 * section per route), written here from the evidence and not derived from the client's
 * routes, so a client that calls anything else gets the 404 a real service would give.
 * A template names each parameter in braces; request-log counts and faults key on
 * `METHOD template`.
 */

export const ROUTES = {
  /** §1 */
  serviceDiscovery: '/Teams.Tenant/serviceDiscovery',
  /** §2 */
  providers: '/Skype.Policy/configurations/VideoInteropServiceProvider',
  provider: '/Skype.Policy/configurations/VideoInteropServiceProvider/configuration/{identity}',
  /** §3 */
  policies: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy',
  policy: '/Skype.Policy/configurations/TeamsVideoInteropServicePolicy/configuration/{identity}',
  /** §4 */
  userGrant: '/Skype.Policy/users/{user}/policies/{policyType}',
  /** §5 (High) */
  userEffectivePolicy: '/Skype.User/users/{user}/policies',
  /** §5 candidate: off unless the run turns it on */
  userSearch: '/Teams.User/users',
  /** §6 (PATCH High; GET a candidate, off unless turned on) */
  tenantGrant: '/Skype.Policy/tenants/policies/{policyType}',
  /** §7 */
  groupGrant: '/Skype.Policy/groupPolicyAssignments/{groupId}/policyTypes/{policyType}',
  groupPolicyTypes: '/Skype.Policy/groupPolicyAssignments/{groupId}/policyTypes',
  groupAssignments: '/Skype.Policy/groupPolicyAssignments',
  /** §8 */
  batchOperations: '/Skype.Policy/assignments/operations',
  batchOperation: '/Skype.Policy/assignments/operations/{operationId}',
  /** §9 */
  federationList: '/Skype.Policy/configurations/TenantFederationSettings',
  federation: '/Skype.Policy/configurations/TenantFederationSettings/configuration/{identity}',
} as const;

export type RouteName = keyof typeof ROUTES;

/** Route templates by name, e.g. for request-log counts and fault specs. */
export const TEMPLATES: Record<RouteName, string> = ROUTES;

/** The candidate routes (reads no Microsoft code proves), by the switch that turns each on. */
export type CandidateRead = 'userSearch' | 'tenantGrantRead';
export const CANDIDATE_READS: readonly CandidateRead[] = ['userSearch', 'tenantGrantRead'];

export interface RouteMatch {
  name: RouteName;
  template: string;
  params: Record<string, string>;
}

const compiled = (Object.keys(ROUTES) as RouteName[]).map((name) => ({ name, template: ROUTES[name], segments: ROUTES[name].split('/') }));

/** Matches a request path (no query) to a route; segments are percent-decoded; literals ignore case. */
export function matchRoute(path: string): RouteMatch | undefined {
  const parts = path.split('/');
  for (const route of compiled) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = route.segments.every((seg, i) => {
      const param = /^\{(\w+)\}$/.exec(seg);
      if (!param) return seg.toLowerCase() === parts[i].toLowerCase();
      if (parts[i] === '') return false;
      try {
        params[param[1]] = decodeURIComponent(parts[i]);
      } catch {
        return false;
      }
      return true;
    });
    if (ok) return { name: route.name, template: route.template, params };
  }
  return undefined;
}

/**
 * §10: `/Skype.Policy/*` (and `/Skype.User/*`, same stack) answer `{code, message, action}`;
 * `/Teams.User` and `/Teams.Tenant` answer `{"error": {code, message, ...}}`.
 */
export function errorFamily(path: string): 'skype' | 'teams' {
  return /^\/Teams\./i.test(path) ? 'teams' : 'skype';
}
