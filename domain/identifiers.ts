import { isDomain } from './dns-names';

/**
 * Entra ID object and application ids: GUIDs written 8-4-4-4-12 in hex digits, either case.
 * One definition for the tenant file schema, the constructs and the provider.
 */
// Both cases spelled out, no `i` flag: the tenant file's JSON Schema carries this pattern and
// JSON Schema patterns have no flags.
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isGuid = (value: string): boolean => GUID_PATTERN.test(value);

/**
 * A tenant's short name: lower-case letters, digits and inner hyphens, at most 63 characters. It
 * names the tenant's stack, its directory under cdktf.out and its state, so it must be safe as
 * all three; `cvi export --name` takes the same rule so the file it writes loads.
 */
export const TENANT_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const TENANT_NAME_RULE = 'must be lower-case letters, digits and inner hyphens, at most 63 characters';

export const isTenantName = (value: string): boolean => TENANT_NAME_PATTERN.test(value);

/** `local@domain`, the shape of a tenant key and of a user principal name. */
export function isAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || /\s/.test(value)) return false;
  return /^[A-Za-z0-9._%+'-]+$/.test(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

/**
 * Why a user named in a policy assignment is refused, or undefined. Grant-CsTeamsVideoInteropServicePolicy
 * -Identity takes a user principal name, a SIP address or an object id (teams-cvi-reference.md §3);
 * anything else fails at the service, one user into a batch.
 */
export function userProblem(user: string): string | undefined {
  const sip = /^sip:/i.test(user) ? user.slice(4) : undefined;
  if (isGuid(user) || isAddress(sip ?? user)) return undefined;
  return 'must be a user principal name (alice@contoso.com), a SIP address (sip:alice@contoso.com) or an object id (GUID)';
}
