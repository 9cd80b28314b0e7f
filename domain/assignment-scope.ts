/**
 * Who a video interop policy is granted to: the whole tenant, Entra ID groups, or a list of
 * users. A tenant declares exactly one of these (Teams keeps a separate grant per scope, and two
 * would leave the effective policy to the service's precedence rules, not to the file), so the
 * rule is written here once for the tenant file schema, the CviTenant construct and the
 * provider's policy assignment, each of which spells the scopes in its own field names.
 */
export type AssignmentScope = 'global' | 'groups' | 'users';

export const ASSIGNMENT_SCOPES: readonly AssignmentScope[] = ['global', 'groups', 'users'];

/** The scopes a declaration sets, in the order of `ASSIGNMENT_SCOPES`. */
export function scopesSet(isSet: (scope: AssignmentScope) => boolean): AssignmentScope[] {
  return ASSIGNMENT_SCOPES.filter(isSet);
}

/**
 * Why a declaration setting `given` is wrong, or undefined when it sets exactly one scope.
 * `spell` names a scope as the caller's user writes it (e.g. `group_id` in Terraform).
 */
export function assignmentScopeProblem(given: readonly AssignmentScope[], spell: (scope: AssignmentScope) => string = (scope) => scope): string | undefined {
  if (given.length === 1) return undefined;
  const got = given.length === 0 ? 'none' : given.map(spell).join(' and ');
  return `must set exactly one of ${ASSIGNMENT_SCOPES.map(spell).join(', ')}; got ${got}`;
}

/** Group assignments the service holds per policy type (teams-wire-evidence.md §7, "Limits"): ranks run 1 to this. */
export const MAX_GROUP_ASSIGNMENTS = 64;

/** Why a group rank is refused, or undefined: 1 is the highest precedence. */
export function groupRankProblem(rank: number): string | undefined {
  return Number.isInteger(rank) && rank >= 1 && rank <= MAX_GROUP_ASSIGNMENTS
    ? undefined
    : `must be a whole number from 1 (the highest precedence) to ${MAX_GROUP_ASSIGNMENTS} (the service holds at most ${MAX_GROUP_ASSIGNMENTS} group assignments per policy type)`;
}

/** The pre-built CVI policies are named like PexipServiceProviderEnabled: letters, digits, hyphens. No flags: JSON Schema carries it. */
export const POLICY_NAME_PATTERN = /^[A-Za-z0-9-]+$/;

/** Why a policy name is refused, or undefined. The service lists policies as `Tag:<name>`; users write the name. */
export function policyNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'must name a policy, e.g. PexipServiceProviderEnabled';
  if (/^tag:/i.test(name)) return `must be written without the Tag: prefix, e.g. "${name.slice(4)}"`;
  if (!POLICY_NAME_PATTERN.test(name)) return 'must be a policy name such as PexipServiceProviderEnabled: letters, digits and hyphens';
  return undefined;
}
