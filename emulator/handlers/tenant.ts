import { ApiError, badRequest } from '../errors';
import { canonicalBody } from '../json';
import { resolvePolicyName } from '../policies';
import { checkPolicyType } from './users';
import type { MethodHandlers } from './context';

/**
 * Grant-CsTeamsVideoInteropServicePolicy -Global (§6): PATCH {PolicyName, additionalParameters,
 * forceSwitchPresent}. The GET is a CANDIDATE (no read is proven): off by default, answering
 * 405 like a route that takes no GET; a test turns it on, and then it answers {PolicyName}.
 */
export const tenantGrant: MethodHandlers = {
  GET: (ctx) => {
    checkPolicyType(ctx.params.policyType);
    if (!ctx.switches.candidates.has('tenantGrantRead')) {
      throw new ApiError(405, 'MethodNotAllowed', 'GET is not supported on this route (candidate read off in this emulator run)');
    }
    return { status: 200, body: { PolicyName: ctx.tenant.readTenantPolicy(ctx.now()) } };
  },
  PATCH: async (ctx) => {
    checkPolicyType(ctx.params.policyType);
    const body = canonicalBody(await ctx.body(), ['PolicyName', 'additionalParameters', 'forceSwitchPresent'], 'tenant grant');
    if (!('PolicyName' in body)) throw badRequest('tenant grant: body must carry "PolicyName" (a policy name, or null for the default)');
    const policy = resolvePolicyName(body.PolicyName);
    ctx.tenant.writeTenantPolicy(policy, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};
