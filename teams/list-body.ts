/** List answers come as a bare array or wrapped in `{value: [...]}`; accept both. */
export function listBody<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const value = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? (value as T[]) : [];
}
