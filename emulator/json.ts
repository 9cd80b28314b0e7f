import { badRequest } from './errors';

/**
 * The service reads JSON bodies without regard to key case (it is .NET, and Microsoft's own
 * clients read that way too, evidence §2 "Fields"). This turns a body's keys into the spelling
 * of `known`, and refuses a key that is not one of them, as a typed model would.
 */
export function canonicalBody(body: Record<string, unknown>, known: readonly string[], context: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = known.find((k) => k.toLowerCase() === key.toLowerCase());
    if (name === undefined) throw badRequest(`${context}: unknown field "${key}"; allowed fields: ${known.join(', ')}`);
    out[name] = value;
  }
  return out;
}
