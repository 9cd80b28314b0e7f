import { notFound } from '../errors';
import { bareName } from '../policies';
import type { MethodHandlers } from './context';

/** Get-CsTeamsVideoInteropServicePolicy (§3): the array, or one instance by identity (bare or Tag:). */
export const policies: MethodHandlers = {
  GET: (ctx) => ({ status: 200, body: ctx.tenant.policies() }),
};

export const policy: MethodHandlers = {
  GET: (ctx) => {
    const wanted = bareName(ctx.params.identity).toLowerCase();
    const found = ctx.tenant.policies().find((p) => bareName(p.Identity).toLowerCase() === wanted);
    if (!found) throw notFound(`policy "${ctx.params.identity}" of type TeamsVideoInteropServicePolicy does not exist`);
    return { status: 200, body: found };
  },
};
