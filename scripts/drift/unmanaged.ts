/**
 * Live CVI objects a stack does not declare: a service provider added by hand, a group
 * assignment of TeamsVideoInteropServicePolicy (worst when ranked above ours: its members get
 * that policy instead of ours), a user holding our policy directly whom the stack does not list,
 * a federation allow-list that lost our domain. Terraform cannot see these: it only refreshes
 * what is in state.
 *
 * The live side is a narrow reader (`LiveTenantReader`), so the comparison is tested with an
 * in-memory tenant and the Teams client stays behind one factory (`unmanaged-reader.ts`).
 */
import type { DeclaredTeamsObjects } from './stack-config';

export interface LiveTenantReader {
  listServiceProviders(): Promise<{ identity: string; tenantKey: string }[]>;
  /** Group assignments of TeamsVideoInteropServicePolicy only, in rank order. */
  listGroupAssignments(): Promise<{ groupId: string; policyName: string; rank: number }[]>;
  /** Users with a direct assignment of the policy (bare name). */
  listUsersWithPolicy(policyName: string): Promise<string[]>;
  getFederation(): Promise<{ allowAllKnownDomains: boolean; allowedDomains: readonly string[] }>;
}

export type UnmanagedKind = 'service-provider' | 'group-assignment' | 'user-grant' | 'federation-domain';

export interface UnmanagedObject {
  readonly kind: UnmanagedKind;
  /** The live object: provider identity, group id, user, or our missing domain. */
  readonly object: string;
  /** One line for on-call: what it is and why it matters. */
  readonly detail: string;
  /** A group assignment that takes precedence over our grant for its members. */
  readonly rankedAboveOurs?: true;
}

const lower = (s: string) => s.toLowerCase();

/** Our best group rank (1 is highest); a tenant-wide grant ranks below every group assignment. */
function ourPrecedence(declared: DeclaredTeamsObjects): { rank?: number; global: boolean; policies: Set<string> } {
  const ranks = declared.assignments.map((a) => a.groupRank ?? (a.groupId ? 1 : undefined)).filter((r): r is number => r !== undefined);
  return {
    rank: ranks.length > 0 ? Math.min(...ranks) : undefined,
    global: declared.assignments.some((a) => a.global === true),
    policies: new Set(declared.assignments.map((a) => lower(a.policyName))),
  };
}

async function unmanagedProviders(declared: DeclaredTeamsObjects, reader: LiveTenantReader): Promise<UnmanagedObject[]> {
  const ours = new Set(declared.serviceProviders.map(lower));
  return (await reader.listServiceProviders())
    .filter((p) => !ours.has(lower(p.identity)))
    .map((p) => ({ kind: 'service-provider', object: p.identity, detail: `service provider ${p.identity} (tenant key ${p.tenantKey}) is not in the stack` }));
}

async function unmanagedGroups(declared: DeclaredTeamsObjects, reader: LiveTenantReader): Promise<UnmanagedObject[]> {
  const ours = new Set(declared.assignments.flatMap((a) => (a.groupId ? [lower(a.groupId)] : [])));
  const precedence = ourPrecedence(declared);
  const found: UnmanagedObject[] = [];
  for (const g of await reader.listGroupAssignments()) {
    if (ours.has(lower(g.groupId))) continue;
    // Teams resolves a user's policy: direct grant, else the best-ranked group, else tenant-wide.
    const above = precedence.rank !== undefined ? g.rank < precedence.rank : precedence.global;
    const theirs = precedence.policies.has(lower(g.policyName)) ? '' : `: its members get ${g.policyName} instead of ours`;
    const where = precedence.rank !== undefined ? `rank ${g.rank}, above our rank ${precedence.rank}` : `rank ${g.rank}, above our tenant-wide grant`;
    found.push({
      kind: 'group-assignment',
      object: g.groupId,
      detail: above ? `group ${g.groupId} holds ${g.policyName} at ${where}${theirs}` : `group ${g.groupId} holds ${g.policyName} at rank ${g.rank}; not in the stack`,
      ...(above ? { rankedAboveOurs: true as const } : {}),
    });
  }
  return found;
}

async function unmanagedUsers(declared: DeclaredTeamsObjects, reader: LiveTenantReader): Promise<UnmanagedObject[]> {
  const byPolicy = new Map<string, { policyName: string; users: Set<string> }>();
  for (const a of declared.assignments) {
    if (!a.users) continue;
    const entry = byPolicy.get(lower(a.policyName)) ?? { policyName: a.policyName, users: new Set<string>() };
    a.users.forEach((u) => entry.users.add(lower(u)));
    byPolicy.set(lower(a.policyName), entry);
  }
  const found: UnmanagedObject[] = [];
  for (const { policyName, users } of byPolicy.values()) {
    for (const user of await reader.listUsersWithPolicy(policyName)) {
      if (!users.has(lower(user))) found.push({ kind: 'user-grant', object: user, detail: `user ${user} holds ${policyName} directly; not in the stack` });
    }
  }
  return found;
}

async function lostDomains(declared: DeclaredTeamsObjects, reader: LiveTenantReader): Promise<UnmanagedObject[]> {
  if (declared.federationDomains.length === 0) return [];
  const federation = await reader.getFederation();
  // Allow-all mode federates with every domain: ours is allowed without an entry.
  if (federation.allowAllKnownDomains) return [];
  const allowed = new Set(federation.allowedDomains.map(lower));
  return declared.federationDomains
    .filter((d) => !allowed.has(lower(d)))
    .map((d) => ({ kind: 'federation-domain', object: d, detail: `federation allow-list lost our domain ${d}: meetings cannot federate with it` }));
}

/** Every live CVI object of the tenant that the stack does not declare, in a stable order. */
export async function findUnmanaged(declared: DeclaredTeamsObjects, reader: LiveTenantReader): Promise<UnmanagedObject[]> {
  const parts = await Promise.all([
    unmanagedProviders(declared, reader),
    unmanagedGroups(declared, reader),
    unmanagedUsers(declared, reader),
    lostDomains(declared, reader),
  ]);
  const order: Record<UnmanagedKind, number> = { 'service-provider': 0, 'group-assignment': 1, 'user-grant': 2, 'federation-domain': 3 };
  return parts.flat().sort((a, b) => order[a.kind] - order[b.kind] || a.object.localeCompare(b.object));
}
