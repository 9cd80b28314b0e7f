import { VIDEO_INTEROP_POLICY_TYPE } from '../../teams/routes';
import type { WireBatchAccepted } from '../../teams/wire';
import { BatchOperation, MAX_BATCH_IDENTITIES } from '../batch';
import { badRequest, notFound } from '../errors';
import { resolvePolicyName } from '../policies';
import type { MethodHandlers } from './context';

/** New-CsBatchPolicyAssignmentOperation: 202 with an operation id, processed in the background. */
export function batchAssignments(perUserMs: number): MethodHandlers {
  return {
    POST: async (ctx) => {
      const body = await ctx.body();
      if (body.PolicyType !== VIDEO_INTEROP_POLICY_TYPE) {
        throw badRequest(`batch: PolicyType must be "${VIDEO_INTEROP_POLICY_TYPE}", got ${JSON.stringify(body.PolicyType)}`);
      }
      if (!('PolicyName' in body)) throw badRequest('batch: PolicyName is required (a policy name, or null to remove)');
      const policy = resolvePolicyName(body.PolicyName);
      const ids = body.Identities;
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
        throw badRequest('batch: Identities must be a non-empty array of user identities (strings)');
      }
      if (ids.length > MAX_BATCH_IDENTITIES) {
        throw badRequest(`batch: ${ids.length} identities given; a batch holds at most ${MAX_BATCH_IDENTITIES}`);
      }
      const op = new BatchOperation(ctx.tenant, policy, ids as string[], ctx.now(), perUserMs, ctx.userGrantLagMs());
      ctx.batches.add(ctx.tenant.tenantId, op);
      ctx.wrote();
      const accepted: WireBatchAccepted = { OperationId: op.id };
      return { status: 202, body: accepted };
    },
  };
}

/** Get-CsBatchPolicyAssignmentOperation -OperationId. */
export const batchAssignment: MethodHandlers = {
  GET: (ctx) => {
    const op = ctx.batches.get(ctx.tenant.tenantId, ctx.params.operationId);
    if (!op) throw notFound(`batch operation "${ctx.params.operationId}" does not exist in tenant ${ctx.tenant.tenantId}`);
    return { status: 200, body: op.status(ctx.now()) };
  },
};
