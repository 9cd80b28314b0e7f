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
  /**
   * true lets the entry be added to a tenant that federates with nobody (an empty allow-list),
   * opening federation to this domain; without it the provider refuses such a tenant at plan.
   * @default not set (refuse)
   */
  readonly allowOpeningFederation?: boolean | cdktf.IResolvable;
  /**
   * Adopt what already holds this object's place in the tenant (made by hand or by another
   * stack) and overwrite it with this configuration, with a warning. Without it such a create
   * fails at plan and at apply with the `terraform import` command to run instead.
   * @default not set (refuse)
   */
  readonly takeOver?: boolean | cdktf.IResolvable;
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
  private _allowOpeningFederation?: boolean | cdktf.IResolvable;
  private _takeOver?: boolean | cdktf.IResolvable;

  constructor(scope: Construct, id: string, config: CviFederationAllowedDomainConfig) {
    super(scope, id, resourceOptions(CviFederationAllowedDomain.tfResourceType, config));
    this._domain = config.domain;
    this._allowOpeningFederation = config.allowOpeningFederation;
    this._takeOver = config.takeOver;
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

  public get allowOpeningFederation(): cdktf.IResolvable {
    return this.getBooleanAttribute('allow_opening_federation');
  }
  public set allowOpeningFederation(value: boolean | cdktf.IResolvable) {
    this._allowOpeningFederation = value;
  }
  public resetAllowOpeningFederation(): void {
    this._allowOpeningFederation = undefined;
  }
  public get allowOpeningFederationInput(): boolean | cdktf.IResolvable | undefined {
    return this._allowOpeningFederation;
  }

  /** Computed: true when the tenant allows all known domains, so nothing was written. */
  public get allowAllKnownDomains(): cdktf.IResolvable {
    return this.getBooleanAttribute('allow_all_known_domains');
  }

  public get takeOver(): cdktf.IResolvable {
    return this.getBooleanAttribute('take_over');
  }
  public set takeOver(value: boolean | cdktf.IResolvable) {
    this._takeOver = value;
  }
  public resetTakeOver(): void {
    this._takeOver = undefined;
  }
  public get takeOverInput(): boolean | cdktf.IResolvable | undefined {
    return this._takeOver;
  }

  private table(): AttributeTable {
    return {
      domain: { kind: 'string', value: this._domain },
      allow_opening_federation: { kind: 'bool', value: this._allowOpeningFederation },
      take_over: { kind: 'bool', value: this._takeOver },
    };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return synthesizeJson(this.table());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return synthesizeHcl(this.table());
  }
}
