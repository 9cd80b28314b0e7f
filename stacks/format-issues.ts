import type { z } from 'zod';
import { nearestName } from '../domain/graph-permissions';
import { formatPath, type PathKey } from './field-path';
import { describeValue } from './safe-text';
import { MIXED_SPELLING_HINTS } from './schema/teams';

export { describeValue, formatPath };

/**
 * Turns zod issues into the one-line errors users see:
 * `tenants/x.yaml: dns.records[1].target: must be a host name, not an IP address (got 10.0.0.5)`.
 */

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  object: 'must be a mapping',
  array: 'must be a list',
};

function messageOf(issue: Issue): string {
  const hasInput = 'input' in issue && issue.input !== undefined;
  if (issue.code === 'invalid_type' && !hasInput) return 'is required';
  if (issue.code === 'invalid_type' && (issue.message.startsWith('Invalid input') || !issue.message)) {
    return TYPE_WORDS[issue.expected] ?? `must be ${issue.expected}`;
  }
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid')) {
    return `must be one of ${issue.values.map(String).join(', ')}`;
  }
  return issue.message;
}

function withInput(message: string, issue: Issue): string {
  const input = 'input' in issue ? issue.input : undefined;
  // Mappings and lists say nothing useful after "got"; a cross-field rule reports on its parent.
  if (input === undefined || (typeof input === 'object' && input !== null) || message.includes('(got ') || message === 'is required') {
    return message;
  }
  return `${message} (got ${describeValue(input, issue.path[issue.path.length - 1])})`;
}

/**
 * One line per problem. Unknown keys get one line each, with the nearest known key when the
 * schema at that place says what is allowed, or the right spelling when the key belongs to the
 * other spelling of a renamed section (`teams.provider.identity`).
 */
export function formatIssues(file: string, issues: readonly Issue[], schema: z.ZodType): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((key) => {
        const mixed = mixedSpellingHint(formatPath(issue.path), key);
        const near = nearestName(key, known);
        const hint = mixed ? ` (${mixed})` : near ? ` (did you mean ${near}?)` : known.length ? ` (allowed: ${known.join(', ')})` : '';
        return `${file}: ${formatPath([...issue.path, key])}: unknown field${hint}`;
      });
    }
    return [`${file}: ${formatPath(issue.path)}: ${withInput(messageOf(issue), issue)}`];
  });
}

function mixedSpellingHint(place: string, key: string): string | undefined {
  const hints = Object.hasOwn(MIXED_SPELLING_HINTS, place) ? MIXED_SPELLING_HINTS[place] : undefined;
  return hints && Object.hasOwn(hints, key) ? hints[key] : undefined;
}

interface DefLike {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
}

function defOf(schema: unknown): DefLike | undefined {
  return (schema as { _zod?: { def?: DefLike } })?._zod?.def;
}

/** The keys an object schema allows at `path`, looking through optional/default/pipe/array. */
export function knownKeysAt(schema: unknown, path: readonly PathKey[]): string[] {
  let def = defOf(schema);
  let rest = [...path];
  for (;;) {
    if (!def) return [];
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') def = defOf(def.innerType);
    else if (def.type === 'pipe') def = defOf(def.in);
    else if (rest.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    else if (def.type === 'array' && typeof rest[0] === 'number') {
      def = defOf(def.element);
      rest = rest.slice(1);
    } else if (def.type === 'object' && def.shape) {
      def = defOf(def.shape[String(rest[0])]);
      rest = rest.slice(1);
    } else return [];
  }
}
