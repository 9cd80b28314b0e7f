import { BatchOperation, MAX_BATCH_IDENTITIES } from '../batch';
import { badRequest, notFound } from '../errors';
import { canonicalBody } from '../json';
import { userKey } from '../identity';
import { resolvePolicyName, VIDEO_INTEROP_POLICY_TYPE } from '../policies';
import type { MethodHandlers } from './context';

/**
 * New-CsBatchPolicyAssignmentOperation (§8): POST `?operationName=` with
 * `{policy: {policyType, policyName}, identities, additionalParameters}` → 202 `{OperationId}`,
 * processed in the background. GET lists the tenant's operations (`?status=` filters).
 */
export function batchOperations(perUserMs: number): MethodHandlers {
  return {
    POST: async (ctx) => {
      const body = canonicalBody(await ctx.body(), ['policy', 'identities', 'additionalParameters'], 'batch');
      if (typeof body.policy !== 'object' || body.policy === null || Array.isArray(body.policy)) {
        throw badRequest('batch: "policy" must be {"policyType": ..., "policyName": ...}');
      }
      const policy = canonicalBody(body.policy as Record<string, unknown>, ['policyType', 'policyName'], 'batch: policy');
      if (String(policy.policyType ?? '').toLowerCase() !== VIDEO_INTEROP_POLICY_TYPE.toLowerCase()) {
        throw badRequest(`batch: policy.policyType must be "${VIDEO_INTEROP_POLICY_TYPE}", got ${JSON.stringify(policy.policyType)}`);
      }
      if (!('policyName' in policy)) throw badRequest('batch: policy.policyName is required (a policy name, or null to remove)');
      const name = resolvePolicyName(policy.policyName, 'policy.policyName');
      const ids = body.identities;
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
        throw badRequest('batch: identities must be a non-empty array of user identities (strings)');
      }
      // §8: duplicates are removed (identities compare without case), before the 5,000 limit applies.
      const seen = new Set<string>();
      const unique = (ids as string[]).filter((id) => !seen.has(userKey(id)) && seen.add(userKey(id)) !== undefined);
      if (unique.length > MAX_BATCH_IDENTITIES) throw badRequest(`batch: ${unique.length} identities given; a batch holds at most ${MAX_BATCH_IDENTITIES}`);
      const op = new BatchOperation(ctx.tenant, name, unique, ctx.now(), perUserMs, ctx.userGrantLagMs(), ctx.query.get('operationName') ?? '');
      ctx.batches.add(ctx.tenant.tenantId, op);
      ctx.wrote();
      return { status: 202, body: { OperationId: op.id } };
    },
    GET: (ctx) => {
      const status = ctx.query.get('status');
      const all = ctx.batches.all(ctx.tenant.tenantId).map((op) => op.status(ctx.now(), false));
      return { status: 200, body: status ? all.filter((op) => op.overallStatus.toLowerCase() === status.toLowerCase()) : all };
    },
  };
}

/** Get-CsBatchPolicyAssignmentOperation -OperationId (§8): the status with `userState`. */
export const batchOperation: MethodHandlers = {
  GET: (ctx) => {
    const op = ctx.batches.get(ctx.tenant.tenantId, ctx.params.operationId);
    if (!op) throw notFound(`batch operation "${ctx.params.operationId}" does not exist in tenant ${ctx.tenant.tenantId}`);
    return { status: 200, body: op.status(ctx.now()) };
  },
};
