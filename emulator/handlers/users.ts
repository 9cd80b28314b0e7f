import type { WireEffectivePolicy } from '../wire';
import { ApiError, badRequest, notFound } from '../errors';
import { isUserIdentity } from '../identity';
import { canonicalBody } from '../json';
import { bareName, resolvePolicyName, VIDEO_INTEROP_POLICY_TYPE } from '../policies';
import type { HandlerContext, MethodHandlers } from './context';

/** Users per page of the user search, and the largest page a caller may ask for. */
export const USERS_PAGE_SIZE = 1000;

/** The emulator models one policy type; a path naming another is refused as the service would refuse a typo. */
export function checkPolicyType(type: string): void {
  if (type.toLowerCase() !== VIDEO_INTEROP_POLICY_TYPE.toLowerCase()) {
    throw badRequest(`policy type "${type}" is not modelled here; only ${VIDEO_INTEROP_POLICY_TYPE}`);
  }
}

function checkUser(ctx: HandlerContext): string {
  const user = ctx.params.user;
  if (!isUserIdentity(user)) throw badRequest(`user "${user}" is not an object id (GUID), UPN or SIP address`);
  if (ctx.tenant.isUnknownUser(user)) throw notFound(`user "${user}" was not found in tenant ${ctx.tenant.tenantId}`);
  return user;
}

/** Grant-CsTeamsVideoInteropServicePolicy -Identity (§4): PATCH {policyName, additionalParameters}; null removes. */
export const userGrant: MethodHandlers = {
  PATCH: async (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const user = checkUser(ctx);
    const body = canonicalBody(await ctx.body(), ['policyName', 'additionalParameters'], `user "${user}"`);
    if (!('policyName' in body)) throw badRequest(`user "${user}": body must carry "policyName" (a policy name, or null to remove)`);
    const policy = resolvePolicyName(body.policyName, 'policyName');
    ctx.tenant.writeUserPolicy(user, policy, ctx.now(), ctx.userGrantLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};

/**
 * Get-CsUserPolicyAssignment (§5, High): the effective policy with its sources. A direct
 * grant wins over the tenant-wide one, which wins over Global. The emulator does not model
 * group membership, and the `assignmentType` words are not in the evidence (open question 3):
 * "Direct" and "Tenant" are this emulator's.
 */
export const userEffectivePolicy: MethodHandlers = {
  GET: (ctx) => {
    const type = ctx.query.get('policyType') ?? VIDEO_INTEROP_POLICY_TYPE;
    checkPolicyType(type);
    const user = checkUser(ctx);
    const direct = ctx.tenant.readUserPolicy(user, ctx.now());
    const tenantWide = ctx.tenant.readTenantPolicy(ctx.now());
    const sources: WireEffectivePolicy['policySource'] = [];
    if (direct) sources.push({ policyName: direct, policyType: VIDEO_INTEROP_POLICY_TYPE, assignmentType: 'Direct', reference: null });
    if (tenantWide) sources.push({ policyName: tenantWide, policyType: VIDEO_INTEROP_POLICY_TYPE, assignmentType: 'Tenant', reference: null });
    const answer: WireEffectivePolicy[] = [{ policyType: VIDEO_INTEROP_POLICY_TYPE, policyName: direct ?? tenantWide ?? 'Global', policySource: sources }];
    return { status: 200, body: answer };
  },
};

/**
 * CANDIDATE (§5): the user search behind Get-CsOnlineUser -Filter. Off by default, answering
 * 400 as a service that does not know the query would; a test turns it on. When on, it takes
 * `psfilter=TeamsVideoInteropServicePolicy -eq '<name>'`, pages with `$skiptoken` and
 * `@nextLink`, and answers users with the 2.3.1 policy field `{authority, name}`.
 */
export const userSearch: MethodHandlers = {
  GET: (ctx) => {
    if (!ctx.switches.candidates.has('userSearch')) {
      throw new ApiError(400, 'BadRequest', 'the user search with this query is not available (candidate route off in this emulator run)');
    }
    const filter = /^\s*TeamsVideoInteropServicePolicy\s+-eq\s+'((?:[^']|'')*)'\s*$/i.exec(ctx.query.get('psfilter') ?? '');
    if (!filter) throw badRequest(`psfilter must be "TeamsVideoInteropServicePolicy -eq '<policy>'", got ${JSON.stringify(ctx.query.get('psfilter'))}`);
    const policy = resolvePolicyName(filter[1].replace(/''/g, "'"), 'psfilter');
    const all = policy === null ? [] : ctx.tenant.usersWithPolicy(policy, ctx.now());
    const token = ctx.query.get('$skiptoken');
    let start = 0;
    if (token) {
      const after = Buffer.from(token, 'base64url').toString('utf8');
      if (after === '') throw badRequest(`$skiptoken "${token}" is not one this service issued`);
      start = all.findIndex((id) => id > after);
      if (start < 0) start = all.length;
    }
    const slice = all.slice(start, start + USERS_PAGE_SIZE);
    const users = slice.map((id) => ({
      ...(id.includes('@') ? { userPrincipalName: id } : { objectId: id }),
      teamsVideoInteropServicePolicy: { authority: 'Tenant', name: bareName(policy ?? 'Global') },
    }));
    const page: Record<string, unknown> = { users };
    if (start + USERS_PAGE_SIZE < all.length) {
      const next = new URLSearchParams({ psfilter: ctx.query.get('psfilter') ?? '', $skiptoken: Buffer.from(slice[slice.length - 1]).toString('base64url') });
      page['@nextLink'] = `/Teams.User/users?${next.toString()}`;
    }
    return { status: 200, body: page };
  },
};
