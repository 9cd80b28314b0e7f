/**
 * How a place in a tenant file is named in errors: `dns.records[1].target`. Its own module because
 * both the schema's issue formatter and the secret-key check name fields, and the formatter needs
 * the secret check (never echo a secret), so neither may import the other for it.
 */
export type PathKey = PropertyKey;

export function formatPath(path: readonly PathKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
