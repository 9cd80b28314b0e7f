/**
 * Access tokens for the Teams admin API scope, cached until shortly before they expire so a
 * busy client does not ask its credential once per call (an injected credential may not cache).
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { TEAMS_ADMIN_SCOPE } from './routes';
import { Deadline } from './deadline';
import { AuthenticationError, redact } from './errors';

/** Refresh this long before expiry, so a token never runs out mid-retry. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export class TokenSource {
  private cached?: AccessToken;
  private pending?: Promise<AccessToken>;

  constructor(
    private readonly credential: TokenCredential,
    private readonly tenantId: string,
  ) {}

  async get(deadline: Deadline, signal?: AbortSignal): Promise<string> {
    if (this.cached && this.cached.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now()) return this.cached.token;
    if (!this.pending) {
      this.pending = this.fetch(deadline, signal).finally(() => (this.pending = undefined));
    }
    this.cached = await this.pending;
    return this.cached.token;
  }

  /** After a 401: the next call gets a fresh token. */
  forget(): void {
    this.cached = undefined;
  }

  private async fetch(deadline: Deadline, signal?: AbortSignal): Promise<AccessToken> {
    const subject = { tenantId: this.tenantId, object: `token for ${TEAMS_ADMIN_SCOPE}` };
    deadline.assertTimeLeft(subject, 'getting a token');
    let token: AccessToken | null;
    try {
      token = await this.credential.getToken(TEAMS_ADMIN_SCOPE, { tenantId: this.tenantId, abortSignal: signal });
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new AuthenticationError(subject, `the credential could not get a token: ${redact(why)} (check the tenant id, the app's credential variables, or \`az login\`)`);
    }
    if (!token) throw new AuthenticationError(subject, 'the credential returned no token');
    return token;
  }
}
