/**
 * A tenant file from what the reader found: the same sections a person would write, vendor
 * defaults left out so the file says only what differs, and an import section with the id of
 * every object found. Whatever the file cannot express becomes a note (a comment at the top):
 * nothing read is dropped silently.
 */
import { VENDORS } from '../../domain/vendors';
import { SERVICE_PROVIDER_IDENTITIES } from '../../domain/service-provider';
import { GRAPH_APPLICATION_PERMISSIONS, GRAPH_DELEGATED_PERMISSIONS } from '../../constructs/graph-permissions';
import type { AppConsent, ConsentReadout, DnsReadout, Part, TeamsReadout } from '../../reader/readout';
import type { ExportOptions } from './options';
import { ExportError, type ExportPlan } from './plan';
import { presetOf, type ExportedSrvRecord } from './dns-preset';
import { assignmentSection } from './assignment';

export { policyGrantedOnlyToUsers } from './assignment';

type Section = Record<string, unknown>;

export interface ExportedTenant {
  /** The file's content in the order it is written. */
  readonly file: Section;
  /** Comments for the top of the file: what was found but cannot be expressed, or was assumed. */
  readonly notes: readonly string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].map((x) => x.toLowerCase()).sort().join('\n') === [...b].map((x) => x.toLowerCase()).sort().join('\n');

export function exportTenantFile(
  options: ExportOptions,
  plan: ExportPlan,
  teams: TeamsReadout,
  consent: Part<ConsentReadout>,
  dns: Part<DnsReadout> | undefined,
  holders?: Part<readonly string[]>,
): ExportedTenant {
  const notes: string[] = [];
  const imports: Section = {};
  const teamsImports: Section = {};
  const serviceProvider = serviceProviderSection(plan, notes);
  teamsImports.serviceProvider = plan.serviceProvider.identity;
  const assignment = assignmentSection(plan, teams, notes, teamsImports, holders);
  const consentPart = consentSection(plan, consent, notes, imports);
  const dnsPart = dnsSection(options, plan, dns, notes, imports);
  const federation = federationSection(options, teams, notes, teamsImports);
  for (const other of plan.others) {
    notes.push(`service provider ${other.identity} (tenant key ${other.tenantKey}) is not exported: a tenant file manages one service provider; export it with --vendor into a file of its own if a stack should own it`);
  }
  if (!('users' in assignment)) {
    notes.push('users holding the policy by direct assignment are not read when the policy is granted tenant-wide or to groups: a tenant file holds one scope');
  }

  const file: Section = {
    tenant: { id: options.tenantId, name: options.name, domain: plan.domain },
    vendor: plan.vendor,
    teams: { ...(Object.keys(serviceProvider).length > 0 ? { serviceProvider } : {}), assignment },
    ...(consentPart ? { consent: consentPart } : {}),
    ...(dnsPart ? { dns: dnsPart } : {}),
    ...(federation ? { federation } : {}),
    import: { teams: teamsImports, ...imports },
  };
  return { file, notes };
}

function serviceProviderSection(plan: ExportPlan, notes: string[]): Section {
  const catalog = VENDORS[plan.vendor];
  const live = plan.serviceProvider;
  const out: Section = {};
  const identity = SERVICE_PROVIDER_IDENTITIES.find((i) => same(i, live.identity));
  if (!identity) throw new ExportError(`the service provider's identity ${live.identity} is not one a tenant file takes (${SERVICE_PROVIDER_IDENTITIES.join(', ')})`);
  if (catalog.serviceProviderIdentity !== identity) out.identity = identity;
  if (catalog.tenantKeyFor?.(plan.domain) !== live.tenantKey) out.tenantKey = live.tenantKey;
  const defaultUri = catalog.instructionUriFor?.(plan.keyDomain);
  if (live.instructionUri !== undefined && live.instructionUri !== defaultUri) out.instructionUri = live.instructionUri;
  if (live.instructionUri === undefined && defaultUri !== undefined) {
    notes.push(`the service provider has no instruction URI, which a tenant file of vendor ${plan.vendor} cannot say: the file gives the vendor's ${defaultUri}, and the first deploy sets it`);
  }
  if (!sameSet(live.aadApplicationIds, catalog.appIds)) {
    if (live.aadApplicationIds.length > 0) out.aadApplicationIds = [...live.aadApplicationIds];
    else if (catalog.appIds.length > 0) notes.push(`the service provider lists no app ids: the file gives the vendor's (${catalog.appIds.join(', ')}), and the first deploy sets them`);
  }
  if (live.allowAppGuestJoinsAsAuthenticated) out.allowAppGuestJoinsAsAuthenticated = true;
  return out;
}

