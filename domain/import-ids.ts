/**
 * The import ids of the cvi resources, written and read in one place: the provider parses them
 * (`terraform import`), the constructs match a tenant file's `import:` ids against what the file
 * declares, and `cvi export` writes them. Each form has a typed value, a `format` and a `parse`;
 * `parse(format(x))` gives `x` back for every value the resources hold.
 *
 * - cvi_video_interop_policy_assignment: `global`, `global/<policy>` (the tenant-wide grant taken
 *   on the user's word where it cannot be read), `group/<group id>`, `users/<policy>` (every user
 *   holding it) and `users/<policy>/<user>,<user>` (those of the named users holding it);
 * - cvi_video_interop_service_provider: the identity (surrounding spaces ignored);
 * - cvi_federation_allowed_domain: the domain (surrounding spaces ignored).
 */
import { isDomain } from './dns-names';
import { GUID_PATTERN } from './identifiers';

/** The summary of the error an import id that does not parse gets. */
export const INVALID_IMPORT_ID = 'Invalid import id';

/** What an import id names, or why it names nothing (the end of a sentence naming the forms and the id). */
export type ImportIdParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const invalid = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

// ---- policy assignment ----
export type PolicyAssignmentImportId =
  /** `policyName`: given by the user where the tenant-wide grant cannot be read; otherwise read. */
  | { readonly scope: 'global'; readonly policyName?: string }
  | { readonly scope: 'group'; readonly groupId: string }
  /** `users` empty: every user holding the policy; otherwise those of them holding it. */
  | { readonly scope: 'users'; readonly policyName: string; readonly users: readonly string[] };

export function formatPolicyAssignmentImportId(id: PolicyAssignmentImportId): string {
  switch (id.scope) {
    case 'global':
      return id.policyName === undefined ? 'global' : `global/${id.policyName}`;
    case 'group':
      return `group/${id.groupId}`;
    case 'users':
      return id.users.length === 0 ? `users/${id.policyName}` : `users/${id.policyName}/${id.users.join(',')}`;
  }
}

/** The forms, as messages name them (`global/<policy>` and the named users are for the cases that need them). */
export const POLICY_ASSIGNMENT_IMPORT_FORMS = '"global", "group/<group object id>" or "users/<policy name>"';

const GUID = GUID_PATTERN.source.slice(1, -1);
/**
 * Every form as one pattern: the tenant file's schema (and its JSON Schema: no flags) checks
 * `import.teams.policyAssignments` with it, the parser below reads only what it accepts.
 */
export const POLICY_ASSIGNMENT_IMPORT_ID_PATTERN = new RegExp(`^(?:global(?:/[^/]+)?|group/${GUID}|users/[^/]+(?:/.+)?)$`);

const GLOBAL_ID = /^global(?:\/(.+))?$/;
const GROUP_ID = /^group\/(.+)$/;
const USERS_ID = /^users\/([^/]+)(?:\/(.+))?$/;

export function parsePolicyAssignmentImportId(id: string): ImportIdParse<PolicyAssignmentImportId> {
  if (!POLICY_ASSIGNMENT_IMPORT_ID_PATTERN.test(id)) return invalid(`the import id must be ${POLICY_ASSIGNMENT_IMPORT_FORMS}; got "${id}"`);
  const global = GLOBAL_ID.exec(id);
  if (global) return { ok: true, value: global[1] === undefined ? { scope: 'global' } : { scope: 'global', policyName: global[1] } };
  const group = GROUP_ID.exec(id);
  if (group) return { ok: true, value: { scope: 'group', groupId: group[1] } };
  const users = USERS_ID.exec(id);
  if (users) {
    const named = users[2]?.split(',').map((u) => u.trim()).filter((u) => u !== '') ?? [];
    return { ok: true, value: { scope: 'users', policyName: users[1], users: named } };
  }
  return invalid(`the import id must be ${POLICY_ASSIGNMENT_IMPORT_FORMS}; got "${id}"`);
}

// ---- service provider ----
export const formatServiceProviderImportId = (identity: string): string => identity;

/** Any text names an identity; whether a provider has it is for the tenant to say. */
export function parseServiceProviderImportId(id: string): ImportIdParse<string> {
  return { ok: true, value: id.trim() };
}

// ---- federation allowed domain ----
export const formatFederationDomainImportId = (domain: string): string => domain;

export function parseFederationDomainImportId(id: string): ImportIdParse<string> {
  const domain = id.trim();
  return isDomain(domain) ? { ok: true, value: domain } : invalid(`the import id is the domain, e.g. pexip.me; got "${id}"`);
}
