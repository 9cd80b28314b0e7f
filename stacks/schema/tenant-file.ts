import { z } from 'zod';
import { VENDOR_NAMES, vendorDefaults } from '../../domain/vendors';
import { relativeToZone, tenantKeyDomain } from '../../domain/dns-names';
import { domain, guid, slug } from './primitives';
import { teamsSection } from './teams';
import { consentSection } from './consent';
import { dnsSection } from './dns';
import { backendSection } from './backend';
import { importSection } from './import';
import { checkDnsRecords } from './dns-records-check';

const tenantSection = z
  .strictObject({
    id: guid().describe('Entra ID tenant id'),
    name: slug().describe('Short name; names the stack and its directory'),
    domain: domain().describe('The domain the CVI join address lives in'),
  })
  .describe('The Microsoft 365 tenant');

const federationSection = z
  .strictObject({
    allowedDomain: domain().describe("The hosted vendor's domain to allow for federation"),
    allowOpeningFederation: z
      .boolean('must be true or false')
      .optional()
      .describe('true: add the domain even when the tenant federates with nobody (empty allow-list), opening federation to it'),
  })
  .describe('Hosted vendors that ask to be trusted for federation');

/** The shape of `tenants/<name>.yaml`; `schema/tenant.schema.json` is generated from it. */
export const tenantFileSchema = z
  .strictObject({
    tenant: tenantSection,
    vendor: z.enum(VENDOR_NAMES, `must be one of ${VENDOR_NAMES.join(', ')}`).describe('The CVI vendor'),
    teams: teamsSection.describe('Teams video interop service provider and policy assignment'),
    consent: consentSection.optional(),
    dns: dnsSection.optional(),
    federation: federationSection.optional(),
    backend: backendSection.optional(),
    import: importSection.optional(),
  })
  .superRefine((file, ctx) => {
    const vendor = vendorDefaults(file.vendor);
    const need = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    if (vendor.appIds.length === 0 && !file.consent?.appId && !file.teams.serviceProvider?.aadApplicationIds) {
      need(['consent', 'appId'], `is required for vendor ${file.vendor}: its app id is not published (or set teams.serviceProvider.aadApplicationIds)`);
    }
    if (!vendor.tenantKeyFor && !file.teams.serviceProvider?.tenantKey) {
      need(['teams', 'serviceProvider', 'tenantKey'], `is required for vendor ${file.vendor} (shape ${vendor.tenantKeyShape})`);
    }
    if (!vendor.serviceProviderIdentity && !file.teams.serviceProvider?.identity) {
      need(['teams', 'serviceProvider', 'identity'], `is required for vendor ${file.vendor}`);
    }
    if (!vendor.policyName && !file.teams.assignment.policyName) {
      need(['teams', 'assignment', 'policyName'], `is required for vendor ${file.vendor}`);
    }
    const dns = file.dns;
    if (!dns || dns.provider === 'none') return;
    if (!vendor.customerPublishesDns) {
      ctx.addIssue({
        code: 'custom',
        path: ['dns', 'provider'],
        message: `must be none for vendor ${file.vendor}: ${vendor.displayName} owns DNS for the tenant key`,
        input: dns.provider,
      });
      return;
    }
    const keyDomain = srvDomain(file);
    if (dns.zone && relativeToZone(keyDomain, dns.zone) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dns', 'zone'],
        message: `must contain ${keyDomain}, the domain of the tenant key where the SRV records go`,
        input: dns.zone,
      });
    }
    checkDnsRecords(dns, ctx);
  });

export type TenantFile = z.output<typeof tenantFileSchema>;

/** The domain the SRV records are published under: where callers resolve the tenant key. */
export function srvDomain(file: TenantFile): string {
  const key = file.teams.serviceProvider?.tenantKey ?? vendorDefaults(file.vendor).tenantKeyFor?.(file.tenant.domain);
  return tenantKeyDomain(key, file.tenant.domain);
}
