/**
 * The tenant's pre-built CVI policies (Get-CsTeamsVideoInteropServicePolicy), cached per
 * client because tenants cannot add or delete them, and the one place policy names are
 * normalised: callers may write `Tag:X` or `X`; the client speaks and answers `X`.
 */
import { routes } from './routes';
import { bareName, listOf, readPolicy } from './wire-read';
import type { OperationContext } from './context';
import { UnknownPolicyError } from './errors';
import type { CallOptions, VideoInteropPolicy } from './types';

export { bareName };

export class PolicyCatalog {
  private cached?: Promise<VideoInteropPolicy[]>;

  constructor(private readonly ctx: OperationContext) {}

  list(opts?: CallOptions): Promise<VideoInteropPolicy[]> {
    if (!this.cached) {
      this.cached = this.fetch(opts);
      this.cached.catch(() => (this.cached = undefined));
    }
    return this.cached;
  }

  /**
   * The tenant's spelling of `name` (bare), or UnknownPolicyError listing what exists. A miss
   * refreshes the cache once, in case the list was read before Microsoft added a policy.
   */
  async resolve(name: string, object: string, opts?: CallOptions): Promise<string> {
    const wanted = bareName(name).toLowerCase();
    for (const refresh of [false, true]) {
      if (refresh) this.cached = undefined;
      const match = (await this.list(opts)).find((p) => p.name.toLowerCase() === wanted);
      if (match) return match.name;
    }
    const known = (await this.list(opts)).map((p) => p.name);
    throw new UnknownPolicyError(this.ctx.subject(object), name, known);
  }

  private async fetch(opts?: CallOptions): Promise<VideoInteropPolicy[]> {
    const res = await this.ctx.api.call<unknown>({
      method: 'GET',
      path: routes.policies(),
      subject: this.ctx.subject('TeamsVideoInteropServicePolicy list'),
      deadline: this.ctx.deadline(opts),
      signal: opts?.signal,
    });
    return listOf(res.body)
      .map(readPolicy)
      .filter((p): p is VideoInteropPolicy => p !== undefined);
  }
}
