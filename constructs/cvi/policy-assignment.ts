/**
 * Binding of `cvi_video_interop_policy_assignment`: one grant of a pre-built
 * TeamsVideoInteropServicePolicy (Grant-CsTeamsVideoInteropServicePolicy). Exactly one scope:
 * `global`, `groupId` (+ `groupRank`) or `users`. Import ids: `global`, `group/<groupId>`,
 * `users/<policyName>`.
 */
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { synthesizeHcl, synthesizeJson, AttributeTable, resourceOptions } from './attributes';

export interface CviVideoInteropPolicyAssignmentConfig extends cdktf.TerraformMetaArguments {
  /** Policy name without the `Tag:` prefix, e.g. `PexipServiceProviderEnabled`. */
  readonly policyName: string;
  /** Grant to the whole tenant. @default none */
  readonly global?: boolean | cdktf.IResolvable;
  /** Grant to the direct members of this Entra ID group (object id). @default none */
  readonly groupId?: string;
  /** Precedence among the group assignments of this policy type, 1 is highest. @default 1 */
  readonly groupRank?: number;
  /**
   * Grant directly to these users (UPNs, SIP addresses or object ids), at most 50,000. Written as the
   * provider's map from each user to true. @default none
   */
  readonly users?: string[];
  /**
   * Adopt what already holds this object's place in the tenant (made by hand or by another
   * stack) and overwrite it with this configuration, with a warning. Without it such a create
   * fails at plan and at apply with the `terraform import` command to run instead.
   * @default not set (refuse)
   */
  readonly takeOver?: boolean | cdktf.IResolvable;
}

export class CviVideoInteropPolicyAssignment extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'cvi_video_interop_policy_assignment';

  /** Adopts an existing grant: import id `global`, `group/<groupId>` or `users/<policyName>`. */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: CviVideoInteropPolicyAssignment.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private _policyName?: string;
  private _global?: boolean | cdktf.IResolvable;
  private _groupId?: string;
  private _groupRank?: number;
  private _users?: string[];
  private _takeOver?: boolean | cdktf.IResolvable;

  constructor(scope: Construct, id: string, config: CviVideoInteropPolicyAssignmentConfig) {
    super(scope, id, resourceOptions(CviVideoInteropPolicyAssignment.tfResourceType, config));
    this._policyName = config.policyName;
    this._global = config.global;
    this._groupId = config.groupId;
    this._groupRank = config.groupRank;
    this._users = config.users;
    this._takeOver = config.takeOver;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get policyName(): string {
    return this.getStringAttribute('policy_name');
  }
  public set policyName(value: string) {
    this._policyName = value;
  }
  public get policyNameInput(): string | undefined {
    return this._policyName;
  }

  public get global(): cdktf.IResolvable {
    return this.getBooleanAttribute('global');
  }
  public set global(value: boolean | cdktf.IResolvable) {
    this._global = value;
  }
  public resetGlobal(): void {
    this._global = undefined;
  }
  public get globalInput(): boolean | cdktf.IResolvable | undefined {
    return this._global;
  }

  public get groupId(): string {
    return this.getStringAttribute('group_id');
  }
  public set groupId(value: string) {
    this._groupId = value;
  }
  public resetGroupId(): void {
    this._groupId = undefined;
  }
  public get groupIdInput(): string | undefined {
    return this._groupId;
  }

  public get groupRank(): number {
    return this.getNumberAttribute('group_rank');
  }
  public set groupRank(value: number) {
    this._groupRank = value;
  }
  public resetGroupRank(): void {
    this._groupRank = undefined;
  }
  public get groupRankInput(): number | undefined {
    return this._groupRank;
  }

  /** The users as a list (the keys of the provider's map). */
  public get users(): string[] {
    return cdktf.Fn.keys(this.getBooleanMapAttribute('users'));
  }
  public set users(value: string[]) {
    this._users = value;
  }
  public resetUsers(): void {
    this._users = undefined;
  }
  public get usersInput(): string[] | undefined {
    return this._users;
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
      policy_name: { kind: 'string', value: this._policyName },
      global: { kind: 'bool', value: this._global },
      group_id: { kind: 'string', value: this._groupId },
      group_rank: { kind: 'number', value: this._groupRank },
      users: { kind: 'keySet', value: this._users },
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
