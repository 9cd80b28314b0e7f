import type { MethodHandlers } from './handlers/context';
import { provider, providers } from './handlers/providers';
import { policies, policy } from './handlers/policies';
import { userEffectivePolicy, userGrant, userSearch } from './handlers/users';
import { tenantGrant } from './handlers/tenant';
import { groupAssignments, groupGrant, groupPolicyTypes } from './handlers/groups';
import { batchOperation, batchOperations } from './handlers/batch';
import { federation, federationList } from './handlers/federation';
import type { RouteName } from './router';

/** Handlers of every route of the table; the compiler insists that none is missing. */
export function apiHandlers(batchUserMs: number): Record<RouteName, MethodHandlers> {
  return {
    // §1: the answer names a host; callers send `https://<host>` as X-MS-Target-Uri.
    serviceDiscovery: { GET: (ctx) => ({ status: 200, body: { Endpoints: { AdminServiceEndpoint: ctx.adminServiceEndpoint } } }) },
    providers,
    provider,
    policies,
    policy,
    userGrant,
    userEffectivePolicy,
    userSearch,
    tenantGrant,
    groupGrant,
    groupPolicyTypes,
    groupAssignments,
    batchOperations: batchOperations(batchUserMs),
    batchOperation,
    federationList,
    federation,
  };
}
