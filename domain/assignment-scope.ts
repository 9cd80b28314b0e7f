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
