/**
 * Expected Teams objects against the Teams readout: the service provider's fields, the policy
 * assignment of the file's scope, and the federation entry. The tenant-wide grant has no proven
 * read (teams-wire-evidence §6): where the service refuses it, the check is `unchecked` with the
 * reason, a warning rather than a failure.
 */
import type { Part, TeamsReadout } from '../../reader';
import type { ExpectedTenant } from './expected';
import type { Check, Difference } from './model';

const lower = (s: string) => s.toLowerCase();
const samePolicy = (a: string | null | undefined, b: string) => (a ?? '').replace(/^tag:/i, '').toLowerCase() === b.toLowerCase();

export function compareTeams(expected: ExpectedTenant, teams: Part<TeamsReadout>): Check[] {
  const serviceProviderSubject = `service provider ${expected.serviceProvider.identity}`;
  if (teams.status !== 'read') {
    return [{ area: 'teams', subject: serviceProviderSubject, status: 'unreadable', reason: teams.reason }];
  }
  return [serviceProviderCheck(expected, teams.value, serviceProviderSubject), ...assignmentChecks(expected, teams.value), ...federationChecks(expected, teams.value)];
}

function serviceProviderCheck(expected: ExpectedTenant, teams: TeamsReadout, subject: string): Check {
  const want = expected.serviceProvider;
  const found = teams.serviceProviders.find((p) => lower(p.identity) === lower(want.identity));
  if (!found) return { area: 'teams', subject, status: 'missing', reason: `the tenant has no video interop service provider ${want.identity}` };
  const differences: Difference[] = [];
  if (want.tenantKey.toLowerCase() !== found.tenantKey.toLowerCase()) differences.push({ field: 'tenantKey', expected: want.tenantKey, found: found.tenantKey });
  if (want.instructionUri !== undefined && want.instructionUri !== found.instructionUri) differences.push({ field: 'instructionUri', expected: want.instructionUri, found: found.instructionUri });
  if (want.aadApplicationIds !== undefined) {
    const a = [...want.aadApplicationIds].map(lower).sort();
    const b = [...found.aadApplicationIds].map(lower).sort();
    if (a.length !== b.length || a.some((id, i) => id !== b[i])) differences.push({ field: 'aadApplicationIds', expected: want.aadApplicationIds, found: found.aadApplicationIds });
  }
  if (want.allowAppGuestJoinsAsAuthenticated !== found.allowAppGuestJoinsAsAuthenticated) {
    differences.push({ field: 'allowAppGuestJoinsAsAuthenticated', expected: want.allowAppGuestJoinsAsAuthenticated, found: found.allowAppGuestJoinsAsAuthenticated });
  }
  return differences.length === 0 ? { area: 'teams', subject, status: 'ok' } : { area: 'teams', subject, status: 'different', differences };
}

function assignmentChecks(expected: ExpectedTenant, teams: TeamsReadout): Check[] {
  const policy = expected.policyName;
  const a = expected.assignment;
  if ('global' in a) {
    const subject = `policy ${policy}: tenant-wide (Global) assignment`;
    const grant = teams.tenantGrant;
    if (grant.status !== 'read') return [{ area: 'teams', subject, status: 'unchecked', reason: `${grant.reason}; run npx cvi probe` }];
    return [samePolicy(grant.value, policy) ? { area: 'teams', subject, status: 'ok' } : { area: 'teams', subject, status: 'different', differences: [{ field: 'policyName', expected: policy, found: grant.value }] }];
  }
  if ('groups' in a) {
    const groups = teams.groupAssignments;
    return a.groups.map((g): Check => {
      const subject = `policy ${policy}: group ${g.id}`;
      if (groups.status !== 'read') return { area: 'teams', subject, status: 'unreadable', reason: groups.reason };
      const found = groups.value.find((x) => lower(x.groupId) === lower(g.id));
      if (!found) return { area: 'teams', subject, status: 'missing', reason: `the group holds no ${policy} assignment` };
      const differences: Difference[] = [];
      if (!samePolicy(found.policyName, policy)) differences.push({ field: 'policyName', expected: policy, found: found.policyName });
      if (found.rank !== g.rank) differences.push({ field: 'rank', expected: g.rank, found: found.rank });
      return differences.length === 0 ? { area: 'teams', subject, status: 'ok' } : { area: 'teams', subject, status: 'different', differences };
    });
  }
  const users = teams.users;
  return a.users.map((user): Check => {
    const subject = `policy ${policy}: user ${user}`;
    if (users.status !== 'read') return { area: 'teams', subject, status: 'unreadable', reason: users.reason };
    const found = users.value.find((u) => lower(u.user) === lower(user))?.policyName ?? null;
    if (samePolicy(found, policy)) return { area: 'teams', subject, status: 'ok' };
    return found === null || samePolicy(found, 'Global')
      ? { area: 'teams', subject, status: 'missing', reason: `the user's effective policy is ${found ?? 'none'}` }
      : { area: 'teams', subject, status: 'different', differences: [{ field: 'policyName', expected: policy, found }] };
  });
}

function federationChecks(expected: ExpectedTenant, teams: TeamsReadout): Check[] {
  const domain = expected.federationDomain;
  if (domain === undefined) return [];
  const subject = `federation allows ${domain}`;
  const f = teams.federation;
  if (f.status !== 'read') return [{ area: 'teams', subject, status: 'unreadable', reason: f.reason }];
  if (!f.value.allowFederatedUsers) return [{ area: 'teams', subject, status: 'different', differences: [{ field: 'allowFederatedUsers', expected: true, found: false }] }];
  if (f.value.allowAllKnownDomains) return [{ area: 'teams', subject, status: 'ok', reason: 'the tenant allows all known domains' }];
  const listed = f.value.allowedDomains.some((d) => lower(d) === lower(domain));
  return [listed ? { area: 'teams', subject, status: 'ok' } : { area: 'teams', subject, status: 'missing', reason: `${domain} is not on the federation allow-list` }];
}