function consentSection(plan: ExportPlan, consent: Part<ConsentReadout>, notes: string[], imports: Section): Section | undefined {
  const catalog = VENDORS[plan.vendor];
  const unmanaged = (why: string): Section => {
    notes.push(`consent is not managed by this file: ${why}`);
    return { enabled: false };
  };
  if (plan.appIds.length === 0) return unmanaged('no app id is known for the vendor; add consent.appId to manage it');
  if (consent.status !== 'read') return unmanaged(`it could not be read (${consent.reason})`);
  const found: AppConsent[] = [];
  for (const app of consent.value.apps) {
    if (app.consent.status === 'read') found.push(app.consent.value);
    else if (app.consent.status === 'missing') notes.push(`app ${app.appId} has not been consented (${app.consent.reason}): the first deploy consents it`);
    else return unmanaged(`app ${app.appId} could not be read (${app.consent.reason})`);
  }
  if (found.length === 0) return undefined;
  const out: Section = {};
  const [first, ...rest] = found;
  for (const other of rest) {
    if (!sameSet(other.applicationPermissions, first.applicationPermissions) || !sameSet(other.delegatedScopes, first.delegatedScopes)) {
      notes.push(`app ${other.appId} holds other permissions than ${first.appId} (${other.applicationPermissions.join(', ')}; delegated ${other.delegatedScopes.join(' ') || 'none'}): the file gives every app those of ${first.appId}`);
    }
  }
  const application = first.applicationPermissions.filter((p) => GRAPH_APPLICATION_PERMISSIONS.has(p));
  const unknownApplication = first.applicationPermissions.filter((p) => !GRAPH_APPLICATION_PERMISSIONS.has(p));
  if (unknownApplication.length > 0) notes.push(`application permissions not in the catalog of Graph names, not exported: ${unknownApplication.join(', ')}`);
  for (const app of found) {
    if (app.unknownAppRoleIds.length > 0) notes.push(`app ${app.appId} holds Graph app roles of no known name, not exported: ${app.unknownAppRoleIds.join(', ')}`);
  }
  const delegated = first.delegatedScopes.filter((s) => GRAPH_DELEGATED_PERMISSIONS.has(s));
  const unknownDelegated = first.delegatedScopes.filter((s) => !GRAPH_DELEGATED_PERMISSIONS.has(s));
  if (unknownDelegated.length > 0) notes.push(`delegated scopes not in the catalog of Graph names, not exported: ${unknownDelegated.join(' ')}`);
  if (application.length === 0) {
    notes.push(`app ${first.appId} holds no application permission: the file gives the vendor's, and the first deploy grants them`);
  } else if (!sameSet(application, catalog.applicationPermissions)) {
    out.applicationPermissions = application;
  }
  if (!sameSet(delegated, catalog.delegatedPermissions)) out.delegatedPermissions = delegated;

  const graphSp = consent.value.graphServicePrincipalId;
  const granted = application.length > 0 ? application : [...catalog.applicationPermissions];
  const consentImports: Section = {};
  for (const app of found) {
    const assignments = Object.fromEntries(
      granted.filter((p) => graphSp && app.appRoleAssignmentIds?.[p]).map((p) => [p, `/servicePrincipals/${graphSp}/appRoleAssignedTo/${app.appRoleAssignmentIds![p]}`]),
    );
    consentImports[app.appId] = {
      servicePrincipal: `/servicePrincipals/${app.servicePrincipalId}`,
      ...(Object.keys(assignments).length > 0 ? { appRoleAssignments: assignments } : {}),
      ...(delegated.length > 0 && app.delegatedGrantId ? { delegatedGrant: `/oauth2PermissionGrants/${app.delegatedGrantId}` } : {}),
    };
  }
  imports.consent = consentImports;
  return Object.keys(out).length > 0 ? out : undefined;
}

