import type { WireProvider } from '../../teams/wire';
import { conflict, notFound } from '../errors';
import { providerAfterUpdate, providerFromCreate } from '../provider-rules';
import type { MethodHandlers } from './context';

/** Get-/New-CsVideoInteropServiceProvider. */
export const providers: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: ctx.tenant.readProviders(ctx.now()) }),

  POST: async (ctx) => {
    const provider = providerFromCreate(await ctx.body());
    // The primary decides: a provider created moments ago conflicts even if a replica lags.
    if (ctx.tenant.getProvider(provider.Identity)) {
      throw conflict(`provider "${provider.Identity}" already exists in tenant ${ctx.tenant.tenantId}; update it instead (one provider per identity)`);
    }
    ctx.tenant.writeProvider(provider.Identity, provider, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 201, body: provider };
  },
};

/** Get-/Set-/Remove-CsVideoInteropServiceProvider -Identity. */
export const provider: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: mustRead(ctx.tenant.readProvider(ctx.params.identity, ctx.now()), ctx.params.identity, ctx.tenant.tenantId) }),

  PUT: async (ctx) => {
    const body = await ctx.body();
    const current = mustRead(ctx.tenant.getProvider(ctx.params.identity), ctx.params.identity, ctx.tenant.tenantId);
    const next = providerAfterUpdate(current, body);
    ctx.tenant.writeProvider(current.Identity, next, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 200, body: next };
  },

  DELETE: (ctx) => {
    const current = mustRead(ctx.tenant.getProvider(ctx.params.identity), ctx.params.identity, ctx.tenant.tenantId);
    ctx.tenant.writeProvider(current.Identity, undefined, ctx.now(), ctx.writeLagMs());
    ctx.wrote();
    return { status: 204 };
  },
};

function mustRead(p: WireProvider | undefined, identity: string, tenantId: string): WireProvider {
  if (!p) throw notFound(`provider "${identity}" does not exist in tenant ${tenantId}`);
  return p;
}
