/**
 * The scope of a policy assignment (tenant, group or users) and the user-set arithmetic of
 * in-place updates. User identities compare without case, as the service compares them.
 */
import type { TfObject } from '../server/values';

export type Scope = 'global' | 'group' | 'users';

/** The scope an object is in; undefined while the scope attributes are unknown or unset. */
export function scopeOf(object: TfObject): Scope | undefined {
  if (object.global === true) return 'global';
  if (typeof object.group_id === 'string') return 'group';
  if (Array.isArray(object.users)) return 'users';
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
