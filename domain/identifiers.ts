/**
 * Entra ID object and application ids: GUIDs written 8-4-4-4-12 in hex digits, either case.
 * One definition for the tenant file schema, the constructs and the provider.
 */
// Both cases spelled out, no `i` flag: the tenant file's JSON Schema carries this pattern and
// JSON Schema patterns have no flags.
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const isGuid = (value: string): boolean => GUID_PATTERN.test(value);
