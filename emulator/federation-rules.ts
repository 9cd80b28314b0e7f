import type { WireFederation } from '../teams/wire';
import { badRequest } from './errors';
import { isDomainName } from './identity';

/**
 * The service's rules for TenantFederationSettings (teams-cvi-reference.md §4), including its
 * traps, reproduced on purpose so the client's guards are tested for real:
 * - `AllowedDomains: {}` means "allow all known domains";
 * - Add in allow-all mode turns the tenant into an allow-list of exactly the added entries;
 * - an empty `AllowedDomain` array (sent, or left by removing the last entry) is stored as
 *   "federate with nobody" while the call succeeds.
 */

export const MAX_ALLOWED_DOMAINS = 4000;

export function defaultFederation(): WireFederation {
  return { Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: {}, BlockedDomains: [] };
}

export function isDefaultFederation(f: WireFederation): boolean {
  return f.AllowFederatedUsers && f.AllowedDomains.AllowedDomain === undefined && f.BlockedDomains.length === 0;
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
    const domain = typeof entry === 'string' ? entry : (entry as { Domain?: unknown })?.Domain;
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

/** PATCH {AllowedDomainsAsAList: {Add, Remove}} (Set-CsTenantFederationConfiguration -AllowedDomainsAsAList). */
export function applyFederationEdit(current: WireFederation, body: Record<string, unknown>): WireFederation {
  const edit = body.AllowedDomainsAsAList as { Add?: unknown; Remove?: unknown } | undefined;
  if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) {
    throw badRequest('federation: body must be {"AllowedDomainsAsAList": {"Add": [...]} or {"Remove": [...]}}');
  }
  const add = edit.Add === undefined ? [] : domainList(edit.Add, 'AllowedDomainsAsAList.Add');
  const remove = edit.Remove === undefined ? [] : domainList(edit.Remove, 'AllowedDomainsAsAList.Remove');
  const next = cloneFederation(current);
  const list = next.AllowedDomains.AllowedDomain;
  if (list === undefined) {
    // Allow-all mode: a Remove has nothing to remove; an Add replaces "all" with the added entries.
    if (add.length > 0) next.AllowedDomains = { AllowedDomain: unique(add).map((Domain) => ({ Domain })) };
  } else {
    const names = list.map((d) => d.Domain.toLowerCase());
    for (const d of add) if (!names.includes(d)) names.push(d);
    const kept = names.filter((d) => !remove.includes(d));
    next.AllowedDomains = { AllowedDomain: kept.map((Domain) => ({ Domain })) };
  }
  checkSize(next.AllowedDomains.AllowedDomain ?? []);
  return next;
}

/** PUT of the whole object (Set-CsTenantFederationConfiguration -AllowedDomains ...). */
export function federationFromPut(body: Record<string, unknown>): WireFederation {
  const allowUsers = body.AllowFederatedUsers ?? true;
  if (typeof allowUsers !== 'boolean') throw badRequest(`federation: AllowFederatedUsers must be true or false, got ${JSON.stringify(allowUsers)}`);
  const allowed = body.AllowedDomains ?? {};
  if (typeof allowed !== 'object' || allowed === null || Array.isArray(allowed)) {
    throw badRequest('federation: AllowedDomains must be {} (allow all known domains) or {"AllowedDomain": [{"Domain": "..."}]}');
  }
  const entries = (allowed as { AllowedDomain?: unknown }).AllowedDomain;
  const next: WireFederation = {
    Identity: 'Global',
    AllowFederatedUsers: allowUsers,
    // An empty array is kept as-is: the service stores it as "federate with nobody" and still answers 200.
    AllowedDomains: entries === undefined ? {} : { AllowedDomain: unique(domainList(entries, 'AllowedDomains.AllowedDomain')).map((Domain) => ({ Domain })) },
    BlockedDomains: unique(domainList(body.BlockedDomains ?? [], 'BlockedDomains')).map((Domain) => ({ Domain })),
  };
  checkSize(next.AllowedDomains.AllowedDomain ?? []);
  return next;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
