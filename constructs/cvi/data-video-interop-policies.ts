/**
 * Binding of the data source `cvi_video_interop_policies`: the tenant's pre-built
 * TeamsVideoInteropServicePolicy instances (every one, or those of `providerName`). A
 * `TerraformDataSource`: read at plan time, never managed.
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { synthesizeHcl, synthesizeJson, AttributeTable, resourceOptions } from './attributes';

export interface DataCviVideoInteropPoliciesConfig extends cdktf.TerraformMetaArguments {
  /** Only the policies of this service provider name, e.g. `Pexip` (compared without case). @default every policy */
  readonly providerName?: string;
}

/** One listed policy; every getter is a Terraform reference. */
export class DataCviVideoInteropPolicy extends cdktf.ComplexObject {
  constructor(parent: cdktf.IInterpolatingParent, attribute: string, index: number) {
    super(parent, attribute, false, index);
  }
  /** Without `Tag:`: the value a policy assignment's `policy_name` takes. */
  public get name(): string {
    return this.getStringAttribute('name');
  }
  public get description(): string {
    return this.getStringAttribute('description');
  }
  public get providerName(): string {
    return this.getStringAttribute('provider_name');
  }
  public get enabled(): cdktf.IResolvable {
    return this.getBooleanAttribute('enabled');
  }
}

/** The listed policies, sorted by name. */
export class DataCviVideoInteropPolicyList extends cdktf.ComplexList {
  constructor(
    protected terraformResource: cdktf.IInterpolatingParent,
    protected terraformAttribute: string,
  ) {
    super(terraformResource, terraformAttribute, false);
  }
  public get(index: number): DataCviVideoInteropPolicy {
    return new DataCviVideoInteropPolicy(this.terraformResource, this.terraformAttribute, index);
  }
}

export class DataCviVideoInteropPolicies extends cdktf.TerraformDataSource {
  public static readonly tfResourceType = 'cvi_video_interop_policies';

  private _providerName?: string;
  private readonly _policies = new DataCviVideoInteropPolicyList(this, 'policies');

  constructor(scope: Construct, id: string, config: DataCviVideoInteropPoliciesConfig = {}) {
    super(scope, id, resourceOptions(DataCviVideoInteropPolicies.tfResourceType, config));
    this._providerName = config.providerName;
  }

  /** The tenant id the list was read from. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get providerName(): string {
    return this.getStringAttribute('provider_name');
  }
  public set providerName(value: string) {
    this._providerName = value;
  }
  public resetProviderName(): void {
    this._providerName = undefined;
  }
  public get providerNameInput(): string | undefined {
    return this._providerName;
  }

  public get policies(): DataCviVideoInteropPolicyList {
    return this._policies;
  }

  private table(): AttributeTable {
    return { provider_name: { kind: 'string', value: this._providerName } };
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return synthesizeJson(this.table());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return synthesizeHcl(this.table());
  }
}
