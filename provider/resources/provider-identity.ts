/**
 * The rules a service provider identity must meet before anything is sent. The identity is the
 * last segment of the provider's URL (teams/routes.ts, escaped as Uri.EscapeDataString does:
 * teams-wire-evidence.md §0), and the service stores it as written, so:
 * - `.` and `..` are never escaped and a URL resolves them: the read-back would go to another
 *   path, and apply would poll it until the timeout, leaving the created object behind;
 * - `/` and `\` are escaped, but a server may decode them back into path separators;
 * - surrounding spaces are trimmed by the service, so the read-back by the configured name fails;
 * - control characters have no place in a name and would reach logs raw.
 * The length limit is ours: the evidence names no limit, and the identity should equal a policy
 * name without Tag: (Pexip, Polycom, Cisco, BlueJeans, or names like PexipServiceProviderEnabled,
 * under 30 characters). 64 leaves room for any real name and refuses pathological ones before
 * they reach the service.
 */
export const MAX_IDENTITY_LENGTH = 64;

/** What is wrong with an identity, as the end of a sentence; undefined when it is acceptable. */
export function identityProblem(identity: string): string | undefined {
  if (identity.trim() === '') return 'must name the vendor, e.g. Pexip';
  if (identity.length > MAX_IDENTITY_LENGTH) return `must be at most ${MAX_IDENTITY_LENGTH} characters (got ${identity.length})`;
  return pathSegmentProblem(identity);
}

/**
 * The rules of any value that becomes one URL path segment (a provider identity, a user in the
 * per-user routes), as the end of a sentence; undefined when the segment cannot leave its place.
 */
export function pathSegmentProblem(value: string): string | undefined {
  if (value !== value.trim()) return 'must not start or end with spaces (the service trims them, so the object could not be read back)';
  if (value === '.' || value === '..') return 'must not be "." or ".." (a URL resolves them to another path)';
  if (/[/\\]/.test(value)) return 'must not contain "/" or "\\" (it is one segment of a URL path)';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return 'must not contain control characters';
  return undefined;
}
