/**
 * Binding of `cvi_video_interop_service_provider`: the tenant's video interop service
 * provider (New-/Set-CsVideoInteropServiceProvider). Import id: the identity, e.g. `Pexip`.
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { synthesizeHcl, synthesizeJson, AttributeTable, resourceOptions } from './attributes';

export interface CviVideoInteropServiceProviderConfig extends cdktf.TerraformMetaArguments {
  /** Provider name: Pexip, Polycom, Cisco or BlueJeans. Changing it replaces the object. */
  readonly identity: string;
  /** The vendor's IVR address shown in invites, e.g. `teams@contoso.com`. */
  readonly tenantKey: string;
  /** Alternate dialing instructions link carrying `{ConfId}`. @default none */
  readonly instructionUri?: string;
  /** App ids of the vendor's bots. @default none */
  readonly aadApplicationIds?: string[];
  /** Devices joining through those bots count as authenticated (lobby bypass). @default false */
  readonly allowAppGuestJoinsAsAuthenticated?: boolean | cdktf.IResolvable;
  /**
   * Adopt what already holds this object's place in the tenant (made by hand or by another
   * stack) and overwrite it with this configuration, with a warning. Without it such a create
   * fails at plan and at apply with the `terraform import` command to run instead.
   * @default not set (refuse)
   */
  readonly takeOver?: boolean | cdktf.IResolvable;
}

export class CviVideoInteropServiceProvider extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'cvi_video_interop_service_provider';

  /** Adopts an existing provider into state on the next plan (`cdktf plan` generates its config). */
  public static generateConfigForImport(scope: Construct, importToId: string, identity: string, provider?: cdktf.TerraformProvider) {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: CviVideoInteropServiceProvider.tfResourceType,
      importId: identity,
      provider,
    });
  }

  private _identity?: string;
  private _tenantKey?: string;
  private _instructionUri?: string;
  private _aadApplicationIds?: string[];
  private _allowAppGuestJoinsAsAuthenticated?: boolean | cdktf.IResolvable;
  private _takeOver?: boolean | cdktf.IResolvable;

  constructor(scope: Construct, id: string, config: CviVideoInteropServiceProviderConfig) {
    super(scope, id, resourceOptions(CviVideoInteropServiceProvider.tfResourceType, config));
    this._identity = config.identity;
    this._tenantKey = config.tenantKey;
    this._instructionUri = config.instructionUri;
    this._aadApplicationIds = config.aadApplicationIds;
    this._allowAppGuestJoinsAsAuthenticated = config.allowAppGuestJoinsAsAuthenticated;
    this._takeOver = config.takeOver;
  }

  /** Computed: equals the identity once created. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get identity(): string {
    return this.getStringAttribute('identity');
  }
  public set identity(value: string) {
    this._identity = value;
  }
  public get identityInput(): string | undefined {
    return this._identity;
  }

  public get tenantKey(): string {
    return this.getStringAttribute('tenant_key');
  }
  public set tenantKey(value: string) {
    this._tenantKey = value;
  }
  public get tenantKeyInput(): string | undefined {
    return this._tenantKey;
  }

  public get instructionUri(): string {
    return this.getStringAttribute('instruction_uri');
  }
  public set instructionUri(value: string) {
    this._instructionUri = value;
  }
  public resetInstructionUri(): void {
    this._instructionUri = undefined;
  }
  public get instructionUriInput(): string | undefined {
    return this._instructionUri;
  }

  public get aadApplicationIds(): string[] {
    return cdktf.Fn.tolist(this.getListAttribute('aad_application_ids'));
  }
  public set aadApplicationIds(value: string[]) {
    this._aadApplicationIds = value;
  }
  public resetAadApplicationIds(): void {
    this._aadApplicationIds = undefined;
  }
  public get aadApplicationIdsInput(): string[] | undefined {
    return this._aadApplicationIds;
  }

  public get allowAppGuestJoinsAsAuthenticated(): cdktf.IResolvable {
    return this.getBooleanAttribute('allow_app_guest_joins_as_authenticated');
  }
  public set allowAppGuestJoinsAsAuthenticated(value: boolean | cdktf.IResolvable) {
    this._allowAppGuestJoinsAsAuthenticated = value;
  }
  public resetAllowAppGuestJoinsAsAuthenticated(): void {
    this._allowAppGuestJoinsAsAuthenticated = undefined;
  }
  public get allowAppGuestJoinsAsAuthenticatedInput(): boolean | cdktf.IResolvable | undefined {
    return this._allowAppGuestJoinsAsAuthenticated;
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
      identity: { kind: 'string', value: this._identity },
      tenant_key: { kind: 'string', value: this._tenantKey },
      instruction_uri: { kind: 'string', value: this._instructionUri },
      aad_application_ids: { kind: 'stringSet', value: this._aadApplicationIds },
      allow_app_guest_joins_as_authenticated: { kind: 'bool', value: this._allowAppGuestJoinsAsAuthenticated },
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
