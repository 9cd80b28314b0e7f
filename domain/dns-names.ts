/**
 * Host name and domain rules, one definition for the tenant file schema, the constructs and the
 * provider, so a value one of them accepts is a value all of them accept.
 */

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Transports an SRV owner name may carry (`_sip._tcp`). */
export const SRV_PROTOCOLS = ['tcp', 'udp', 'tls'] as const;
export type SrvProtocol = (typeof SRV_PROTOCOLS)[number];

// RFC 6335 service names: at most 15 characters, letters, digits and inner hyphens; lower case
// here, as every CVI vendor publishes them (sip, sips, h323cs, h323ls). No flags: the tenant
// file's JSON Schema carries this pattern.
export const SERVICE_LABEL_PATTERN = /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** True when `value` is an SRV service label without its underscore, such as `sip` or `h323cs`. */
export const isServiceLabel = (value: string): boolean => SERVICE_LABEL_PATTERN.test(value);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Why `value` is not a DNS host name, or undefined when it is one (a trailing dot is allowed). */
export function hostNameProblem(value: string): string | undefined {
  if (value.includes('*')) return 'must be a host name without wildcards';
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (IPV4.test(name) || name.includes(':')) return 'must be a host name, not an IP address';
  if (name.length === 0 || name.length > 253) return 'must be a host name of 1 to 253 characters';
  const labels = name.split('.');
  if (labels.length < 2) return 'must be a fully qualified host name (at least two labels)';
  if (!labels.every((label) => LABEL.test(label))) {
    return 'must be a host name: labels of letters, digits and inner hyphens';
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return 'must be a host name, not an IP address';
  return undefined;
}

/** True when `value` is a domain such as `contoso.com` (no trailing dot, no wildcard). */
export function isDomain(value: string): boolean {
  return !value.endsWith('.') && hostNameProblem(value) === undefined;
}

/** `name` without a trailing dot, lower-cased: the form names are compared in. */
export function canonicalName(name: string): string {
  return (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
}

/** The owner name of `fqdn` relative to `zone` ('' for the apex), or undefined when outside it. */
export function relativeToZone(fqdn: string, zone: string): string | undefined {
  const name = canonicalName(fqdn);
  const apex = canonicalName(zone);
  if (name === apex) return '';
  return name.endsWith(`.${apex}`) ? name.slice(0, -(apex.length + 1)) : undefined;
}

/**
 * The domain callers resolve to reach a tenant key: `teams@contoso.com` -> `contoso.com`, where
 * the SRV records go and what the vendor's instruction URI names. A key without a domain falls
 * back to the tenant's own.
 */
export function tenantKeyDomain(tenantKey: string | undefined, tenantDomain: string): string {
  const at = tenantKey?.lastIndexOf('@') ?? -1;
  return (tenantKey && at >= 0 ? tenantKey.slice(at + 1) : tenantDomain).toLowerCase();
}
