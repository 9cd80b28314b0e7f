/**
 * The attributes a planned change touches, `before -> after`, from one `resource_changes[].change`
 * of the plan JSON. `before` is what Terraform read from the tenant (refreshed state), `after` is
 * what applying would leave (the stack's declaration): the same direction as `npm run diff`.
 */

/** One changed attribute. Values are the plan's JSON values; sensitive ones are never copied. */
export interface AttributeChange {
  /** Attribute path: `tenant_key`, a nested block's `srv.0.port`. */
  readonly name: string;
  /** Live value (absent when sensitive or shown as members added/removed). */
  readonly before?: unknown;
  /** Value after apply (absent when sensitive, unknown or shown as members). */
  readonly after?: unknown;
  /** The value is sensitive: only the fact that it changes is reported. */
  readonly sensitive?: true;
  /** Terraform learns the new value only when applying. */
  readonly unknownAfter?: true;
  /** Members a set (or list, or map of member to true) gains: sets are compared as members, not positions. */
  readonly added?: unknown[];
  readonly removed?: unknown[];
  /** Changing this attribute is why the resource is replaced. */
  readonly forcesReplacement?: true;
}

export interface PlannedChange {
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: unknown;
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Key order does not matter to Terraform, so it must not matter to the comparison. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

const same = (a: Json, b: Json) => canonical(a) === canonical(b);

/** True when the marker (a `*_sensitive` or `after_unknown` tree) is true anywhere under it. */
function anyTrue(marker: Json): boolean {
  if (marker === true) return true;
  if (Array.isArray(marker)) return marker.some(anyTrue);
  if (isObject(marker)) return Object.values(marker).some(anyTrue);
  return false;
}

function child(marker: Json, key: string | number): Json {
  if (Array.isArray(marker) && typeof key === 'number') return marker[key];
  if (isObject(marker)) return marker[String(key)];
  return marker === true ? true : undefined;
}

/** Both sides are maps whose values are all true (or absent): a set of keys. */
function isKeySet(before: Json, after: Json): boolean {
  const keySet = (v: Json) => isObject(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => x === true);
  const empty = (v: Json) => v === null || v === undefined || (isObject(v) && Object.keys(v).length === 0);
  return (keySet(before) || empty(before)) && (keySet(after) || empty(after)) && !(empty(before) && empty(after));
}

function walk(out: AttributeChange[], name: string, before: Json, after: Json, sensitive: Json, unknown: Json): void {
  if (anyTrue(sensitive)) {
    // The plan JSON carries sensitive values in clear; compare them, never copy them.
    if (!same(before, after) || anyTrue(unknown)) out.push({ name, sensitive: true });
    return;
  }
  if (unknown === true || (!isObject(after) && anyTrue(unknown))) {
    // A computed attribute of an object being created says nothing on-call can act on.
    if (before !== null && before !== undefined) out.push({ name, before, unknownAfter: true });
    return;
  }
  if (isKeySet(before, after)) {
    // A map from member to true is a set written as a map (users of a policy assignment): a
    // change is members added and removed, not one row per key or a dump of every key.
    const was = Object.keys(isObject(before) ? before : {});
    const now = Object.keys(isObject(after) ? after : {});
    const wasKeys = new Set(was);
    const nowKeys = new Set(now);
    const added = now.filter((k) => !wasKeys.has(k));
    const removed = was.filter((k) => !nowKeys.has(k));
    if (added.length > 0 || removed.length > 0) out.push({ name, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
    return;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const was = Array.isArray(before) ? before : [];
    const now = Array.isArray(after) ? after : [];
    const wasKeys = new Set(was.map(canonical));
    const nowKeys = new Set(now.map(canonical));
    const added = now.filter((m) => !wasKeys.has(canonical(m)));
    const removed = was.filter((m) => !nowKeys.has(canonical(m)));
    if (added.length > 0 || removed.length > 0) out.push({ name, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
    else if (!same(before ?? [], after ?? [])) out.push({ name, before: before ?? null, after: after ?? null });
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      walk(out, `${name}.${key}`, before[key], after[key], child(sensitive, key), child(unknown, key));
    }
    return;
  }
  if (!same(before, after)) out.push({ name, before: before ?? null, after: after ?? null });
}

/**
 * Attributes that differ between before and after, in name order. A create lists what the stack
 * declares (non-null values); a delete lists nothing (the object as a whole goes).
 * `replacePaths` is the plan's `replace_paths`: the attributes that force a replacement.
 */
export function attributeChanges(change: PlannedChange, replacePaths: readonly (readonly (string | number)[])[] = []): AttributeChange[] {
  const before = isObject(change.before) ? change.before : undefined;
  const after = isObject(change.after) ? change.after : undefined;
  if (!after) return [];
  const sensitive = (key: string): Json => {
    const b = child(change.before_sensitive, key);
    const a = child(change.after_sensitive, key);
    return anyTrue(b) || anyTrue(a) ? true : undefined;
  };
  const out: AttributeChange[] = [];
  for (const key of [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].sort()) {
    const was = before ? before[key] : null;
    if (!before && (after[key] === null || after[key] === undefined) && !anyTrue(child(change.after_unknown, key))) continue;
    walk(out, key, was ?? null, after[key] ?? null, sensitive(key), child(change.after_unknown, key));
  }
  const forcing = new Set(replacePaths.map((p) => String(p[0])));
  return out.map((a) => (forcing.has(a.name.split('.')[0]) ? { ...a, forcesReplacement: true } : a));
}

/** A value as the table and markdown show it: JSON (strings quoted), like Terraform's plan. */
export function showValue(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** `tenant_key: "old" -> "new"`, `users: +"a@x" -"b@x"`, `secret: (sensitive value changes)`. */
export function describeAttribute(a: AttributeChange): string {
  const forced = a.forcesReplacement ? ' (forces replacement)' : '';
  if (a.sensitive) return `${a.name}: (sensitive value changes)${forced}`;
  if (a.added || a.removed) {
    const members = [...(a.added ?? []).map((m) => `+${showValue(m)}`), ...(a.removed ?? []).map((m) => `-${showValue(m)}`)];
    return `${a.name}: ${members.join(' ')}${forced}`;
  }
  const after = a.unknownAfter ? '(known after apply)' : showValue(a.after);
  return `${a.name}: ${showValue(a.before)} -> ${after}${forced}`;
}
