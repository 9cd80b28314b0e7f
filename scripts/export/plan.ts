/**
 * The first decisions of an export, from the Teams objects alone: which service provider the
 * file manages (so which vendor), the tenant's domain, the app ids whose consent to read and
 * the SRV names to query. Anything ambiguous is an error naming the option that settles it.
 */
import { DNS_PRESETS, VENDORS, type VendorName } from '../../domain/vendors';
import { relativeToZone, tenantKeyDomain } from '../../constructs/dns-names';
import type { TeamsReadout } from '../../reader/readout';
import type { ServiceProvider } from '../../teams';
import type { ExportOptions } from './options';

export class ExportError extends Error {}

export interface ExportPlan {
  readonly vendor: VendorName;
  /** The service provider the file manages. */
  readonly serviceProvider: ServiceProvider;
  /** The tenant's other service providers (one file manages one). */
  readonly others: readonly ServiceProvider[];
  readonly domain: string;
  /** The tenant key's domain: where the SRV records go. */
  readonly keyDomain: string;
  /** Vendor apps whose consent is read: the service provider's app ids, else the vendor's. */
  readonly appIds: readonly string[];
  /** Absolute SRV owner names to query (lower case, no final dot); empty without --dns-zone. */
  readonly srvOwners: readonly string[];
}

const VENDOR_OF_IDENTITY: Readonly<Record<string, VendorName>> = { pexip: 'pexip', polycom: 'poly', cisco: 'cisco', bluejeans: 'bluejeans' };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function chooseServiceProvider(options: ExportOptions, providers: readonly ServiceProvider[]): { vendor: VendorName; serviceProvider: ServiceProvider } {
  const listed = providers.map((p) => p.identity).join(', ');
  if (providers.length === 0) throw new ExportError('the tenant has no video interop service provider: there is nothing to export');
  if (options.vendor) {
    const name = VENDORS[options.vendor].serviceProviderIdentity;
    const provider = name ? providers.find((p) => same(p.identity, name)) : providers.length === 1 ? providers[0] : undefined;
    if (!provider) {
      throw new ExportError(
        name
          ? `the tenant has no ${name} service provider for vendor ${options.vendor} (it has ${listed})`
          : `vendor custom takes the tenant's one service provider, but it has ${providers.length} (${listed})`,
      );
    }
    return { vendor: options.vendor, serviceProvider: provider };
  }
  if (providers.length > 1) throw new ExportError(`the tenant has ${providers.length} service providers (${listed}): give --vendor to choose the one this file manages`);
  const vendor = VENDOR_OF_IDENTITY[providers[0].identity.toLowerCase()];
  if (!vendor) throw new ExportError(`the service provider ${providers[0].identity} is of no vendor in the catalog: give --vendor custom`);
  return { vendor, serviceProvider: providers[0] };
}

export function planExport(options: ExportOptions, teams: TeamsReadout): ExportPlan {
  const { vendor, serviceProvider: provider } = chooseServiceProvider(options, teams.serviceProviders);
  const catalog = VENDORS[vendor];
  const keyDomainOfProvider = tenantKeyDomain(provider.tenantKey, '');
  const domain = options.domain ?? (catalog.tenantKeyFor ? keyDomainOfProvider : options.dnsZone);
  if (!domain) throw new ExportError(`give --domain: the tenant key ${provider.tenantKey} of vendor ${vendor} does not say the tenant's domain`);
  const keyDomain = tenantKeyDomain(provider.tenantKey, domain);
  const appIds = provider.aadApplicationIds.length > 0 ? provider.aadApplicationIds : catalog.appIds;

  let srvOwners: string[] = [];
  if (options.dnsZone) {
    if (!catalog.customerPublishesDns) throw new ExportError(`--dns-zone: ${catalog.displayName} owns DNS for the tenant key, so a tenant file of vendor ${vendor} holds no SRV records`);
    if (relativeToZone(keyDomain, options.dnsZone) === undefined) throw new ExportError(`--dns-zone ${options.dnsZone} does not hold ${keyDomain}, the domain of the tenant key where the SRV records are`);
    // The services a CVI tenant publishes are the pexip-infinity preset's; any other name is
    // not one a tenant file writes, so it is not looked for.
    srvOwners = DNS_PRESETS['pexip-infinity'].services.map((s) => `_${s.service}._${s.protocol}.${keyDomain}`);
  }
  return {
    vendor,
    serviceProvider: provider,
    others: teams.serviceProviders.filter((p) => p !== provider),
    domain,
    keyDomain,
    appIds: [...appIds],
    srvOwners,
  };
}
