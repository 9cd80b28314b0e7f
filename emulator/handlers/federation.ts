import { applyFederationEdit, federationFromPut } from '../federation-rules';
import type { MethodHandlers } from './context';

/** Get-/Set-CsTenantFederationConfiguration. */
export const federation: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: ctx.tenant.readFederation(ctx.now()) }),

  PATCH: async (ctx) => {
    const next = applyFederationEdit(ctx.tenant.federationTruth(), await ctx.body());
    ctx.tenant.writeFederation(next, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 200, body: next };
  },

  PUT: async (ctx) => {
    const next = federationFromPut(await ctx.body());
    ctx.tenant.writeFederation(next, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 200, body: next };
  },
};
