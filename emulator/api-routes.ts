import type { MethodHandlers } from './handlers/context';
import { provider, providers } from './handlers/providers';
import { groupAssignments, groupPolicy, policies, tenantPolicy, userPolicy, usersWithPolicy } from './handlers/assignments';
import { batchAssignment, batchAssignments } from './handlers/batch';
import { federation } from './handlers/federation';
import type { RouteName } from './router';

/** Handlers of every contract route; the compiler insists that none is missing. */
export function apiHandlers(batchUserMs: number): Record<RouteName, MethodHandlers> {
  return {
    serviceDiscovery: { GET: (ctx) => ({ status: 200, body: { AdminEndpoint: ctx.adminEndpoint } }) },
    providers,
    provider,
    policies,
    userPolicy,
    usersWithPolicy,
    groupAssignments,
    groupPolicy,
    tenantPolicy,
    batchAssignments: batchAssignments(batchUserMs),
    batchAssignment,
    federation,
  };
}
