import { VIDEO_INTEROP_POLICY_TYPE } from '../../teams/routes';
import type { WireGroupGrant, WirePolicyGrant, WireUserPage } from '../../teams/wire';
import { badRequest, notFound } from '../errors';
import { isUserIdentity } from '../identity';
import { resolvePolicyName } from '../policies';
import { insertGroup, toWireGroups } from '../tenant-state';
import type { HandlerContext, MethodHandlers } from './context';

/** Users per page of usersWithPolicy, as the service pages. */
export const USERS_PAGE_SIZE = 1000;

/** Get-CsTeamsVideoInteropServicePolicy. */
export const policies: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: ctx.tenant.policies() }),
};

function checkUser(ctx: HandlerContext): string {
  const user = ctx.params.user;
  if (!isUserIdentity(user)) throw badRequest(`user "${user}" is not an object id (GUID), UPN or SIP address`);
  if (ctx.tenant.isUnknownUser(user)) throw notFound(`user "${user}" was not found in tenant ${ctx.tenant.tenantId}`);
  return user;
}

/** Grant-CsTeamsVideoInteropServicePolicy -Identity (PolicyName null removes). */
export const userPolicy: MethodHandlers = {
  GET: (ctx) => {
    const grant: WirePolicyGrant = { PolicyName: ctx.tenant.readUserPolicy(checkUser(ctx), ctx.now()) };
    return { status: 200, body: grant };
  },
  PATCH: async (ctx) => {
    const user = checkUser(ctx);
    const body = await ctx.body();
    if (!('PolicyName' in body)) throw badRequest(`user "${user}": body must be {"PolicyName": "<policy>" | null}`);
    const policy = resolvePolicyName(body.PolicyName);
    ctx.tenant.writeUserPolicy(user, policy, ctx.now(), ctx.userGrantLagMs());
    ctx.wrote();
    const grant: WirePolicyGrant = { PolicyName: policy };
    return { status: 200, body: grant };
  },
};

/** Get-CsOnlineUser -Filter {TeamsVideoInteropServicePolicy -eq X}, paged by a cursor on identity. */
export const usersWithPolicy: MethodHandlers = {
  GET: (ctx) => {
    const name = ctx.query.get('policyName');
    if (!name) throw badRequest('usersWithPolicy: the policyName query parameter is required');
    const policy = resolvePolicyName(name, 'policyName');
    if (policy === null) throw badRequest('usersWithPolicy: Global is the default, not a direct assignment; ask for a named policy');
    const all = ctx.tenant.usersWithPolicy(policy, ctx.now());
    const token = ctx.query.get('skipToken');
    let start = 0;
    if (token) {
      const after = decodeSkipToken(token);
      start = all.findIndex((id) => id > after);
      if (start < 0) start = all.length;
    }
    const slice = all.slice(start, start + USERS_PAGE_SIZE);
    const page: WireUserPage = { Users: slice.map((Identity) => ({ Identity })) };
    if (start + USERS_PAGE_SIZE < all.length) page.NextSkipToken = Buffer.from(slice[slice.length - 1]).toString('base64url');
    return { status: 200, body: page };
  },
};

function decodeSkipToken(token: string): string {
  const after = Buffer.from(token, 'base64url').toString('utf8');
  if (after === '') throw badRequest(`usersWithPolicy: skipToken "${token}" is not one this service issued`);
  return after;
}

/** Grant-CsTeamsVideoInteropServicePolicy -Global. */
export const tenantPolicy: MethodHandlers = {
  GET: (ctx) => {
    const grant: WirePolicyGrant = { PolicyName: ctx.tenant.readTenantPolicy(ctx.now()) };
    return { status: 200, body: grant };
  },
  PATCH: async (ctx) => {
    const body = await ctx.body();
    if (!('PolicyName' in body)) throw badRequest('tenant grant: body must be {"PolicyName": "<policy>" | null}');
    const policy = resolvePolicyName(body.PolicyName);
    ctx.tenant.writeTenantPolicy(policy, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    const grant: WirePolicyGrant = { PolicyName: policy };
    return { status: 200, body: grant };
  },
};

/** Get-CsGroupPolicyAssignment -GroupId. */
export const groupAssignments: MethodHandlers = {
  GET: (ctx) => {
    const id = ctx.params.groupId.toLowerCase();
    return { status: 200, body: toWireGroups(ctx.tenant.readGroups(ctx.now())).filter((g) => g.GroupId.toLowerCase() === id) };
  },
};

/** Grant-CsTeamsVideoInteropServicePolicy -Group -Rank / Remove-CsGroupPolicyAssignment. */
export const groupPolicy: MethodHandlers = {
  PATCH: async (ctx) => {
    const groupId = ctx.params.groupId;
    const body = (await ctx.body()) as Partial<WireGroupGrant>;
    const policy = resolvePolicyName(body.PolicyName);
    if (policy === null) throw badRequest(`group "${groupId}": PolicyName is required; remove a group assignment with DELETE`);
    const rank = body.Rank;
    if (rank !== undefined && (!Number.isInteger(rank) || rank < 1)) {
      throw badRequest(`group "${groupId}": Rank must be a whole number >= 1 (1 is the highest precedence), got ${JSON.stringify(rank)}`);
    }
    const groups = insertGroup(ctx.tenant.groupTruth(), groupId, policy, rank);
    ctx.tenant.writeGroups(groups, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    const mine = toWireGroups(groups).find((g) => g.GroupId === groupId);
    return { status: 200, body: mine };
  },
  DELETE: (ctx) => {
    const groupId = ctx.params.groupId;
    const groups = ctx.tenant.groupTruth();
    const kept = groups.filter((g) => g.GroupId.toLowerCase() !== groupId.toLowerCase());
    if (kept.length === groups.length) {
      throw notFound(`group "${groupId}" has no ${VIDEO_INTEROP_POLICY_TYPE} assignment in tenant ${ctx.tenant.tenantId}`);
    }
    ctx.tenant.writeGroups(kept, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};
