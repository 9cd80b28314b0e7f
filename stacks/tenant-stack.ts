import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { DnsProvider } from '@cdktf/provider-dns/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { CviDnsRecords, DnsZone, SrvRecord, srvRecordsFromPreset } from '../constructs/dns-records';
import { VendorAppConsent } from '../constructs/vendor-app-consent';
import { relativeToZone } from '../constructs/dns-names';
import { addBackend } from './backend';
import { resolveVendorSettings, VendorSettings } from './vendor-settings';
import { srvDomain, type TenantConfig } from './tenant-config';

/**
 * One Terraform stack per tenant: the providers it uses (and no others), its backend, the vendor
 * app's admin consent and, when the customer publishes DNS, the SRV records.
 */
export class TenantStack extends TerraformStack {
  readonly config: TenantConfig;
  readonly settings: VendorSettings;
  readonly consent: VendorAppConsent;
  readonly dnsRecords?: CviDnsRecords;

  constructor(scope: Construct, config: TenantConfig) {
    super(scope, config.tenant.name);
    this.config = config;
    this.settings = resolveVendorSettings(config);
    addBackend(this, config);

    // Credentials come from ARM_* variables (client secret, certificate, OIDC, Azure CLI).
    new AzureadProvider(this, 'azuread', { tenantId: config.tenant.id });
    this.consent = new VendorAppConsent(this, 'consent', this.settings.consent);
    this.dnsRecords = addDnsRecords(this, config);
  }
}

function addDnsRecords(stack: TenantStack, config: TenantConfig): CviDnsRecords | undefined {
  const dns = config.dns;
  if (!dns || dns.provider === 'none' || !dns.zone) return undefined;
  const records: SrvRecord[] = [
    ...(dns.preset ? srvRecordsFromPreset(dns.preset.name, dns.preset) : []),
    ...(dns.records ?? []),
  ];
  let zone: DnsZone;
  if (dns.provider === 'azure' && dns.azure) {
    new AzurermProvider(stack, 'azurerm', {
      features: [{}],
      subscriptionId: dns.azure.subscriptionId,
      tenantId: config.tenant.id,
      // Writing DNS records needs no resource provider registration, nor the rights to do it.
      resourceProviderRegistrations: 'none',
    });
    zone = DnsZone.azure(dns.zone, dns.azure.resourceGroup);
  } else if (dns.rfc2136) {
    // No key_secret here: the dns provider reads DNS_UPDATE_KEYSECRET from the environment.
    new DnsProvider(stack, 'dns', {
      update: [
        {
          server: dns.rfc2136.server,
          port: dns.rfc2136.port ?? 53,
          keyName: dns.rfc2136.keyName,
          keyAlgorithm: dns.rfc2136.keyAlgorithm ?? 'hmac-sha256',
          transport: dns.rfc2136.transport,
        },
      ],
    });
    zone = DnsZone.rfc2136(dns.zone);
  } else {
    return undefined;
  }
  return new CviDnsRecords(stack, 'dns-records', {
    zone,
    relativeName: relativeToZone(srvDomain(config), dns.zone) ?? '',
    records,
    ttl: dns.ttl,
  });
}
