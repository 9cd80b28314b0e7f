/**
 * Vendor defaults flowing into a tenant's Teams and consent settings: what the tenant file leaves
 * out comes from the vendor catalog (constructs/vendors.ts). A value neither gives is an error
 * that names the field and the vendor.
 */
import { vendorDefaults, VENDOR_NAMES } from '../../domain/vendors';
import { tenantKeyDomain } from '../dns-names';
import type { CviTenantProps } from './tenant-props';
import { VideoInteropServiceProviderIdentity } from '../video-interop-service-provider';

export interface ResolvedConsent {
  /** The first app consented (the one an older stack consented alone). */
  readonly appId: string;
  /** Every app consented, `appId` first: all the vendor's enterprise apps, or the one given. */
  readonly appIds: readonly string[];
  readonly applicationPermissions: readonly string[];
  readonly delegatedPermissions: readonly string[];
  readonly useExistingServicePrincipal: boolean;
}

export interface ResolvedTenantSettings {
  readonly serviceProviderIdentity: VideoInteropServiceProviderIdentity;
  readonly policyName: string;
  readonly tenantKey: string;
  readonly instructionUri?: string;
  /** undefined: no app ids known, the attribute is left unset. */
  readonly aadApplicationIds?: string[];
  readonly allowAppGuestJoinsAsAuthenticated: boolean;
  /** undefined when the stack does not manage consent. */
  readonly consent?: ResolvedConsent;
}

function need<T>(path: string, value: T | undefined, props: CviTenantProps, what: string): T {
  if (value === undefined) {
    throw new Error(`tenant ${props.tenant.name}: ${path} is required for vendor ${props.vendor} (${what}); got nothing`);
  }
  return value;
}

export function resolveTenantSettings(props: CviTenantProps): ResolvedTenantSettings {
  if (!(VENDOR_NAMES as readonly string[]).includes(props.vendor)) {
    throw new Error(`tenant ${props.tenant.name}: vendor must be one of ${VENDOR_NAMES.join(', ')}; got ${JSON.stringify(props.vendor)}`);
  }
  const vendor = vendorDefaults(props.vendor);
  const serviceProvider = props.teams.serviceProvider ?? {};
  const consent = props.consent ?? {};
  const managesConsent = consent.enabled !== false;

  const tenantKey = serviceProvider.tenantKey ?? vendor.tenantKeyFor?.(props.tenant.domain);
  const keyDomain = tenantKeyDomain(tenantKey, props.tenant.domain);
  // The app that is granted consent is the one whose bots join: it belongs in aad_application_ids.
  const appIds = serviceProvider.aadApplicationIds ?? (consent.appId ? [consent.appId] : vendor.appIds);
  // Every app whose bots join needs the grant (Poly RealConnect has two); an app id given for
  // consent alone narrows it to that one.
  const consentedAppIds = consent.appId ? [consent.appId] : appIds;
  const appId = consentedAppIds[0];

  return {
    serviceProviderIdentity: need('teams.serviceProvider.identity', serviceProvider.identity ?? vendor.serviceProviderIdentity, props, 'the vendor has no default') as VideoInteropServiceProviderIdentity,
    policyName: need('teams.assignment.policyName', props.teams.assignment.policyName ?? vendor.policyName, props, 'the vendor has no default'),
    tenantKey: need('teams.serviceProvider.tenantKey', tenantKey, props, `shape ${vendor.tenantKeyShape}`),
    instructionUri: serviceProvider.instructionUri ?? vendor.instructionUriFor?.(keyDomain),
    aadApplicationIds: appIds.length > 0 ? [...appIds] : undefined,
    allowAppGuestJoinsAsAuthenticated: serviceProvider.allowAppGuestJoinsAsAuthenticated ?? false,
    consent: managesConsent
      ? {
          appId: need('consent.appId', appId, props, "its app id is not published; or set consent.enabled: false"),
          appIds: [...consentedAppIds],
          applicationPermissions: consent.applicationPermissions ?? vendor.applicationPermissions,
          delegatedPermissions: consent.delegatedPermissions ?? vendor.delegatedPermissions,
          useExistingServicePrincipal: consent.useExistingServicePrincipal ?? false,
        }
      : undefined,
  };
}