function dnsSection(options: ExportOptions, plan: ExportPlan, dns: Part<DnsReadout> | undefined, notes: string[], imports: Section): Section | undefined {
  if (!options.dnsZone || !dns) {
    if (VENDORS[plan.vendor].customerPublishesDns) notes.push('DNS was not read (no --dns-zone): the file declares no SRV records; export again with --dns-zone, --dns-server and --dns-key-name to manage them');
    return undefined;
  }
  if (dns.status !== 'read') throw new ExportError(`the SRV records could not be read: ${dns.reason}`);
  const records: ExportedSrvRecord[] = [];
  const owners: string[] = [];
  for (const set of dns.value.recordSets) {
    if (set.answers.status === 'unreadable') throw new ExportError(`${set.owner}: ${set.answers.reason}`);
    if (set.answers.status === 'missing') continue;
    const [service, protocol] = set.owner.split('.').map((label) => label.replace(/^_/, ''));
    owners.push(`${set.owner}.`);
    const answers = [...set.answers.value].sort((a, b) => a.target.localeCompare(b.target) || a.port - b.port || a.priority - b.priority || a.weight - b.weight);
    for (const a of answers) records.push({ service, protocol, port: a.port, target: a.target, priority: a.priority, weight: a.weight });
  }
  if (records.length === 0) {
    notes.push(`no SRV record of a CVI service was found under ${plan.keyDomain} on ${dns.value.server}: the file declares none`);
    return undefined;
  }
  notes.push('dns.ttl: record TTLs are not read; the file uses the default (3600 s), which the first deploy sets where a record set differs');
  imports.dns = owners;
  const [host, port] = splitServer(options.dnsServer!);
  const preset = presetOf('pexip-infinity', records);
  return {
    provider: 'rfc2136',
    zone: options.dnsZone,
    rfc2136: { server: host, ...(port !== 53 ? { port } : {}), keyName: options.dnsKeyName },
    ...(preset ? { preset } : { records }),
  };
}

function splitServer(server: string): [string, number] {
  const v6 = /^\[(.+)\]:(\d+)$/.exec(server);
  if (v6) return [v6[1], Number(v6[2])];
  const at = server.lastIndexOf(':');
  if (at > 0 && server.indexOf(':') === at) return [server.slice(0, at), Number(server.slice(at + 1))];
  return [server, 53];
}

/** The allow-list entry of --federation-domain, when the list holds it; the rest of the list is noted. */
function federationSection(options: ExportOptions, teams: TeamsReadout, notes: string[], teamsImports: Section): Section | undefined {
  const f = teams.federation;
  if (f.status !== 'read') {
    if (options.federationDomain) throw new ExportError(`--federation-domain: the federation settings could not be read (${f.reason})`);
    notes.push(`federation settings could not be read (${f.reason}): not exported`);
    return undefined;
  }
  const wanted = options.federationDomain;
  const listed = f.value.allowedDomains.find((d) => wanted !== undefined && same(d, wanted));
  if (wanted && !listed && !f.value.allowAllKnownDomains) throw new ExportError(`--federation-domain ${wanted} is not on the tenant's federation allow-list (${f.value.allowedDomains.join(', ') || 'empty'})`);
  const rest = f.value.allowedDomains.filter((d) => d !== listed);
  if (!f.value.allowAllKnownDomains && rest.length > 0) {
    notes.push(`federation allow-list entries not exported: ${rest.join(', ')}${wanted ? '' : "; give --federation-domain with the vendor's domain if this stack should own its entry"}`);
  }
  if (!wanted) return undefined;
  if (listed) teamsImports.federationAllowedDomain = listed;
  else notes.push(`the tenant allows every domain, so ${wanted} has no entry of its own: the first deploy adds one`);
  return { allowedDomain: wanted };
}
