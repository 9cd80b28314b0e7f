/**
 * Which users hold a CVI policy. Two reads, because only one is proven (§5):
 * - the user search behind `Get-CsOnlineUser -Filter` (CANDIDATE): one paged query for the
 *   whole tenant; the route and its `@nextLink`/`$skiptoken` paging are High (2.3.1), the filter
 *   parameter's spelling and the user's policy field are not;
 * - one user's effective policy (`Get-CsUserPolicyAssignment`, High): one call per user.
 * The search is tried first; when the service refuses it, or answers users whose policy field
 * does not show the filter was applied, the per-user read takes over and the answer says so.
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import { field, policyNameOf, text } from './wire-read';
import type { OperationContext } from './context';
import { getEffectivePolicy, sameName, UNAVAILABLE_STATUSES } from './assignments';
import { NotFoundError } from './errors';
import type { CallOptions, PolicyHolders } from './types';

/** Per-user reads in flight during the fallback: enough to hide latency, few enough not to be throttled. */
export const PER_USER_READS_IN_FLIGHT = 8;

/** The candidate filter, PowerShell style as Get-CsOnlineUser -Filter passes it (§5 "Filter syntax", High). */
export const userSearchFilter = (policyName: string) => `${VIDEO_INTEROP_POLICY_TYPE} -eq '${policyName.replace(/'/g, "''")}'`;

/** Identity fields a user of the search answer may carry; any of them may be what a stack declared. */
const IDENTITY_FIELDS = ['userPrincipalName', 'sipAddress', 'objectId', 'identity', 'id'];

type SearchResult = { ok: true; users: string[][] } | { ok: false; reason: string };

/** CANDIDATE: every user the search says holds `policyName`, each as its known identities. */
export async function searchUsersWithPolicy(ctx: OperationContext, policyName: string, opts?: CallOptions): Promise<SearchResult> {
  const deadline = ctx.deadline(opts);
  const subject = ctx.subject(`users with policy ${policyName}`);
  const users: string[][] = [];
  let skipToken: string | undefined;
  const seenTokens = new Set<string>();
  do {
    const res = await ctx.api.call<unknown>({
      method: 'GET',
      path: routes.userSearch(),
      query: { psfilter: userSearchFilter(policyName), $skiptoken: skipToken },
      subject,
      deadline,
      signal: opts?.signal,
      accept: UNAVAILABLE_STATUSES,
    });
    if (UNAVAILABLE_STATUSES.includes(res.status)) return { ok: false, reason: `the user search answered ${res.status}` };
    const page = field(res.body, 'users');
    if (!Array.isArray(page)) return { ok: false, reason: 'the user search answered without a "users" list' };
    for (const user of page) {
      const held = heldPolicy(user);
      // A user without the policy field, or with another policy, means the filter was not applied.
      if (held === undefined) return { ok: false, reason: 'the user search answered users without a TeamsVideoInteropServicePolicy field' };
      if (!sameName(held, policyName)) return { ok: false, reason: `the user search answered a user holding "${held ?? 'no policy'}": the filter was ignored` };
      const ids = IDENTITY_FIELDS.map((k) => text(user, k)).filter((v): v is string => v !== undefined && v !== '');
      if (ids.length === 0) return { ok: false, reason: 'the user search answered a user without an identity field' };
      users.push(ids);
    }
    skipToken = nextSkipToken(text(res.body, '@nextLink'));
    if (skipToken !== undefined && seenTokens.has(skipToken)) return { ok: false, reason: 'the user search repeated a page token' };
    if (skipToken !== undefined) seenTokens.add(skipToken);
  } while (skipToken !== undefined);
  return { ok: true, users };
}

/** The policy field of a search answer's user: a name, `{name}` (2.3.1), or undefined when absent. */
function heldPolicy(user: unknown): string | null | undefined {
  const value = field(user, VIDEO_INTEROP_POLICY_TYPE);
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string') return policyNameOf(value);
  return policyNameOf(field(value, 'name'));
}

/** `@nextLink` is a URL carrying `$skiptoken`, or the token itself (§5 "Paging"). */
function nextSkipToken(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, 'https://placeholder.invalid').searchParams.get('$skiptoken') ?? undefined;
  } catch {
    return link;
  }
}

/**
 * Of `candidates` (the users a stack declares), those holding `policyName`. The search answers
 * for the whole tenant in a few calls; when it is unavailable, each candidate's effective
 * policy is read (one call per user) and `path` says so, with the reason, for one warning.
 */
export async function usersHoldingPolicy(
  ctx: OperationContext,
  policyName: string,
  candidates: readonly string[],
  opts?: CallOptions & { allUsers?: boolean },
): Promise<PolicyHolders> {
  const search = await searchUsersWithPolicy(ctx, policyName, opts);
  if (search.ok) {
    if (opts?.allUsers) return { path: 'search', users: search.users.map((ids) => ids[0]) };
    const held = new Set(search.users.flat().map((u) => u.toLowerCase()));
    return { path: 'search', users: candidates.filter((u) => held.has(u.toLowerCase().replace(/^sip:/, ''))) };
  }
  const holders: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < candidates.length) {
      const user = candidates[next++];
      try {
        if (sameName(await getEffectivePolicy(ctx, user, opts), policyName)) holders.push(user);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error; // a user the directory no longer knows holds nothing
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PER_USER_READS_IN_FLIGHT, candidates.length) }, worker));
  const order = new Map(candidates.map((u, i) => [u, i]));
  holders.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { path: 'per-user', reason: search.reason, users: holders };
}
