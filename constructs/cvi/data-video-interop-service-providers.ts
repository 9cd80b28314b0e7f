/**
 * Binding of the data source `cvi_video_interop_service_providers`: the tenant's video interop
 * service providers as the service holds them (every one, or the one of `identity`). A
 * `TerraformDataSource`: read at plan time, never managed.
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { synthesizeHcl, synthesizeJson, AttributeTable, resourceOptions } from './attributes';

export interface DataCviVideoInteropServiceProvidersConfig extends cdktf.TerraformMetaArguments {
  /** Only the service provider of this identity (compared without regard to case). @default every one */
  readonly identity?: string;
}

/** One listed service provider; every getter is a Terraform reference. */
export class DataCviVideoInteropServiceProvider extends cdktf.ComplexObject {
  constructor(parent: cdktf.IInterpolatingParent, attribute: string, index: number) {
    super(parent, attribute, false, index);
  }
  public get identity(): string {
    return this.getStringAttribute('identity');
  }
  public get tenantKey(): string {
    return this.getStringAttribute('tenant_key');
  }
  /** Null in Terraform when the provider has none. */
  public get instructionUri(): string {
    return this.getStringAttribute('instruction_uri');
  }
  public get aadApplicationIds(): string[] {
    return this.getListAttribute('aad_application_ids');
  }
  public get allowAppGuestJoinsAsAuthenticated(): cdktf.IResolvable {
    return this.getBooleanAttribute('allow_app_guest_joins_as_authenticated');
  }
}

/** The listed service providers, sorted by identity. */
export class DataCviVideoInteropServiceProviderList extends cdktf.ComplexList {
  constructor(
    protected terraformResource: cdktf.IInterpolatingParent,
    protected terraformAttribute: string,
  ) {
    super(terraformResource, terraformAttribute, false);
  }
  public get(index: number): DataCviVideoInteropServiceProvider {
    return new DataCviVideoInteropServiceProvider(this.terraformResource, this.terraformAttribute, index);
  }
}

export class DataCviVideoInteropServiceProviders extends cdktf.TerraformDataSource {
  public static readonly tfResourceType = 'cvi_video_interop_service_providers';

  private _identity?: string;
  private readonly _serviceProviders = new DataCviVideoInteropServiceProviderList(this, 'service_providers');

  constructor(scope: Construct, id: string, config: DataCviVideoInteropServiceProvidersConfig = {}) {
    super(scope, id, resourceOptions(DataCviVideoInteropServiceProviders.tfResourceType, config));
    this._identity = config.identity;
  }

  /** The tenant id the list was read from. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get identity(): string {
    return this.getStringAttribute('identity');
  }
  public set identity(value: string) {
    this._identity = value;
  }
  public resetIdentity(): void {
    this._identity = undefined;
  }
  public get identityInput(): string | undefined {
    return this._identity;
  }

  public get serviceProviders(): DataCviVideoInteropServiceProviderList {
    return this._serviceProviders;
  }

  private table(): AttributeTable {
    return { identity: { kind: 'string', value: this._identity } };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return synthesizeJson(this.table());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return synthesizeHcl(this.table());
  }
}
