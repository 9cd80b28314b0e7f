/**
 * Shapes of identifiers the service validates before it looks anything up. The emulator keeps its
 * own copy of these rules on purpose (it stands in for Microsoft), apart from domain/.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^(sip:)?[^\s@;]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

/** A user is addressed by object id (GUID), UPN or SIP address. */
export const isUserIdentity = (value: string): boolean => GUID.test(value) || UPN.test(value);

export const isDomainName = (value: string): boolean => DOMAIN.test(value);

/** User identities compare case-insensitively, as Entra ID UPNs and GUIDs do. */
export const userKey = (value: string): string => value.trim().toLowerCase().replace(/^sip:/, '');
