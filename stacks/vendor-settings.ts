import { VendorName, vendorDefaults } from '../constructs/vendors';
import { srvDomain, type TenantConfig } from './tenant-config';

/** The Teams and consent values of a tenant after vendor defaults fill what the file left out. */
export interface VendorSettings {
  readonly vendor: VendorName;
  /** `Name`/`Identity` of the video interop service provider, e.g. `Pexip`. */
  readonly providerName: string;
  /** TeamsVideoInteropServicePolicy to grant, e.g. `PexipServiceProviderEnabled`. */
  readonly policyName: string;
  readonly tenantKey: string;
  readonly instructionUri?: string;
  readonly aadApplicationIds: readonly string[];
  readonly allowAppGuestJoinsAsAuthenticated: boolean;
  readonly consent: {
    readonly appId: string;
    readonly applicationPermissions: readonly string[];
    readonly delegatedPermissions: readonly string[];
    readonly useExistingServicePrincipal: boolean;
  };
}

/**
 * Fill vendor defaults from the catalog. The schema has already required whatever the catalog
 * does not know (app id, tenant key, provider name, policy name), so every value resolves.
 */
export function resolveVendorSettings(config: TenantConfig): VendorSettings {
  const vendor = vendorDefaults(config.vendor);
  const provider = config.teams.provider ?? {};
  const consent = config.consent ?? {};
  const keyDomain = srvDomain(config);
  const appId = consent.appId ?? provider.aadApplicationIds?.[0] ?? vendor.appIds[0];
  const aadApplicationIds = provider.aadApplicationIds ?? (vendor.appIds.length > 0 ? vendor.appIds : [appId]);
  return {
    vendor: config.vendor,
    providerName: required(provider.name ?? vendor.providerName, 'teams.provider.name'),
    policyName: required(config.teams.assignment.policyName ?? vendor.policyName, 'teams.assignment.policyName'),
    tenantKey: required(provider.tenantKey ?? vendor.tenantKeyFor?.(config.tenant.domain), 'teams.provider.tenantKey'),
    instructionUri: provider.instructionUri ?? vendor.instructionUriFor?.(keyDomain),
    aadApplicationIds,
    allowAppGuestJoinsAsAuthenticated: provider.allowAppGuestJoinsAsAuthenticated ?? false,
    consent: {
      appId: required(appId, 'consent.appId'),
      applicationPermissions: consent.applicationPermissions ?? vendor.applicationPermissions,
      delegatedPermissions: consent.delegatedPermissions ?? vendor.delegatedPermissions,
      useExistingServicePrincipal: consent.useExistingServicePrincipal ?? false,
    },
  };
}

function required(value: string | undefined, field: string): string {
  // Unreachable for configs from the loader; guards hand-built configs in code and tests.
  if (value === undefined) throw new Error(`${field}: is required for this vendor`);
  return value;
}
