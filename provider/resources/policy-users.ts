/**
 * The `users` of a policy assignment: a map(bool) keyed by user (UPN, SIP address or object id), each value
 * true. A map because Terraform compares sets element against element: with its built-in
 * terraform_data and no provider, a set(string) of 2,000 values took 20.4 s to apply and a
 * map(bool) of the same keys 0.5 s (bench/users/README.md). Keys give the set semantics; the
 * rules Terraform no longer enforces for us (no duplicates, here: not even in another case) are
 * checked at plan time, and the plan lists added and removed users as map keys.
 */
import { errorAt, type Diagnostic } from '../diagnostics';
import { MAX_ASSIGNMENT_USERS } from '../../domain/limits';
import { isUnknown, type TfObject, type TfType, type TfValue } from '../server/values';
import { userProblem } from '../../domain/identifiers';

const NAME = 'cvi_video_interop_policy_assignment';
export const USERS_TYPE: TfType = ['map', 'bool'];

/** The declared users (the map's keys) when the map is known; undefined when unset or unknown. */
export function userNames(value: TfValue | undefined): string[] | undefined {
  if (value === null || value === undefined || isUnknown(value) || Array.isArray(value) || typeof value !== 'object') return undefined;
  return Object.keys(value);
}

/** Users as the attribute holds them; no prototype, so any user name is only a key. */
export function usersMap(users: Iterable<string>): TfObject {
  const out: TfObject = Object.create(null);
  for (const user of users) out[user] = true;
  return out;
}

const quoted = (user: string) => JSON.stringify(user.slice(0, 80));

/** The plan-time rules of `users`; one diagnostic per rule broken, naming the first user that breaks it. */
export function usersProblems(value: TfValue | undefined): Diagnostic[] {
  const users = userNames(value);
  if (users === undefined) return [];
  const map = value as TfObject;
  const problems: Diagnostic[] = [];
  if (users.length === 0) problems.push(errorAt('users', 'No users', `${NAME}: users must list at least one UPN, SIP address or object id (or use global or group_id).`));
  if (users.length > MAX_ASSIGNMENT_USERS) {
    problems.push(
      errorAt(
        'users',
        'Too many users',
        `${NAME}: users may list at most ${MAX_ASSIGNMENT_USERS.toLocaleString('en-US')} users; got ${users.length.toLocaleString('en-US')}. Assign the policy to a group (group_id) instead.`,
      ),
    );
    return problems; // the per-user rules below would only add noise to a list this long
  }
  const notTrue = users.find((u) => map[u] !== true && !isUnknown(map[u]));
  if (notTrue !== undefined) {
    problems.push(errorAt('users', 'User not true', `${NAME}: every user in users must map to true (remove a user by deleting its key); got ${quoted(notTrue)} = ${String(map[notTrue])}.`));
  }
  if (users.some((u) => u.trim() === '')) problems.push(errorAt('users', 'Empty user', `${NAME}: users must not contain an empty string.`));
  // A user is also one segment of the per-user routes (grant, effective policy read): a UPN, SIP
  // address or GUID never holds what would leave its segment.
  for (const user of users) {
    const problem = user.trim() === '' ? undefined : userProblem(user);
    if (problem) {
      problems.push(errorAt('users', 'Invalid user', `${NAME}: each user ${problem}; got ${quoted(user)}.`));
      break;
    }
  }
  const duplicate = caseDuplicate(users);
  if (duplicate) {
    problems.push(
      errorAt('users', 'Duplicate user', `${NAME}: users ${quoted(duplicate[0])} and ${quoted(duplicate[1])} differ only in case; the service compares users without case: keep one.`),
    );
  }
  return problems;
}

function caseDuplicate(users: readonly string[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const user of users) {
    const key = user.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return [first, user];
    seen.set(key, user);
  }
  return undefined;
}

/**
 * Stored state of schema version 0 held users as a set of strings (JSON array); version 1 holds
 * them as map keys. Anything else in the stored object is left alone.
 */
export function upgradeUsersState(raw: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  if (fromVersion >= 1 || !Array.isArray(raw.users)) return raw;
  return { ...raw, users: usersMap(raw.users.filter((u): u is string => typeof u === 'string')) };
}

/** The users of a batch that failed (lower case) with the service's reason, as the Teams client's BatchAssignmentError lists them. */
export function failedUsers(error: unknown): Map<string, string> | undefined {
  const errors = (error as { result?: { errors?: readonly { user: string; message: string }[] } } | undefined)?.result?.errors;
  if (!(error instanceof Error) || error.name !== 'BatchAssignmentError' || !Array.isArray(errors)) return undefined;
  return new Map(errors.map((e) => [e.user.toLowerCase(), e.message]));
}

/** At most `shown` users in a sentence, then how many more. */
export function listUsers(users: readonly string[], shown = 10): string {
  const head = users.slice(0, shown).join(', ');
  return users.length > shown ? `${head} and ${users.length - shown} more` : head;
}
