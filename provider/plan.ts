/**
 * Planning shared by every resource: what Terraform will be told the object looks like after
 * apply, and which attribute changes force a replacement.
 *
 * Terraform's rules (it checks them): configured values stay as configured; a computed value
 * not known before apply is unknown; after apply the object must match the plan wherever the
 * plan was known.
 */
import type { BlockSchema } from './schema';
import { isUnknown, UNKNOWN, type TfObject, type TfValue } from './server/values';

/** Value equality as Terraform sees it: sets compare regardless of order. */
export function sameValue(a: TfValue, b: TfValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || isUnknown(a) || isUnknown(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const key = (v: TfValue) => JSON.stringify(v);
    const left = a.map(key).sort();
    const right = b.map(key).sort();
    return left.every((v, i) => v === right[i]);
  }
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k] ?? null, b[k] ?? null));
  }
  return false;
}

export interface PlanInput {
  prior: TfObject | null;
  proposed: TfObject;
  config: TfObject;
}

export interface PlanOutcome {
  planned: TfObject;
  /** Attribute names whose change destroys and re-creates the object. */
  requiresReplace: string[];
}

/**
 * The default plan: keep the proposal (Terraform already merged config over prior state),
 * fill defaults and unknowns for computed attributes on create, and list replacements.
 */
export function planFromSchema(schema: BlockSchema, input: PlanInput): PlanOutcome {
  const planned: TfObject = { ...input.proposed };
  const requiresReplace: string[] = [];
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    const configured = input.config[name] ?? null;
    if (!attribute.computed || configured !== null) continue;
    // A default applies whenever the attribute is not configured, so a value changed by hand
    // shows as drift; other computed values are unknown until the object exists.
    if (attribute.default !== undefined) planned[name] = attribute.default;
    else if (input.prior === null) planned[name] = UNKNOWN;
  }
  if (input.prior !== null) {
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.forcesReplacement && !sameValue(input.prior[name] ?? null, planned[name] ?? null)) requiresReplace.push(name);
    }
  }
  return { planned, requiresReplace };
}

/** A string attribute's value when known and set; undefined otherwise. */
export function knownString(value: TfValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A set of strings when known (every element too); undefined otherwise. */
export function knownStrings(value: TfValue | undefined): string[] | undefined {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return undefined;
  return value as string[];
}
