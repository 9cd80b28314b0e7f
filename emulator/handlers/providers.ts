import type { WireProvider } from '../wire';
import { badRequest, conflict, notFound } from '../errors';
import { canonicalBody } from '../json';
import { providerAfterUpdate, providerFromCreate } from '../provider-rules';
import type { HandlerContext, MethodHandlers } from './context';

/** Get-/New-CsVideoInteropServiceProvider (§2): GET answers an array; POST creates. */
export const providers: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: ctx.tenant.readServiceProviders(ctx.now()) }),

  POST: async (ctx) => {
    const provider = providerFromCreate(await ctx.body());
    // The primary decides: a provider created moments ago conflicts even if a replica lags.
    if (ctx.tenant.getServiceProvider(provider.Identity)) {
      throw conflict(`provider "${provider.Identity}" already exists in tenant ${ctx.tenant.tenantId}; update it instead (one provider per identity)`);
    }
    ctx.tenant.writeServiceProvider(provider.Identity, provider, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 200, body: provider };
  },
};

/** Get-/Set-/Remove-CsVideoInteropServiceProvider -Identity (§2): GET one, PATCH changed fields, DELETE. */
export const provider: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: mustRead(ctx.tenant.readServiceProvider(ctx.params.identity, ctx.now()), ctx) }),

  PATCH: async (ctx) => {
    const current = mustRead(ctx.tenant.getServiceProvider(ctx.params.identity), ctx);
    const next = providerAfterUpdate(current, await ctx.body());
    ctx.tenant.writeServiceProvider(current.Identity, next, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 200, body: next };
  },

  /** The module sends its bound parameters (the Identity) as a body; an Identity that names another provider is refused. */
  DELETE: async (ctx) => {
    const body = await ctx.optionalBody();
    const named = body === undefined ? undefined : canonicalBody(body, ['Identity'], `provider "${ctx.params.identity}"`).Identity;
    if (named !== undefined && String(named).toLowerCase() !== ctx.params.identity.toLowerCase()) {
      throw badRequest(`provider "${ctx.params.identity}": the body names Identity "${String(named)}"`);
    }
    const current = mustRead(ctx.tenant.getServiceProvider(ctx.params.identity), ctx);
    ctx.tenant.writeServiceProvider(current.Identity, undefined, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};

function mustRead(p: WireProvider | undefined, ctx: HandlerContext): WireProvider {
  if (!p) throw notFound(`provider "${ctx.params.identity}" does not exist in tenant ${ctx.tenant.tenantId}`);
  return p;
}
