/**
 * What a tenant file says the world should hold, in the terms the reader answers in: the SRV
 * records (from `tenantSrvRecords`, the function CviTenant writes them with), the consent of
 * every vendor app id, and the Teams objects (from the vendor defaults CviTenant resolves).
 */
import { tenantSrvRecords, type DeclaredSrvRecord } from '../../constructs/tenant-srv-records';
import { resolveTenantSettings } from '../../constructs/tenant/tenant-defaults';
import type { TenantConfig } from '../../stacks/tenant-config';

export interface ExpectedConsent {
  readonly appId: string;
  readonly applicationPermissions: readonly string[];
  readonly delegatedScopes: readonly string[];
}

export interface ExpectedTenant {
  readonly srvRecords: readonly DeclaredSrvRecord[];
  /** Empty when the file leaves consent to someone else (consent.enabled: false). */
  readonly consent: readonly ExpectedConsent[];
  readonly serviceProvider: {
    readonly identity: string;
    readonly tenantKey: string;
    readonly instructionUri?: string;
    readonly aadApplicationIds?: readonly string[];
    readonly allowAppGuestJoinsAsAuthenticated: boolean;
  };
  readonly policyName: string;
  readonly assignment: { readonly global: true } | { readonly groups: readonly { id: string; rank: number }[] } | { readonly users: readonly string[] };
  readonly federationDomain?: string;
}

/**
 * The app ids whose consent is checked: the consent app and every app id the service provider
 * lists (the vendor's bots act as each of them, so each needs the grant; Poly has two).
 */
export function consentAppIds(config: TenantConfig): string[] {
  const settings = resolveTenantSettings(config);
  if (!settings.consent) return [];
  const ids = [settings.consent.appId, ...(settings.aadApplicationIds ?? [])];
  const seen = new Set<string>();
  return ids.filter((id) => !seen.has(id.toLowerCase()) && seen.add(id.toLowerCase()));
}

export function expectedTenant(config: TenantConfig): ExpectedTenant {
  const settings = resolveTenantSettings(config);
  const a = config.teams.assignment;
  const consent = settings.consent;
  return {
    srvRecords: tenantSrvRecords(config)?.declared ?? [],
    consent: consent
      ? consentAppIds(config).map((appId) => ({ appId, applicationPermissions: consent.applicationPermissions, delegatedScopes: consent.delegatedPermissions }))
      : [],
    serviceProvider: {
      identity: settings.serviceProviderIdentity,
      tenantKey: settings.tenantKey,
      instructionUri: settings.instructionUri,
      aadApplicationIds: settings.aadApplicationIds,
      allowAppGuestJoinsAsAuthenticated: settings.allowAppGuestJoinsAsAuthenticated,
    },
    policyName: settings.policyName,
    assignment: a.global ? { global: true } : a.groups ? { groups: a.groups } : { users: a.users ?? [] },
    federationDomain: config.federation?.allowedDomain,
  };
}
