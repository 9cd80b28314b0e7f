/**
 * CVI policy grants to one user, one group (with rank) and the whole tenant (Global), and the
 * reads that check them. (Grant-CsTeamsVideoInteropServicePolicy -Identity / -Group / -Global)
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import type { WireGroupAssignment, WireGroupGrant, WirePolicyGrant, WireUserPage } from './wire';
import type { OperationContext } from './context';
import type { PolicyCatalog } from './policies';
import { policyNameFromWire } from './policies';
import { InvalidInputError } from './errors';
import { listBody } from './list-body';
import type { CallOptions, GroupAssignment, WriteOptions } from './types';

/** What a read answers once a grant of `resolved` applied: granting Global means "no direct assignment". */
function storedForm(resolved: string | null): string | null {
  return resolved === null || resolved.toLowerCase() === 'global' ? null : resolved;
}

const sameName = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export async function getUserPolicy(ctx: OperationContext, user: string, opts?: CallOptions): Promise<string | null> {
  const res = await ctx.api.call<WirePolicyGrant>({
    method: 'GET',
    path: routes.userPolicy(user),
    subject: ctx.subject(`user ${user}`),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  return storedForm(policyNameFromWire(res.body?.PolicyName));
}

/** Grants `policyName` to the user directly, or removes the direct assignment with null. */
export async function grantUser(
  ctx: OperationContext,
  policies: PolicyCatalog,
  user: string,
  policyName: string | null,
  opts?: WriteOptions,
): Promise<void> {
  const object = `user ${user}`;
  const resolved = policyName === null ? null : await policies.resolve(policyName, object, opts);
  const deadline = ctx.deadline(opts);
  const subject = ctx.subject(object);
  const body: WirePolicyGrant = { PolicyName: storedForm(resolved) };
  await ctx.api.call({ method: 'PATCH', path: routes.userPolicy(user), body, subject, deadline, signal: opts?.signal });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `the grant to ${user}`, () => getUserPolicy(ctx, user, readOpts), (v) => sameName(v, body.PolicyName));
}

/** Every user with a direct assignment of `policyName`, all pages. */
export async function listUsersWithPolicy(ctx: OperationContext, policyName: string, opts?: CallOptions): Promise<string[]> {
  const deadline = ctx.deadline(opts);
  const subject = ctx.subject(`users with policy ${policyName}`);
  const users: string[] = [];
  let skipToken: string | undefined;
  do {
    const res = await ctx.api.call<WireUserPage>({
      method: 'GET',
      path: routes.usersWithPolicy(),
      query: { policyName: policyNameFromWire(policyName) ?? policyName, skipToken },
      subject,
      deadline,
      signal: opts?.signal,
    });
    for (const u of res.body?.Users ?? []) users.push(u.Identity);
    skipToken = res.body?.NextSkipToken || undefined;
  } while (skipToken !== undefined);
  return users;
}

export async function getGroupAssignment(ctx: OperationContext, groupId: string, opts?: CallOptions): Promise<GroupAssignment | undefined> {
  const res = await ctx.api.call<unknown>({
    method: 'GET',
    path: routes.groupAssignments(groupId),
    subject: ctx.subject(`group ${groupId}`),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
    accept: [404],
  });
  if (res.status === 404) return undefined;
  const mine = listBody<WireGroupAssignment>(res.body).find(
    (a) => a.PolicyType === VIDEO_INTEROP_POLICY_TYPE && a.GroupId.toLowerCase() === groupId.toLowerCase(),
  );
  return mine && { groupId: mine.GroupId, policyName: policyNameFromWire(mine.PolicyName) ?? mine.PolicyName, rank: mine.Rank };
}

/**
 * Assigns `policyName` to the group at `rank` (1 = highest precedence). The service renumbers
 * the other groups, and a rank past the end lands last, so a smaller rank read back is success.
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
  const body: WireGroupGrant = { PolicyName: resolved, Rank: rank };
  await ctx.api.call({ method: 'PATCH', path: routes.groupPolicy(groupId), body, subject, deadline, signal: opts?.signal });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `the grant to group ${groupId}`, () => getGroupAssignment(ctx, groupId, readOpts), (v) =>
    v !== undefined && sameName(v.policyName, resolved) && v.rank <= rank,
  );
}

/** Removes the group's CVI assignment; one already gone counts as removed. */
export async function removeGroup(ctx: OperationContext, groupId: string, opts?: WriteOptions): Promise<void> {
  const subject = ctx.subject(`group ${groupId}`);
  const deadline = ctx.deadline(opts);
  await ctx.api.call({ method: 'DELETE', path: routes.groupPolicy(groupId), subject, deadline, signal: opts?.signal, accept: [404] });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, `group ${groupId}'s assignment to be gone`, () => getGroupAssignment(ctx, groupId, readOpts), (v) => v === undefined);
}

/** The tenant-wide assignment: a bare policy name, or null for the default (Global). */
export async function getTenantPolicy(ctx: OperationContext, opts?: CallOptions): Promise<string | null> {
  const res = await ctx.api.call<WirePolicyGrant>({
    method: 'GET',
    path: routes.tenantPolicy(),
    subject: ctx.subject('tenant-wide (Global) assignment'),
    deadline: ctx.deadline(opts),
    signal: opts?.signal,
  });
  return storedForm(policyNameFromWire(res.body?.PolicyName));
}

/** Grants `policyName` tenant-wide; null (or Global) restores the default. */
export async function grantTenant(ctx: OperationContext, policies: PolicyCatalog, policyName: string | null, opts?: WriteOptions): Promise<void> {
  const object = 'tenant-wide (Global) assignment';
  const resolved = policyName === null ? null : await policies.resolve(policyName, object, opts);
  const deadline = ctx.deadline(opts);
  const subject = ctx.subject(object);
  const body: WirePolicyGrant = { PolicyName: storedForm(resolved) };
  await ctx.api.call({ method: 'PATCH', path: routes.tenantPolicy(), body, subject, deadline, signal: opts?.signal });
  const readOpts = { deadline: deadline.at, signal: opts?.signal };
  await ctx.confirm(opts, deadline, subject, 'the tenant-wide grant', () => getTenantPolicy(ctx, readOpts), (v) => sameName(v, body.PolicyName));
}
