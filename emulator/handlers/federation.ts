import { notFound } from '../errors';
import { applyFederationPatch } from '../federation-rules';
import type { HandlerContext, MethodHandlers } from './context';

function checkIdentity(ctx: HandlerContext): void {
  if (ctx.params.identity.toLowerCase() !== 'global') throw notFound(`TenantFederationSettings "${ctx.params.identity}" does not exist; the tenant has Global only`);
}

/** Get-CsTenantFederationConfiguration as the array of configurations (§9). */
export const federationList: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: [ctx.tenant.readFederation(ctx.now())] }),
};

/** Get-/Set-CsTenantFederationConfiguration (§9): GET the object, PATCH replaces what the body names. */
export const federation: MethodHandlers = {
  GET: (ctx) => {
    checkIdentity(ctx);
    return { status: 200, body: ctx.tenant.readFederation(ctx.now()) };
  },
  PATCH: async (ctx) => {
    checkIdentity(ctx);
    const next = applyFederationPatch(ctx.tenant.federationTruth(), await ctx.body());
    ctx.tenant.writeFederation(next, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};
