/**
 * The `import` section of a tenant at work: each id given there becomes a Terraform import block
 * on the resource it names (cdktf `importFrom`), so the first deploy adopts what exists and
 * creates nothing. Every id must name an object the rest of the tenant declares; one that names
 * nothing is an error here rather than an import Terraform would refuse at plan time.
 *
 * Import blocks stay in the configuration after the first deploy: Terraform ignores an import
 * block whose resource is already in state with that id.
 */
import { TerraformResource } from 'cdktf';
import { formatPolicyAssignmentImportId, parsePolicyAssignmentImportId, POLICY_ASSIGNMENT_IMPORT_FORMS, type PolicyAssignmentImportId } from '../../domain/import-ids';
import type { CviDnsRecords } from '../dns-records';
import type { FederationAllowedDomain } from '../federation-allowed-domain';
import type { VendorAppConsent } from '../vendor-app-consent';
import type { VideoInteropPolicyAssignment } from '../video-interop-policy-assignment';
import type { VideoInteropServiceProvider } from '../video-interop-service-provider';
import type { CviTenantImport } from './tenant-props';

/** What a tenant built, for its import ids to be matched against. */
export interface TenantObjects {
  readonly tenantName: string;
  readonly videoInteropServiceProvider: VideoInteropServiceProvider;
  readonly policyAssignments: readonly VideoInteropPolicyAssignment[];
  readonly federationAllowedDomain?: FederationAllowedDomain;
  readonly consents: readonly VendorAppConsent[];
  readonly dnsRecords?: CviDnsRecords;
  /** Whether the records are in Azure DNS (whose import ids this section does not take). */
  readonly dnsOnAzure: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const withoutDot = (name: string) => name.replace(/\.$/, '');

function adopt(resource: TerraformResource, id: string): void {
  resource.importFrom(id, resource.provider);
}

export function importExisting(objects: TenantObjects, given: CviTenantImport | undefined): void {
  if (!given) return;
  const fail = (path: string, rule: string, value: unknown): never => {
    throw new Error(`tenant ${objects.tenantName}: import.${path}: ${rule} (got ${typeof value === 'string' ? value : JSON.stringify(value)})`);
  };
  importTeams(objects, given, fail);
  importConsent(objects, given, fail);
  importDns(objects, given, fail);
}

type Fail = (path: string, rule: string, value: unknown) => never;

function importTeams(objects: TenantObjects, given: CviTenantImport, fail: Fail): void {
  const teams = given.teams ?? {};
  if (teams.serviceProvider !== undefined) {
    const identity = objects.videoInteropServiceProvider.identity;
    if (!same(teams.serviceProvider, identity)) fail('teams.serviceProvider', `must be the identity of the service provider the file declares, ${identity}`, teams.serviceProvider);
    adopt(objects.videoInteropServiceProvider.resource, teams.serviceProvider);
  }
  const taken = new Set<VideoInteropPolicyAssignment>();
  (teams.policyAssignments ?? []).forEach((id, i) => {
    const path = `teams.policyAssignments[${i}]`;
    const parsed = parsePolicyAssignmentImportId(id);
    const target = parsed.ok ? parsed.value : fail(path, `must be ${POLICY_ASSIGNMENT_IMPORT_FORMS}`, id);
    const assignment = objects.policyAssignments.find((a) => assignmentMatches(a, target));
    if (!assignment) fail(path, `names no policy assignment the file declares (${objects.policyAssignments.map(declaredAs).join(', ')})`, id);
    if (taken.has(assignment!)) fail(path, 'names an assignment another id already imports', id);
    taken.add(assignment!);
    adopt(assignment!.resource, id);
  });
  if (teams.federationAllowedDomain !== undefined) {
    const entry = objects.federationAllowedDomain;
    if (!entry) fail('teams.federationAllowedDomain', 'needs a federation section that declares the domain', teams.federationAllowedDomain);
    const declared = String(entry!.resource.domainInput);
    if (!same(declared, teams.federationAllowedDomain)) fail('teams.federationAllowedDomain', `must be the domain of the federation section, ${declared}`, teams.federationAllowedDomain);
    adopt(entry!.resource, teams.federationAllowedDomain);
  }
}

/** An id names the assignment of its scope; a group's, the assignment of that group. */
function assignmentMatches(assignment: VideoInteropPolicyAssignment, id: PolicyAssignmentImportId): boolean {
  const scope = assignment.scope;
  if (id.scope !== scope.kind) return false;
  return id.scope !== 'group' || same(id.groupId, scope.groupId ?? '');
}

function declaredAs(assignment: VideoInteropPolicyAssignment): string {
  const scope = assignment.scope;
  return scope.kind === 'group' ? formatPolicyAssignmentImportId({ scope: 'group', groupId: scope.groupId ?? '' }) : scope.kind;
}

function importConsent(objects: TenantObjects, given: CviTenantImport, fail: Fail): void {
  for (const [appId, ids] of Object.entries(given.consent ?? {})) {
    const consent = objects.consents.find((c) => same(c.appId, appId));
    const path = `consent.${appId}`;
    if (!consent) {
      const consented = objects.consents.map((c) => c.appId);
      fail(path, consented.length > 0 ? `names no app the tenant consents (${consented.join(', ')})` : 'names an app, but the tenant does not manage consent', appId);
    }
    adopt(consent!.servicePrincipal, ids.servicePrincipal);
    for (const [permission, id] of Object.entries(ids.appRoleAssignments ?? {})) {
      const at = consent!.applicationPermissions.indexOf(permission);
      if (at < 0) fail(`${path}.appRoleAssignments`, `names a permission the tenant does not grant (${consent!.applicationPermissions.join(', ')})`, permission);
      adopt(consent!.appRoleAssignments[at], id);
    }
    if (ids.delegatedGrant !== undefined) {
      if (!consent!.delegatedGrant) fail(`${path}.delegatedGrant`, 'the tenant grants no delegated permission (consent.delegatedPermissions is empty)', ids.delegatedGrant);
      adopt(consent!.delegatedGrant!, ids.delegatedGrant);
    }
  }
}

function importDns(objects: TenantObjects, given: CviTenantImport, fail: Fail): void {
  const names = given.dns ?? [];
  if (names.length === 0) return;
  if (objects.dnsOnAzure) fail('dns', 'takes the record sets of dns.provider rfc2136 only (Azure DNS record ids are not supported here; import those with terraform import)', names[0]);
  const records = objects.dnsRecords;
  if (!records) fail('dns', 'needs a dns section that declares the record sets', names[0]);
  const taken = new Set<number>();
  names.forEach((name, i) => {
    const at = records!.ownerNames.findIndex((owner) => same(owner, withoutDot(name)));
    if (at < 0) fail(`dns[${i}]`, `names no record set the file declares (${records!.ownerNames.map((o) => `${o}.`).join(', ')})`, name);
    if (taken.has(at)) fail(`dns[${i}]`, 'is listed twice', name);
    taken.add(at);
    adopt(records!.recordSets[at], name);
  });
}
