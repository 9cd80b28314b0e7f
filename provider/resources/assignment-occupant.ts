/**
 * What already holds the scope a new policy assignment wants (the adoption rule, adoption.ts):
 * - global: a tenant-wide grant of a non-default policy (Global is the default);
 * - group: any grant of this policy type to the group (one per group and type);
 * - users: declared users who hold the policy directly, as far as one cheap read shows it: the
 *   user search (a candidate route, teams-wire-evidence.md §5) answers direct assignments of the
 *   whole tenant in one paged call. Where the service refuses it, the per-user read would cost a
 *   call per user and reads the effective policy (a group or tenant-wide grant looks the same),
 *   so it proves nothing: the users scope is then not checked, with a warning.
 * Where the tenant-wide grant cannot be read (§6), the global scope is not checked either.
 */
import { formatPolicyAssignmentImportId } from '../../domain/import-ids';
import type { TfObject, TfValue } from '../server/values';
import { knownString } from '../plan';
import type { Occupant, Phase } from './adoption';
import { scopeOfAssignment, type PolicyAssignmentState } from './policy-assignment-model';
import { scopeOf, type Scope } from './policy-scope';
import type { ResourceContext } from './resource';

/** The scope a create wants, as far as it is known (at plan, values may still be unknown). */
export interface AssignmentTarget {
  readonly scope: Scope | undefined;
  readonly policyName: string | undefined;
  readonly groupId: string | undefined;
  readonly users: readonly string[];
}

/** The declared users, whatever shape the attribute has (a set, or a map keyed by user). */
export function declaredUsers(value: TfValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((u): u is string => typeof u === 'string');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.keys(value);
  return [];
}

/** The target of a planned object (plan time: any value may be unknown). */
export function plannedTarget(planned: TfObject): AssignmentTarget {
  return { scope: scopeOf(planned), policyName: knownString(planned.policy_name), groupId: knownString(planned.group_id), users: declaredUsers(planned.users) };
}

/** The target of an assignment's model (apply time: every value known). */
export function modelTarget(model: PolicyAssignmentState): AssignmentTarget {
  return { scope: scopeOfAssignment(model), policyName: model.policyName, groupId: model.groupId ?? undefined, users: model.users ?? [] };
}

/** What holds the scope of a planned object (see `occupantOf`). */
export function assignmentOccupant(ctx: ResourceContext, planned: TfObject, phase: Phase): Promise<Occupant | undefined> {
  return occupantOf(ctx, plannedTarget(planned), phase);
}

export async function occupantOf(ctx: ResourceContext, target: AssignmentTarget, phase: Phase): Promise<Occupant | undefined> {
  const { lists } = ctx.session;
  const policyName = target.policyName;
  switch (target.scope) {
    case 'global': {
      if (phase === 'apply') lists.forget('tenant-grant');
      const live = await lists.tenantGrant();
      if (!live.available) {
        warnUnchecked(ctx, 'the tenant-wide grant', `its read was refused (${live.reason})`);
        return undefined;
      }
      if (live.policyName === null || live.policyName.toLowerCase() === 'global') return undefined;
      return { description: `the tenant-wide grant of ${live.policyName}`, importId: formatPolicyAssignmentImportId({ scope: 'global' }), match: { global: true } };
    }
    case 'group': {
      const groupId = target.groupId;
      if (groupId === undefined) return undefined;
      if (phase === 'apply') lists.forget('groups');
      const live = (await lists.groupAssignments()).find((a) => a.groupId.toLowerCase() === groupId.toLowerCase());
      if (!live) return undefined;
      return {
        description: `the grant of ${live.policyName} to group ${live.groupId} (rank ${live.rank})`,
        importId: formatPolicyAssignmentImportId({ scope: 'group', groupId: live.groupId }),
        match: { group_id: groupId },
      };
    }
    case 'users': {
      const declared = target.users;
      if (policyName === undefined || declared.length === 0) return undefined;
      // No candidates: the per-user fallback then reads nobody (it could not prove a direct grant anyway).
      const holders = await ctx.session.client.usersHoldingPolicy(policyName, [], { ...ctx.session.callOptions(), allUsers: true });
      if (holders.path !== 'search') {
        warnUnchecked(ctx, `the users' direct grants of ${policyName}`, `the user search is not available (${holders.reason ?? 'no reason given'})`);
        return undefined;
      }
      const held = new Set(holders.users.map((u) => u.toLowerCase()));
      const taken = declared.filter((u) => held.has(u.toLowerCase()));
      if (taken.length === 0) return undefined;
      const shown = taken.length > 5 ? `${taken.slice(0, 5).join(', ')} and ${taken.length - 5} more` : taken.join(', ');
      return {
        description: `a direct grant of ${policyName} to ${shown}`,
        importId: formatPolicyAssignmentImportId({ scope: 'users', policyName, users: taken }),
        match: { policy_name: policyName },
      };
    }
    default:
      return undefined;
  }
}

function warnUnchecked(ctx: ResourceContext, what: string, why: string): void {
  ctx.warn(
    'Could not check whether the scope is taken',
    `tenant ${ctx.session.tenantId}: ${what} could not be checked before the create, because ${why}. ` +
      'If another stack or an admin already granted it, this apply overwrites that grant.',
  );
}
