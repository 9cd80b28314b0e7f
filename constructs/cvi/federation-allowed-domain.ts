/**
 * Binding of `cvi_federation_allowed_domain`: one entry of the tenant's federation allow-list
 * (Set-CsTenantFederationConfiguration, one entry by read-modify-write). Import id: the domain.
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { synthesizeHcl, synthesizeJson, AttributeTable, resourceOptions } from './attributes';

export interface CviFederationAllowedDomainConfig extends cdktf.TerraformMetaArguments {
  /** The vendor's domain to federate with, e.g. `pexip.me`. Changing it replaces the entry. */
  readonly domain: string;
}

export class CviFederationAllowedDomain extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'cvi_federation_allowed_domain';

  public static generateConfigForImport(scope: Construct, importToId: string, domain: string, provider?: cdktf.TerraformProvider) {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: CviFederationAllowedDomain.tfResourceType,
      importId: domain,
      provider,
    });
  }

  private _domain?: string;

  constructor(scope: Construct, id: string, config: CviFederationAllowedDomainConfig) {
    super(scope, id, resourceOptions(CviFederationAllowedDomain.tfResourceType, config));
    this._domain = config.domain;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get domain(): string {
    return this.getStringAttribute('domain');
  }
  public set domain(value: string) {
    this._domain = value;
  }
  public get domainInput(): string | undefined {
    return this._domain;
  }

  /** Computed: true when the tenant allows all known domains, so nothing was written. */
  public get allowAllKnownDomains(): cdktf.IResolvable {
    return this.getBooleanAttribute('allow_all_known_domains');
  }

  private table(): AttributeTable {
    return { domain: { kind: 'string', value: this._domain } };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return synthesizeJson(this.table());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return synthesizeHcl(this.table());
  }
}
