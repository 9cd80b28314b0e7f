import { badRequest, notFound } from '../errors';
import { canonicalBody } from '../json';
import { resolvePolicyName, VIDEO_INTEROP_POLICY_TYPE } from '../policies';
import { insertGroup, toWireGroups } from '../tenant-state';
import { checkPolicyType } from './users';
import type { HandlerContext, MethodHandlers } from './context';

/** The body of a group grant, `{policyName, priority}` (§7). */
async function grantBody(ctx: HandlerContext): Promise<{ policy: string; priority: number | undefined }> {
  const groupId = ctx.params.groupId;
  const body = canonicalBody(await ctx.body(), ['policyName', 'priority'], `group "${groupId}"`);
  const policy = resolvePolicyName(body.policyName, 'policyName');
  if (policy === null) throw badRequest(`group "${groupId}": policyName is required; remove a group assignment with DELETE`);
  const priority = body.priority;
  if (priority !== undefined && priority !== null && (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0)) {
    throw badRequest(`group "${groupId}": priority must be a whole number >= 0 (1 is the highest precedence, 0 means last), got ${JSON.stringify(priority)}`);
  }
  return { policy, priority: typeof priority === 'number' ? priority : undefined };
}

function write(ctx: HandlerContext, policy: string, priority: number | undefined): void {
  if (ctx.switches.refuseGroupAssignment) {
    throw badRequest(`group policy assignment is not supported for policy type ${VIDEO_INTEROP_POLICY_TYPE}`);
  }
  const groups = insertGroup(ctx.tenant.groupTruth(), ctx.params.groupId, policy, priority);
  ctx.tenant.writeGroups(groups, ctx.now(), ctx.writeLagMs());
  ctx.wrote();
}

const mine = (ctx: HandlerContext) => toWireGroups(ctx.tenant.readGroups(ctx.now())).filter((g) => g.groupId.toLowerCase() === ctx.params.groupId.toLowerCase());

/**
 * One group's assignment of one policy type (§7): POST grants (Grant-... -Group -Rank, MPA),
 * placing the group at `priority` and renumbering the rest; PATCH is the 2.3.1 Set of an
 * existing assignment; DELETE removes; GET reads it.
 */
export const groupGrant: MethodHandlers = {
  GET: (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const found = mine(ctx)[0];
    if (!found) throw notFound(`group "${ctx.params.groupId}" has no ${VIDEO_INTEROP_POLICY_TYPE} assignment`);
    return { status: 200, body: found };
  },
  POST: async (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const { policy, priority } = await grantBody(ctx);
    write(ctx, policy, priority);
    return { status: 204 };
  },
  /** New-CsGroupPolicyAssignment in 2.3.1 sent PUT (201/204) with the same body. */
  PUT: async (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const { policy, priority } = await grantBody(ctx);
    write(ctx, policy, priority);
    return { status: 204 };
  },
  PATCH: async (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const { policy, priority } = await grantBody(ctx);
    const place = ctx.tenant.groupTruth().findIndex((g) => g.GroupId.toLowerCase() === ctx.params.groupId.toLowerCase());
    if (place < 0) throw notFound(`group "${ctx.params.groupId}" has no ${VIDEO_INTEROP_POLICY_TYPE} assignment to update`);
    // A Set that names no priority keeps the group where it is.
    write(ctx, policy, priority ?? place + 1);
    return { status: 204 };
  },
  DELETE: (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const groupId = ctx.params.groupId;
    const groups = ctx.tenant.groupTruth();
    const kept = groups.filter((g) => g.GroupId.toLowerCase() !== groupId.toLowerCase());
    if (kept.length === groups.length) throw notFound(`group "${groupId}" has no ${VIDEO_INTEROP_POLICY_TYPE} assignment in tenant ${ctx.tenant.tenantId}`);
    ctx.tenant.writeGroups(kept, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};

/** GET …/{groupId}/policyTypes: the group's assignments of every type (§7 "Get"). */
export const groupPolicyTypes: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: mine(ctx) }),
};

/** GET /Skype.Policy/groupPolicyAssignments?policyType=: every group's assignment of a type, in rank order (§7 "Get"). */
export const groupAssignments: MethodHandlers = {
  GET: (ctx) => {
    const type = ctx.query.get('policyType');
    const all = toWireGroups(ctx.tenant.readGroups(ctx.now()));
    return { status: 200, body: type === null || type.toLowerCase() === VIDEO_INTEROP_POLICY_TYPE.toLowerCase() ? all : [] };
  },
};
