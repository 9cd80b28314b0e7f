/**
 * VideoInteropPolicyAssignment: a grant of one of the tenant's pre-built CVI policies
 * (Grant-CsTeamsVideoInteropServicePolicy), which switches invites of the covered organizers
 * to the vendor's provider. Scope is a typed value: the whole tenant, one group, or users.
 */
import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider, Token } from 'cdktf';
import { CviVideoInteropPolicyAssignment } from './cvi/policy-assignment';
import { fail, known, requireGuid } from './validate';
import { MAX_ASSIGNMENT_USERS } from '../domain/limits';
import { groupRankProblem, policyNameProblem } from '../domain/assignment-scope';
import { userProblem } from '../domain/identifiers';

/** Who a policy assignment covers. Precedence in Teams: user > group (best rank) > global. */
export class PolicyAssignmentScope {
  /** Every user of the tenant (Grant-... -Global). */
  public static global(): PolicyAssignmentScope {
    return new PolicyAssignmentScope('global');
  }

  /** The direct members of an Entra ID group; rank 1 is the highest precedence (Grant-... -Group -Rank). */
  public static group(groupId: string, rank: number = 1): PolicyAssignmentScope {
    return new PolicyAssignmentScope('group', groupId, rank);
  }

  /** These users directly (UPNs, SIP addresses or object ids, at most 50,000), e.g. a pilot (Grant-... -Identity). */
  public static users(users: string[]): PolicyAssignmentScope {
    return new PolicyAssignmentScope('users', undefined, undefined, users);
  }

  private constructor(
    public readonly kind: 'global' | 'group' | 'users',
    public readonly groupId?: string,
    public readonly groupRank?: number,
    public readonly users?: string[],
  ) {}
}

export interface VideoInteropPolicyAssignmentProps {
  /** The policy to grant, without the `Tag:` prefix, e.g. `PexipServiceProviderEnabled`. */
  readonly policyName: string;
  /** Who the grant covers. @default PolicyAssignmentScope.global() */
  readonly scope?: PolicyAssignmentScope;
  /**
   * Adopt what already holds this object's place in the tenant (made by hand, or by another
   * stack) and overwrite it with this configuration; the plan and the apply say so in a
   * warning. Without it such a create fails at plan time, naming the `terraform import`
   * command to run instead. Destroy restores the default, not the value taken over.
   * @default false
   */
  readonly takeOver?: boolean;
  /** The `cvi` provider of the tenant. @default the stack's default `cvi` provider */
  readonly provider?: TerraformProvider;
  /** Objects that must exist first, e.g. the video interop provider. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

export class VideoInteropPolicyAssignment extends Construct {
  public readonly resource: CviVideoInteropPolicyAssignment;
  public readonly scope: PolicyAssignmentScope;

  constructor(scope: Construct, id: string, props: VideoInteropPolicyAssignmentProps) {
    super(scope, id);
    const assignmentScope = props.scope ?? PolicyAssignmentScope.global();
    validate(this, props.policyName, assignmentScope);
    this.scope = assignmentScope;
    this.resource = new CviVideoInteropPolicyAssignment(this, 'Resource', {
      policyName: props.policyName,
      global: assignmentScope.kind === 'global' ? true : undefined,
      groupId: assignmentScope.groupId,
      groupRank: assignmentScope.groupRank,
      users: assignmentScope.users,
      // Left out unless set, so stacks without it synthesize as before.
      ...(props.takeOver ? { takeOver: true } : {}),
      provider: props.provider,
      dependsOn: props.dependsOn,
    });
  }
}

function validate(scope: Construct, policyName: string, target: PolicyAssignmentScope): void {
  const nameProblem = known(policyName) ? policyNameProblem(policyName) : undefined;
  if (nameProblem) fail(scope, 'policyName', nameProblem, policyName);
  if (target.kind === 'group') {
    requireGuid(scope, 'scope.groupId', target.groupId);
    const rank = target.groupRank;
    const rankProblem = known(rank) ? groupRankProblem(rank as number) : undefined;
    if (rankProblem) fail(scope, 'scope.groupRank', rankProblem, rank);
  }
  if (target.kind === 'users' && target.users && !Token.isUnresolved(target.users)) {
    if (target.users.length === 0) fail(scope, 'scope.users', 'must name at least one user', target.users);
    if (target.users.length > MAX_ASSIGNMENT_USERS) {
      fail(scope, 'scope.users', `may name at most ${MAX_ASSIGNMENT_USERS} users (assign a group instead)`, `${target.users.length} users`);
    }
    target.users.forEach((user, i) => {
      const problem = known(user) ? userProblem(user) : undefined;
      if (problem) fail(scope, `scope.users[${i}]`, problem, user);
    });
  }
}
