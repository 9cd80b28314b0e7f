/**
 * The scope of a policy assignment (tenant, group or users) and the user-set arithmetic of
 * in-place updates. User identities compare without case, as the service compares them.
 */
import type { AssignmentScope } from '../../domain/assignment-scope';
import type { TfObject } from '../server/values';

export type Scope = 'global' | 'group' | 'users';

/** The attribute that sets each scope of the domain's one-scope rule. */
export const SCOPE_ATTRIBUTE: Record<AssignmentScope, 'global' | 'group_id' | 'users'> = { global: 'global', groups: 'group_id', users: 'users' };

/** A scope as a Terraform configuration writes it. */
export const spellScope = (scope: AssignmentScope): string => (scope === 'global' ? 'global = true' : SCOPE_ATTRIBUTE[scope]);

/** The scope an object is in; undefined while the scope attributes are unknown or unset. */
export function scopeOf(object: TfObject): Scope | undefined {
  if (object.global === true) return 'global';
  if (typeof object.group_id === 'string') return 'group';
  // users is a map (a set of strings in state of schema version 0); unknown is a symbol, not an object.
  if (object.users !== null && typeof object.users === 'object') return 'users';
  return undefined;
}

/** Attributes whose presence changes between two objects: a different scope, so a new object. */
export function scopeChanges(prior: TfObject, planned: TfObject): string[] {
  const changed = (['global', 'group_id', 'users'] as const).filter((name) => (prior[name] ?? null) === null !== ((planned[name] ?? null) === null));
  if (changed.length === 0 && typeof prior.group_id === 'string' && prior.group_id !== planned.group_id) changed.push('group_id');
  return changed;
}

export interface UsersDiff {
  added: string[];
  removed: string[];
  kept: string[];
}

export function usersDiff(before: readonly string[], after: readonly string[]): UsersDiff {
  const had = new Set(before.map((u) => u.toLowerCase()));
  const has = new Set(after.map((u) => u.toLowerCase()));
  return {
    added: after.filter((u) => !had.has(u.toLowerCase())),
    removed: before.filter((u) => !has.has(u.toLowerCase())),
    kept: after.filter((u) => had.has(u.toLowerCase())),
  };
}

/**
 * The service places a rank past the end of its list last (rank 10 of one group reads back 1).
 * While the group is still last, the configured rank says the same thing: keep it, or every
 * plan would show a change that the next apply could not make stick. Once another group comes
 * after it, the live rank shows and the plan moves it back.
 */
export function rankAsRead(stateRank: number | null, liveRank: number, assignments: number): number {
  const last = liveRank === assignments;
  return stateRank !== null && last && stateRank > liveRank ? stateRank : liveRank;
}
