import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { CviTenant } from '../constructs/cvi-tenant';
import type { ResolvedTenantSettings } from '../constructs/tenant/tenant-defaults';
import { CviDnsRecords } from '../constructs/dns-records';
import { VendorAppConsent } from '../constructs/vendor-app-consent';
import { addBackend } from './backend';
import { type TenantConfig } from './tenant-config';

export interface TenantStackOptions {
  /** Folder of local state files. @default $CVI_STATE_DIR, else `state` beside the synth output folder */
  readonly stateDir?: string;
}

/**
 * One Terraform stack per tenant: its backend and one `CviTenant`, which holds the providers the
 * tenant uses (and no others), the vendor app's admin consent, the SRV records when the customer
 * publishes DNS, and the Teams objects.
 */
export class TenantStack extends TerraformStack {
  readonly config: TenantConfig;
  /** Vendor defaults filled in: the values the Teams objects and the consent are built from. */
  readonly settings: ResolvedTenantSettings;
  readonly tenant: CviTenant;
  /** The first app's consent (`consents[0]`). */
  readonly consent?: VendorAppConsent;
  /** One consent per app id the tenant consents. */
  readonly consents: VendorAppConsent[];
  readonly dnsRecords?: CviDnsRecords;

  constructor(scope: Construct, config: TenantConfig, options: TenantStackOptions = {}) {
    super(scope, config.tenant.name);
    this.config = config;
    addBackend(this, config, options.stateDir);

    // Credentials come from ARM_* variables (client secret, certificate, OIDC, Azure CLI); the
    // Teams API endpoint override (the emulator) from CVI_TEAMS_ENDPOINT at synth time.
    this.tenant = new CviTenant(this, 'tenant', { ...config, teamsEndpoint: process.env.CVI_TEAMS_ENDPOINT || undefined });
    this.settings = this.tenant.settings;
    this.consent = this.tenant.consent;
    this.consents = this.tenant.consents;
    this.dnsRecords = this.tenant.dnsRecords;
  }
}
