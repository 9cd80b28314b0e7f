import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { CviTenant } from '../constructs/cvi-tenant';
import { CviDnsRecords } from '../constructs/dns-records';
import { VendorAppConsent } from '../constructs/vendor-app-consent';
import { addBackend } from './backend';
import { resolveVendorSettings, VendorSettings } from './vendor-settings';
import { type TenantConfig } from './tenant-config';

/**
 * One Terraform stack per tenant: its backend and one `CviTenant`, which holds the providers the
 * tenant uses (and no others), the vendor app's admin consent, the SRV records when the customer
 * publishes DNS, and the Teams objects.
 */
export class TenantStack extends TerraformStack {
  readonly config: TenantConfig;
  readonly settings: VendorSettings;
  readonly tenant: CviTenant;
  readonly consent?: VendorAppConsent;
  readonly dnsRecords?: CviDnsRecords;

  constructor(scope: Construct, config: TenantConfig) {
    super(scope, config.tenant.name);
    this.config = config;
    this.settings = resolveVendorSettings(config);
    addBackend(this, config);

    // Credentials come from ARM_* variables (client secret, certificate, OIDC, Azure CLI); the
    // Teams API endpoint override (the emulator) from CVI_TEAMS_ENDPOINT at synth time.
    this.tenant = new CviTenant(this, 'tenant', { ...config, teamsEndpoint: process.env.CVI_TEAMS_ENDPOINT || undefined });
    this.consent = this.tenant.consent;
    this.dnsRecords = this.tenant.dnsRecords;
  }
}
