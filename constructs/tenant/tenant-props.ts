/**
 * The props of `CviTenant`, shaped exactly like a validated tenant file (tenants/<name>.yaml):
 * the same sections and field names, so the loader's output is passed as it is. Only the
 * Terraform wiring (`providers`, `teamsEndpoint`) is extra, and the stack's backend is not here.
 */
import { TerraformProvider } from 'cdktf';
import type { DnsPresetName, VendorName } from '../../domain/vendors';
import type { SrvRecord } from '../dns-records';

export interface CviTenantIdentity {
  /** Entra ID tenant id (GUID). */
  readonly id: string;
  /** Short name; names the stack. */
  readonly name: string;
  /** The domain the CVI join address lives in, e.g. `contoso.com`. */
  readonly domain: string;
}

export interface CviTenantServiceProvider {
  /** Identity of the video interop service provider (the CVI platform). @default the vendor's (Pexip for pexip) */
  readonly identity?: 'Pexip' | 'Polycom' | 'Cisco' | 'BlueJeans';
  /** IVR address shown in invites. @default the vendor's, e.g. `teams@<tenant.domain>` for pexip */
  readonly tenantKey?: string;
  /** https link with `{ConfId}`. @default the vendor's pattern, when it has one */
  readonly instructionUri?: string;
  /** The vendor bots' app ids. @default the consent app id, else the vendor's known app ids */
  readonly aadApplicationIds?: readonly string[];
  /** @default false */
  readonly allowAppGuestJoinsAsAuthenticated?: boolean;
}

export interface CviTenantAssignment {
  /** Policy to grant, without `Tag:`. @default the vendor's, e.g. `PexipServiceProviderEnabled` */
  readonly policyName?: string;
  /** Grant tenant-wide. Exactly one of global, groups, users. */
  readonly global?: true;
  /** Grant to groups, each with its rank (1 is the highest precedence). */
  readonly groups?: readonly { readonly id: string; readonly rank: number }[];
  /** Grant directly to users (UPNs, SIP addresses or object ids). */
  readonly users?: readonly string[];
}

export interface CviTenantConsent {
  /**
   * Manage the vendor app's admin consent in this stack. false: consent is granted elsewhere (by
   * hand, or another stack), and the stack holds only the Teams objects (and DNS). @default true
   */
  readonly enabled?: boolean;
  /** Client id of the one vendor app to consent. @default every `teams.serviceProvider.aadApplicationIds` (the vendor's known app ids) */
  readonly appId?: string;
  /** Graph application permissions by name. @default the vendor's (the CVI minimum) */
  readonly applicationPermissions?: readonly string[];
  /** Graph delegated permissions by name; [] grants none. @default the vendor's (User.Read) */
  readonly delegatedPermissions?: readonly string[];
  /** Adopt an existing vendor service principal. @default false */
  readonly useExistingServicePrincipal?: boolean;
}

export interface CviTenantDns {
  /** Where the SRV records are written; `none` when the vendor owns DNS. */
  readonly provider: 'rfc2136' | 'azure' | 'none';
  /** The zone holding the records; the tenant key's domain must be in it. */
  readonly zone?: string;
  /** @default 3600 */
  readonly ttl?: number;
  /** RFC 2136 server; the TSIG secret comes from env DNS_UPDATE_KEYSECRET only. */
  readonly rfc2136?: {
    readonly server: string;
    /** @default 53 */
    readonly port?: number;
    readonly keyName: string;
    /** @default hmac-sha256 */
    readonly keyAlgorithm?: string;
    readonly transport?: 'udp' | 'tcp';
  };
  /** Azure DNS zone location. */
  readonly azure?: { readonly resourceGroup: string; readonly subscriptionId: string };
  /** A vendor preset of SRV services, one record per node and service. */
  readonly preset?: {
    readonly name: DnsPresetName;
    readonly nodes: readonly string[];
    readonly ports?: Readonly<Partial<Record<string, number>>>;
    readonly omit?: readonly string[];
    readonly priority?: number;
    readonly weight?: number;
  };
  /** SRV records given one by one (added to the preset's). */
  readonly records?: readonly SrvRecord[];
}

/** The ids of one vendor app's consent objects, as the azuread provider imports them. */
export interface CviTenantConsentImport {
  /** `/servicePrincipals/<object id>` */
  readonly servicePrincipal: string;
  /** By permission name: `/servicePrincipals/<Graph's service principal id>/appRoleAssignedTo/<assignment id>` */
  readonly appRoleAssignments?: Readonly<Record<string, string>>;
  /** `/oauth2PermissionGrants/<grant id>` */
  readonly delegatedGrant?: string;
}

/** Objects that already exist in the tenant: their import ids, adopted on the first deploy. */
export interface CviTenantImport {
  readonly teams?: {
    /** The identity, e.g. `Pexip`. */
    readonly serviceProvider?: string;
    /** `global`, `global/<policy>`, `group/<id>`, `users/<policy>`, `users/<policy>/<user>,<user>` */
    readonly policyAssignments?: readonly string[];
    /** The domain. */
    readonly federationAllowedDomain?: string;
  };
  /** By vendor app id. */
  readonly consent?: Readonly<Record<string, CviTenantConsentImport>>;
  /** Absolute names of the SRV record sets, ending in a dot (`_sip._tcp.contoso.com.`). */
  readonly dns?: readonly string[];
}

/** Provider instances to use instead of the ones CviTenant would create. */
export interface CviTenantProviders {
  /** @default a `cvi` provider with the tenant's id and `teamsEndpoint` */
  readonly cvi?: TerraformProvider;
  /** @default an azuread provider with the tenant's id (only when consent is managed) */
  readonly azuread?: TerraformProvider;
  /** @default a dns (RFC 2136) or azurerm provider from the `dns` section (only when DNS is managed) */
  readonly dns?: TerraformProvider;
}

export interface CviTenantProps {
  readonly tenant: CviTenantIdentity;
  readonly vendor: VendorName;
  readonly teams: {
    /** The video interop service provider. @default the vendor's */
    readonly serviceProvider?: CviTenantServiceProvider;
    readonly assignment: CviTenantAssignment;
  };
  /** @default consent managed with the vendor's defaults */
  readonly consent?: CviTenantConsent;
  /** @default no DNS records */
  readonly dns?: CviTenantDns;
  /** The hosted vendor's domain to allow for federation. @default none */
  readonly federation?: { readonly allowedDomain: string; readonly allowOpeningFederation?: boolean };
  /** Existing objects to import on the first deploy. @default none: every object is created */
  readonly import?: CviTenantImport;
  /** @default providers created from the props */
  readonly providers?: CviTenantProviders;
  /** Teams admin API base URL for the `cvi` provider this construct creates (the emulator). @default the cloud's */
  readonly teamsEndpoint?: string;
}
