/**
 * cvi_video_interop_policy_assignment as its create, read, update, delete and import see it:
 * decoded from, and encoded to, Terraform's object of the schema once (resource.ts). `users` is
 * the set of users, the keys of the attribute's map (each true; policy-users.ts).
 */
import type { TfObject } from '../server/values';
import { Attributes } from './attributes';
import type { Scope } from './policy-scope';
import { usersMap } from './policy-users';
import type { ResourceModel } from './resource';

export const POLICY_ASSIGNMENT = 'cvi_video_interop_policy_assignment';

export interface PolicyAssignmentState {
  /** `global`, `group/<group id>` or `users/<policy>` (domain/import-ids.ts). */
  readonly id: string;
  readonly policyName: string;
  /** true for the tenant-wide grant; null otherwise (false is refused at plan time). */
  readonly global: boolean | null;
  readonly groupId: string | null;
  readonly groupRank: number | null;
  readonly users: readonly string[] | null;
  readonly takeOver: boolean | null;
}

export function decodePolicyAssignment(object: TfObject): PolicyAssignmentState {
  const a = new Attributes(POLICY_ASSIGNMENT, object);
  return {
    id: a.string('id'),
    policyName: a.string('policy_name'),
    global: a.optionalBool('global'),
    groupId: a.optionalString('group_id'),
    groupRank: a.optionalNumber('group_rank'),
    users: a.optionalKeysOfTrue('users'),
    takeOver: a.optionalBool('take_over'),
  };
}

export function encodePolicyAssignment(model: PolicyAssignmentState): TfObject {
  return {
    id: model.id,
    policy_name: model.policyName,
    global: model.global,
    group_id: model.groupId,
    group_rank: model.groupRank,
    users: model.users === null ? null : usersMap(model.users),
    take_over: model.takeOver,
  };
}

export const policyAssignmentModel: ResourceModel<PolicyAssignmentState> = { decode: decodePolicyAssignment, encode: encodePolicyAssignment };

/** The scope the assignment is in (the model's counterpart of policy-scope.ts's `scopeOf`). */
export function scopeOfAssignment(model: PolicyAssignmentState): Scope | undefined {
  if (model.global === true) return 'global';
  if (model.groupId !== null) return 'group';
  if (model.users !== null) return 'users';
  return undefined;
}
