/**
 * Group grants of the CVI policy with a rank (Grant-CsTeamsVideoInteropServicePolicy -Group
 * -Rank, Remove-CsGroupPolicyAssignment), and the list of the tenant's group assignments of
 * this policy type. §7 of teams-wire-evidence.md.
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import type { GroupGrantBody } from './wire';
import { listOf, readGroupAssignment } from './wire-read';
import type { OperationContext } from './context';
import type { PolicyCatalog } from './policies';
import { sameName } from './assignments';
import { DeadlineExceededError, InvalidInputError, TeamsApiError } from './errors';
import type { CallOptions, GroupAssignment, WriteOptions } from './types';

/** Every group assignment of TeamsVideoInteropServicePolicy, in rank order (§7 "Get", High 2.3.1). */
export async function listGroupAssignments(ctx: OperationContext, opts?: CallOptions): Promise<GroupAssignment[]> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.groupAssignments(),
    query: { policyType: VIDEO_INTEROP_POLICY_TYPE },
    subject: ctx.subject('group assignments of TeamsVideoInteropServicePolicy'),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  return listOf(res.body)
    .map(readGroupAssignment)
    .filter((a): a is NonNullable<typeof a> => a !== undefined && (a.policyType === '' || a.policyType.toLowerCase() === VIDEO_INTEROP_POLICY_TYPE.toLowerCase()))
    .map(({ groupId, policyName, rank }) => ({ groupId, policyName, rank }))
    .sort((a, b) => a.rank - b.rank);
}

export async function getGroupAssignment(ctx: OperationContext, groupId: string, opts?: CallOptions): Promise<GroupAssignment | undefined> {
  const wanted = groupId.toLowerCase();
  return (await listGroupAssignments(ctx, opts)).find((a) => a.groupId.toLowerCase() === wanted);
}

/**
 * The service may refuse group assignment for this policy type: Microsoft's help lists the
 * types it supports, and TeamsVideoInteropServicePolicy is not among them (§7 "Limits").
 */
function refusedForPolicyType(subject: ReturnType<OperationContext['subject']>, error: InvalidInputError): InvalidInputError {
  return new InvalidInputError(
    subject,
    `${error.message.replace(/^tenant [^:]+: [^:]+: /, '')}. The service may not support group assignment of ${VIDEO_INTEROP_POLICY_TYPE} ` +
      '(Microsoft documents group assignment for other policy types only): grant it to the users of the group (scope "users") or tenant-wide (scope "global") instead',
    error.code,
  );
}

/**
 * Assigns `policyName` to the group at `rank` (1 = highest precedence) with the module's
 * POST (§7 "Grant -Group (MPA)"). The service renumbers the other groups, and a rank past the
 * end lands last, so a smaller rank read back is success. The confirmation's deadline error
 * says which rank was last seen and which group held the wanted one.
 */
export async function grantGroup(
  ctx: OperationContext,
  policies: PolicyCatalog,
  groupId: string,
  policyName: string,
  rank: number,
  opts?: WriteOptions,
): Promise<void> {
  const object = `group ${groupId}`;
  const subject = ctx.subject(object);
  if (!Number.isInteger(rank) || rank < 1) throw new InvalidInputError(subject, `rank must be a whole number >= 1, got ${rank}`);
  const resolved = await policies.resolve(policyName, object, opts);
  const deadline = ctx.deadline(opts);
  const body: GroupGrantBody = { policyName: resolved, priority: rank };
  try {
    // Sending the same grant again after a lost response puts the group at the same rank: idempotent in effect.
    await ctx.api.call({ method: 'POST', path: routes.groupGrant(groupId), body, subject, deadline, signal: opts?.signal, idempotent: true });
  } catch (error) {
    if (error instanceof InvalidInputError) throw refusedForPolicyType(subject, error);
    if (!(error instanceof TeamsApiError && error.status === 409)) throw error;
    // An assignment that exists may need the 2.3.1 Set (PATCH, same body) to change its rank.
    await ctx.api.call({ method: 'PATCH', path: routes.groupGrant(groupId), body, subject, deadline, signal: opts?.signal });
  }
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  let last: GroupAssignment[] = [];
  try {
    await ctx.confirm(
      opts,
      deadline,
      subject,
      `group ${groupId} to hold ${resolved} at rank ${rank}`,
      async () => (last = await listGroupAssignments(ctx, readOpts)),
      (all) => {
        const mine = all.find((a) => a.groupId.toLowerCase() === groupId.toLowerCase());
        return mine !== undefined && sameName(mine.policyName, resolved) && mine.rank <= rank;
      },
    );
  } catch (error) {
    if (error instanceof DeadlineExceededError) throw new DeadlineExceededError(subject, `waiting for ${describeRank(last, groupId, rank)}`);
    throw error;
  }
}

/** "rank 3, want 1, group <id> holds 1": what the last read showed, for a deadline error. */
export function describeRank(all: readonly GroupAssignment[], groupId: string, rank: number): string {
  const mine = all.find((a) => a.groupId.toLowerCase() === groupId.toLowerCase());
  const holder = all.find((a) => a.rank === rank && a.groupId.toLowerCase() !== groupId.toLowerCase());
  const seen = mine ? `rank ${mine.rank} (${mine.policyName})` : 'no assignment';
  return `group ${groupId} at rank ${rank}; last read showed ${seen}, want ${rank}${holder ? `, group ${holder.groupId} holds ${rank}` : ''}`;
}

/** Removes the group's CVI assignment (§7 "Remove"); one already gone counts as removed. */
export async function removeGroup(ctx: OperationContext, groupId: string, opts?: WriteOptions): Promise<void> {
  const subject = ctx.subject(`group ${groupId}`);
  const deadline = ctx.deadline(opts);
  await ctx.api.call({ method: 'DELETE', path: routes.groupGrant(groupId), subject, deadline, signal: opts?.signal, accept: [404] });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `group ${groupId}'s assignment to be gone`, () => getGroupAssignment(ctx, groupId, readOpts), (v) => v === undefined);
}
