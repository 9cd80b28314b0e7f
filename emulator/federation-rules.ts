import type { WireFederation } from './wire';
import { canonicalBody } from './json';
import { badRequest } from './errors';
import { isDomainName } from './identity';

/**
 * The service's rules for TenantFederationSettings (teams-cvi-reference.md §4,
 * teams-wire-evidence.md §9), including its traps, reproduced on purpose so the client's guards
 * are tested for real:
 * - `AllowedDomains: {}` (no AllowedDomain) means "allow all known domains";
 * - a PATCH of an allow-list while in allow-all mode turns the tenant into that allow-list;
 * - an empty `AllowedDomain` array is stored as "federate with nobody" while the call succeeds.
 */

export const MAX_ALLOWED_DOMAINS = 4000;

export function defaultFederation(): WireFederation {
  return { Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: {}, BlockedDomains: [] };
}

export function isDefaultFederation(f: WireFederation): boolean {
  return f.AllowFederatedUsers && (f.AllowedDomains.AllowedDomain ?? undefined) === undefined && f.BlockedDomains.length === 0;
}

export function cloneFederation(f: WireFederation): WireFederation {
  return {
    Identity: 'Global',
    AllowFederatedUsers: f.AllowFederatedUsers,
    AllowedDomains: f.AllowedDomains.AllowedDomain ? { AllowedDomain: f.AllowedDomains.AllowedDomain.map((d) => ({ Domain: d.Domain })) } : {},
    BlockedDomains: f.BlockedDomains.map((d) => ({ Domain: d.Domain })),
  };
}

function domainList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw badRequest(`federation: ${field} must be an array of domain names, got ${JSON.stringify(value)}`);
  return value.map((entry) => {
    const domain = typeof entry === 'string' ? entry : typeof entry === 'object' && entry !== null ? canonicalBody(entry as Record<string, unknown>, ['Domain', 'Identity'], field).Domain : undefined;
    if (typeof domain !== 'string' || !isDomainName(domain.trim())) {
      throw badRequest(`federation: ${field} entry ${JSON.stringify(entry)} is not a domain name`);
    }
    return domain.trim().toLowerCase();
  });
}

function checkSize(domains: { Domain: string }[]): void {
  if (domains.length > MAX_ALLOWED_DOMAINS) {
    throw badRequest(`federation: the allow-list would hold ${domains.length} domains; the maximum is ${MAX_ALLOWED_DOMAINS}`);
  }
}

/**
 * Fields of TenantFederationSettings a PATCH may carry (§9 object model and
 * Set-CsTenantFederationConfiguration's parameters). Only the first three are stored here;
 * the others are accepted and not modelled. `AllowedDomainsAsAList` is a cmdlet parameter,
 * not a property: its wire form is unproven, so a body carrying it is refused.
 */
const PATCH_FIELDS = [
  'Identity',
  'AllowedDomains',
  'BlockedDomains',
  'AllowFederatedUsers',
  'AllowPublicUsers',
  'AllowTeamsSms',
  'AllowTeamsConsumer',
  'AllowTeamsConsumerInbound',
  'TreatDiscoveredPartnersAsUnverified',
  'SharedSipAddressSpace',
  'RestrictTeamsConsumerToExternalUserProfiles',
  'BlockAllSubdomains',
  'ExternalAccessWithTrialTenants',
] as const;

/**
 * PATCH (Set-CsTenantFederationConfiguration via the module's read-modify-write, §9):
 * `AllowedDomains` replaces the stored one wholesale. `{AllowedDomain: [..]}` is an allow-list,
 * `{}` or `{AllowedDomain: null}` allows all known domains, and an empty array is stored as
 * "federate with nobody" while the call succeeds.
 */
export function applyFederationPatch(current: WireFederation, raw: Record<string, unknown>): WireFederation {
  const body = canonicalBody(raw, PATCH_FIELDS, 'federation');
  if (body.Identity !== undefined && String(body.Identity).toLowerCase() !== 'global') {
    throw badRequest(`federation: Identity must be Global, got ${JSON.stringify(body.Identity)}`);
  }
  const next = cloneFederation(current);
  if ('AllowFederatedUsers' in body) {
    if (typeof body.AllowFederatedUsers !== 'boolean') throw badRequest(`federation: AllowFederatedUsers must be true or false, got ${JSON.stringify(body.AllowFederatedUsers)}`);
    next.AllowFederatedUsers = body.AllowFederatedUsers;
  }
  if ('AllowedDomains' in body) {
    const allowed = body.AllowedDomains;
    if (typeof allowed !== 'object' || allowed === null || Array.isArray(allowed)) {
      throw badRequest('federation: AllowedDomains must be {} (allow all known domains) or {"AllowedDomain": [{"Domain": "..."}]}');
    }
    const entries = canonicalBody(allowed as Record<string, unknown>, ['AllowedDomain', 'Identity'], 'federation: AllowedDomains').AllowedDomain;
    next.AllowedDomains =
      entries === undefined || entries === null ? {} : { AllowedDomain: unique(domainList(entries, 'AllowedDomains.AllowedDomain')).map((Domain) => ({ Domain })) };
  }
  if ('BlockedDomains' in body) next.BlockedDomains = unique(domainList(body.BlockedDomains ?? [], 'BlockedDomains')).map((Domain) => ({ Domain }));
  checkSize(next.AllowedDomains.AllowedDomain ?? []);
  return next;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
