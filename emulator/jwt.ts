import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Access tokens: compact JWTs signed HS256 with a key made at start, so a token from one
 * emulator run is worthless to any other. The claims are the ones the service reads:
 * `tid` (tenant), `appid` (client), `aud` (the Teams admin API), `exp`.
 */
export const TEAMS_ADMIN_AUDIENCE = '48ac35b8-9aa8-4d74-927d-1f4a14a0b239';
/**
 * Microsoft Graph's audience: tokens for `https://graph.microsoft.com/.default` carry
 * `aud: https://graph.microsoft.com` (the app id URI; v2 tokens may carry the app id
 * 00000003-0000-0000-c000-000000000000, accepted too).
 */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const GRAPH_AUDIENCES = [GRAPH_AUDIENCE, '00000003-0000-0000-c000-000000000000'];
const TEAMS_AUDIENCES = [TEAMS_ADMIN_AUDIENCE, `api://${TEAMS_ADMIN_AUDIENCE}`];

/** Which API a token is for: each server accepts only its own. */
export type TokenAudience = 'teams' | 'graph';

export interface TokenClaims {
  tid: string;
  appid: string;
  aud: string;
  iat: number;
  exp: number;
  iss?: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class TokenSigner {
  private readonly key = randomBytes(32);

  constructor(private readonly issuerFor: (tenantId: string) => string = (t) => `https://emulator.local/${t}/v2.0`) {}

  issue(tenantId: string, clientId: string, lifetimeSeconds = 3600, nowMs = Date.now(), audience: TokenAudience = 'teams'): string {
    const iat = Math.floor(nowMs / 1000);
    const aud = audience === 'graph' ? GRAPH_AUDIENCE : TEAMS_ADMIN_AUDIENCE;
    const claims: TokenClaims = { tid: tenantId, appid: clientId, aud, iat, exp: iat + lifetimeSeconds, iss: this.issuerFor(tenantId) };
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify(claims));
    return `${head}.${body}.${this.sign(`${head}.${body}`)}`;
  }

  /** The claims of a valid token, or a reason it is not (never echoing the token itself). */
  verify(token: string, nowMs = Date.now(), audience: TokenAudience = 'teams'): { claims: TokenClaims } | { reason: string } {
    const parts = token.split('.');
    if (parts.length !== 3) return { reason: 'the bearer token is not a compact JWT' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { reason: 'the bearer token signature is invalid (issued by another emulator run?)' };
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { reason: 'the bearer token claims are not JSON' };
    }
    const accepted = audience === 'graph' ? GRAPH_AUDIENCES : TEAMS_AUDIENCES;
    if (!accepted.includes(claims.aud)) {
      const api = audience === 'graph' ? `Microsoft Graph (${GRAPH_AUDIENCE})` : `the Teams admin API (${TEAMS_ADMIN_AUDIENCE})`;
      return { reason: `the bearer token audience "${claims.aud}" is not ${api}` };
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return { reason: 'the bearer token has expired' };
    if (typeof claims.tid !== 'string' || claims.tid === '') return { reason: 'the bearer token has no tenant (tid) claim' };
    return { claims };
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
