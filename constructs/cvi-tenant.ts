/**
 * CviTenant: one tenant's whole Cloud Video Interop setup from one props object shaped like the
 * tenant file. DNS SRV records (when the customer publishes them), the vendor app's admin consent
 * (unless managed elsewhere), the video interop service provider, the policy assignments and (for
 * hosted vendors) the federation allow-list entry. Teams objects wait for the consent grant, so
 * the vendor's bots can act the moment Teams starts stamping invites.
 */
import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider, TerraformStack } from 'cdktf';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { CviProvider } from './cvi/provider';
import { CviTenantProps } from './tenant/tenant-props';
import { resolveTenantSettings, ResolvedTenantSettings } from './tenant/tenant-defaults';
import { CviDnsRecords, DnsZone } from './dns-records';
import { tenantSrvRecords } from './tenant-srv-records';
import { VendorAppConsent } from './vendor-app-consent';
import { VideoInteropServiceProvider } from './video-interop-service-provider';
import { PolicyAssignmentScope, VideoInteropPolicyAssignment } from './video-interop-policy-assignment';
import { FederationAllowedDomain } from './federation-allowed-domain';
import { importExisting } from './tenant/tenant-imports';
import { assignmentScopeProblem, scopesSet } from '../domain/assignment-scope';

export * from './tenant/tenant-props';
export type { ResolvedTenantSettings, ResolvedConsent } from './tenant/tenant-defaults';

export class CviTenant extends Construct {
  /** The values in force after vendor defaults filled what the props left out. */
  public readonly settings: ResolvedTenantSettings;
  /** The `cvi` provider the Teams objects use. */
  public readonly cviProvider: TerraformProvider;
  /** The consent of the first app id (`consents[0]`). */
  public readonly consent?: VendorAppConsent;
  /** One consent per app id the tenant consents, in the order of the app ids. */
  public readonly consents: VendorAppConsent[] = [];
  public readonly dnsRecords?: CviDnsRecords;
  public readonly videoInteropServiceProvider: VideoInteropServiceProvider;
  /** One per scope: global, each group, or the users. */
  public readonly policyAssignments: VideoInteropPolicyAssignment[];
  public readonly federationAllowedDomain?: FederationAllowedDomain;

  constructor(scope: Construct, id: string, props: CviTenantProps) {
    super(scope, id);
    this.settings = resolveTenantSettings(props);
    const providers = props.providers ?? {};
    this.cviProvider = providers.cvi ?? defaultProvider(this, props, 'cvi', () => new CviProvider(this, 'cvi', { tenantId: props.tenant.id, endpoint: props.teamsEndpoint }));

    if (this.settings.consent) {
      const azuread = providers.azuread ?? defaultProvider(this, props, 'azuread', () => new AzureadProvider(this, 'azuread', { tenantId: props.tenant.id }));
      const { appIds, applicationPermissions, delegatedPermissions, useExistingServicePrincipal } = this.settings.consent;
      // The first keeps the construct id `consent` a one-app stack always had, so adding the
      // vendor's other apps never replaces the resources already there.
      this.consents = appIds.map(
        (appId, i) =>
          new VendorAppConsent(this, i === 0 ? 'consent' : `consent-${appId.toLowerCase()}`, {
            appId,
            applicationPermissions,
            delegatedPermissions,
            useExistingServicePrincipal,
            provider: azuread,
          }),
      );
      this.consent = this.consents[0];
    }
    this.dnsRecords = addDnsRecords(this, props, providers.dns);

    this.videoInteropServiceProvider = new VideoInteropServiceProvider(this, 'teams-provider', {
      identity: this.settings.serviceProviderIdentity,
      tenantKey: this.settings.tenantKey,
      instructionUri: this.settings.instructionUri,
      aadApplicationIds: this.settings.aadApplicationIds,
      allowAppGuestJoinsAsAuthenticated: this.settings.allowAppGuestJoinsAsAuthenticated,
      provider: this.cviProvider,
      dependsOn: consentGrant(this.consents),
    });
    // The provider first: a granted policy whose provider does not exist yet stamps nothing on invites.
    const afterProvider = [this.videoInteropServiceProvider.resource];
    this.policyAssignments = assignmentScopes(props).map(
      ({ id: scopeId, scope: assignmentScope }) =>
        new VideoInteropPolicyAssignment(this, scopeId, {
          policyName: this.settings.policyName,
          scope: assignmentScope,
          provider: this.cviProvider,
          dependsOn: afterProvider,
        }),
    );
    if (props.federation) {
      this.federationAllowedDomain = new FederationAllowedDomain(this, 'federation', {
        domain: props.federation.allowedDomain,
        allowOpeningFederation: props.federation.allowOpeningFederation,
        provider: this.cviProvider,
        dependsOn: consentGrant(this.consents),
      });
    }
    importExisting(
      {
        tenantName: props.tenant.name,
        videoInteropServiceProvider: this.videoInteropServiceProvider,
        policyAssignments: this.policyAssignments,
        federationAllowedDomain: this.federationAllowedDomain,
        consents: this.consents,
        dnsRecords: this.dnsRecords,
        dnsOnAzure: props.dns?.provider === 'azure',
      },
      props.import,
    );
  }
}

