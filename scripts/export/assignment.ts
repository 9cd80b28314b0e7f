/**
 * The assignment an export writes: which policy, and which one scope (tenant-wide, groups in
 * rank order, or users), with the import id of each assignment. What the file cannot hold (a
 * second scope, another policy's groups) becomes a note; an assignment that cannot be told is an
 * error, never a guess, except the one case the resource itself takes on the user's word.
 */
import { formatPolicyAssignmentImportId } from '../../domain/import-ids';
import { VENDORS } from '../../domain/vendors';
import type { Part, TeamsReadout } from '../../reader/readout';
import { ExportError, type ExportPlan } from './plan';

type Section = Record<string, unknown>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The policy the file grants: the vendor's, else the one enabled policy naming the provider, else the one granted. */
export function exportedPolicy(plan: ExportPlan, teams: TeamsReadout): string | undefined {
  return VENDORS[plan.vendor].policyName ?? policyOfProvider(teams, plan.serviceProvider.identity) ?? grantedPolicy(teams);
}

/** The policy whose users must be listed: granted neither tenant-wide (as far as can be read) nor to a group. */
export function policyGrantedOnlyToUsers(plan: ExportPlan, teams: TeamsReadout): string | undefined {
  const policy = exportedPolicy(plan, teams);
  if (!policy || teams.tenantGrant.status !== 'read') return undefined;
  if (teams.tenantGrant.value !== null && same(teams.tenantGrant.value, policy)) return undefined;
  if (teams.groupAssignments.status !== 'read' || teams.groupAssignments.value.some((g) => same(g.policyName, policy))) return undefined;
  return policy;
}

export function assignmentSection(plan: ExportPlan, teams: TeamsReadout, notes: string[], teamsImports: Section, holders?: Part<readonly string[]>): Section {
  const policy = exportedPolicy(plan, teams);
  if (!policy) throw new ExportError(`vendor custom: no one enabled policy names ${plan.serviceProvider.identity} as its provider, and none is granted tenant-wide or to groups alone, so the policy to name cannot be told`);
  const out: Section = policy === VENDORS[plan.vendor].policyName ? {} : { policyName: policy };
  const groups =
    teams.groupAssignments.status === 'read'
      ? [...teams.groupAssignments.value].filter((g) => same(g.policyName, policy)).sort((a, b) => a.rank - b.rank)
      : [];
  if (teams.groupAssignments.status === 'read') {
    for (const g of teams.groupAssignments.value.filter((g) => !same(g.policyName, policy))) {
      notes.push(`group ${g.groupId} holds ${g.policyName} at rank ${g.rank}: another policy, not exported`);
    }
  } else {
    notes.push(`group assignments could not be read (${teams.groupAssignments.reason}): none exported`);
  }
  const grant = teams.tenantGrant;
  const global = grant.status === 'read' && grant.value !== null && same(grant.value, policy);
  if (grant.status === 'read' && grant.value !== null && !global && !same(grant.value, 'Global')) {
    notes.push(`the tenant-wide grant is ${grant.value}, not ${policy}: not exported`);
  }
  if (global) {
    if (groups.length > 0) notes.push(`${policy} is also granted to groups (${groups.map((g) => `${g.groupId} rank ${g.rank}`).join(', ')}): a tenant file holds one scope, the tenant-wide grant is exported`);
    teamsImports.policyAssignments = [formatPolicyAssignmentImportId({ scope: 'global' })];
    return { ...out, global: true };
  }
  if (groups.length > 0) {
    if (grant.status !== 'read') notes.push(`the tenant-wide grant could not be read (${grant.reason}); the group assignments are exported`);
    teamsImports.policyAssignments = groups.map((g) => formatPolicyAssignmentImportId({ scope: 'group', groupId: g.groupId }));
    return { ...out, groups: groups.map((g) => ({ id: g.groupId, rank: g.rank })) };
  }
  if (grant.status !== 'read') {
    // The resource takes `global/<policy>` for exactly this case: adopted on the user's word.
    const id = formatPolicyAssignmentImportId({ scope: 'global', policyName: policy });
    notes.push(`ASSUMED: the tenant-wide grant could not be read (${grant.reason}) and no group holds ${policy}; the file grants it tenant-wide and imports it as ${id}, on your word: check it before deploying`);
    teamsImports.policyAssignments = [id];
    return { ...out, global: true };
  }
  if (holders?.status === 'read' && holders.value.length > 0) {
    teamsImports.policyAssignments = [formatPolicyAssignmentImportId({ scope: 'users', policyName: policy, users: [] })];
    return { ...out, users: [...holders.value] };
  }
  const why = holders?.status === 'unreadable' ? holders.reason : 'no user holds it';
  throw new ExportError(`${policy} is granted neither tenant-wide nor to a group, and its users cannot be listed (${why}), so the file's assignment cannot be told`);
}

/** The one enabled policy whose provider is this identity (how Teams links the two). */
function policyOfProvider(teams: TeamsReadout, identity: string): string | undefined {
  if (teams.policies?.status !== 'read') return undefined;
  const named = teams.policies.value.filter((p) => p.enabled && same(p.providerName, identity));
  return named.length === 1 ? named[0].name : undefined;
}

function grantedPolicy(teams: TeamsReadout): string | undefined {
  if (teams.tenantGrant.status === 'read' && teams.tenantGrant.value && !same(teams.tenantGrant.value, 'Global')) return teams.tenantGrant.value;
  const groups = teams.groupAssignments.status === 'read' ? [...new Set(teams.groupAssignments.value.map((g) => g.policyName))] : [];
  return groups.length === 1 ? groups[0] : undefined;
}