/**
 * A provider block this construct creates. A stack holds one default (unaliased) block per
 * provider type, so a second tenant in the same stack must bring its own aliased providers;
 * say so here rather than let Terraform fail later on a duplicate provider configuration.
 */
function defaultProvider<T extends TerraformProvider>(scope: Construct, props: CviTenantProps, type: string, create: () => T): T {
  const existing = TerraformStack.of(scope)
    .node.findAll()
    .find((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === type && c.alias === undefined);
  if (existing) {
    throw new Error(
      `tenant ${props.tenant.name}: the stack already has a default ${type} provider (${existing.node.path}); ` +
        `pass providers.${type === 'azurerm' ? 'dns' : type} with an aliased provider to put a second tenant in this stack`,
    );
  }
  return create();
}

/** Every resource of every consent, so Teams objects are created after the grants are complete. */
function consentGrant(consents: readonly VendorAppConsent[]): ITerraformDependable[] | undefined {
  if (consents.length === 0) return undefined;
  return consents.flatMap((c) => [c.servicePrincipal, ...c.appRoleAssignments, ...(c.delegatedGrant ? [c.delegatedGrant] : [])]);
}

function assignmentScopes(props: CviTenantProps): { id: string; scope: PolicyAssignmentScope }[] {
  const a = props.teams.assignment;
  const problem = assignmentScopeProblem(scopesSet((scope) => a[scope] !== undefined));
  if (problem) throw new Error(`tenant ${props.tenant.name}: teams.assignment ${problem}`);
  if (a.global) return [{ id: 'assignment-global', scope: PolicyAssignmentScope.global() }];
  if (a.users) return [{ id: 'assignment-users', scope: PolicyAssignmentScope.users([...a.users]) }];
  // Keyed by group id, so adding or removing one group never renames the others' resources.
  return (a.groups ?? []).map((g) => ({ id: `assignment-group-${g.id.toLowerCase()}`, scope: PolicyAssignmentScope.group(g.id, g.rank) }));
}

function addDnsRecords(scope: Construct, props: CviTenantProps, given?: TerraformProvider): CviDnsRecords | undefined {
  const dns = props.dns;
  if (!dns || dns.provider === 'none') return undefined;
  const where = `tenant ${props.tenant.name}: dns`;
  // Zone rules (required, holds the tenant key's domain) are checked where the records are made.
  const published = tenantSrvRecords(props)!;
  let zone: DnsZone;
  let provider = given;
  if (dns.provider === 'azure') {
    const azure = dns.azure;
    if (!azure) throw new Error(`${where}.azure is required when dns.provider is azure; got nothing`);
    provider ??= defaultProvider(scope, props, 'azurerm', () => new AzurermProvider(scope, 'azurerm', {
      features: [{}],
      subscriptionId: azure.subscriptionId,
      tenantId: props.tenant.id,
      // Writing records needs no resource provider registration, nor the rights to do it.
      resourceProviderRegistrations: 'none',
    }));
    zone = DnsZone.azure(published.zone, azure.resourceGroup);
  } else {
    const server = dns.rfc2136;
    if (!server) throw new Error(`${where}.rfc2136 is required when dns.provider is rfc2136; got nothing`);
    // No key_secret: the dns provider reads DNS_UPDATE_KEYSECRET from the environment.
    provider ??= defaultProvider(scope, props, 'dns', () => new DnsProvider(scope, 'dns', {
      update: [{ server: server.server, port: server.port ?? 53, keyName: server.keyName, keyAlgorithm: server.keyAlgorithm ?? 'hmac-sha256', transport: server.transport }],
    }));
    zone = DnsZone.rfc2136(published.zone);
  }
  return new CviDnsRecords(scope, 'dns-records', { zone, relativeName: published.relativeName, records: published.records, ttl: dns.ttl, provider });
}
