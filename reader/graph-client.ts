/**
 * A small Microsoft Graph client for the reader: reads only, a bearer token from the same
 * credential the Teams client uses (scope `<graph host>/.default`), retries of 429/5xx with
 * Retry-After within a deadline, and every page of a collection by `@odata.nextLink`.
 *
 * Paging (https://learn.microsoft.com/en-us/graph/paging): a collection answers
 * `{ value: [...], "@odata.nextLink": "<absolute URL>" }` while more pages remain; the link is
 * followed as given (it carries its own $skiptoken). It is only followed to the host the client
 * was made for, so a token is never sent elsewhere.
 */
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { isRetryableStatus, LostResponseError, redact, retryDelay, Transport, type Cloud } from '../teams';
import { GRAPH_HOSTS, graphScope } from './graph-routes';

export interface GraphClientOptions {
  readonly tenantId: string;
  readonly credential: TokenCredential;
  /** @default 'public' */
  readonly cloud?: Cloud;
  /** Base URL replacing the cloud's Graph host (the emulator's); http only on loopback. */
  readonly endpoint?: string;
  /** Extra CA certificate (PEM) to trust for an https endpoint. */
  readonly ca?: string | Buffer;
  /** Attempts per request, first included. @default 5 */
  readonly maxAttempts?: number;
  /** First backoff cap in ms (full jitter, doubling). @default 500 */
  readonly baseDelayMs?: number;
  /** No request starts, and no wait sleeps, past this many ms from the first call of a read. @default 60000 */
  readonly timeoutMs?: number;
}

/** A Graph answer that was not a success, with Graph's `{error: {code, message}}` read. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

const REFRESH_MARGIN_MS = 5 * 60_000;
const MAX_PAGES = 1_000;

export class GraphClient {
  readonly tenantId: string;
  readonly baseUrl: URL;
  private readonly scope: string;
  private readonly transport: Transport;
  private token?: AccessToken;

  constructor(private readonly opts: GraphClientOptions) {
    this.tenantId = opts.tenantId;
    const host = GRAPH_HOSTS[opts.cloud ?? 'public'];
    if (!host) throw new Error(`GraphClient: unknown cloud "${opts.cloud}"; use one of ${Object.keys(GRAPH_HOSTS).join(', ')}`);
    this.baseUrl = checkedEndpoint(opts.endpoint ?? host);
    // National clouds take their own host in the scope (https://learn.microsoft.com/en-us/graph/sdks/national-clouds).
    this.scope = graphScope(host);
    this.transport = new Transport({ ca: opts.ca });
  }

  /** Every item of a collection, following `@odata.nextLink` to the last page. */
  async list<T>(path: string, query: Record<string, string> = {}): Promise<T[]> {
    const deadline = Date.now() + (this.opts.timeoutMs ?? 60_000);
    const items: T[] = [];
    let url: URL | undefined = this.url(path, query);
    for (let page = 0; url; page++) {
      if (page >= MAX_PAGES) throw new GraphError(0, undefined, `GET ${path}: more than ${MAX_PAGES} pages; stopped`);
      const body = (await this.get(url, deadline)) as { value?: unknown; '@odata.nextLink'?: unknown };
      if (!body || !Array.isArray(body.value)) throw new GraphError(200, undefined, `GET ${path}: the answer has no "value" array`);
      items.push(...(body.value as T[]));
      url = this.nextLink(body['@odata.nextLink'], path);
    }
    return items;
  }

  close(): void {
    this.transport.close();
  }

  /**
   * Query options are written as Graph's docs write them: `$filter` with a literal `$` and the
   * value percent-encoded (spaces as %20), not form-encoded (`%24filter`, `+`), which
   * URLSearchParams would produce.
   */
  private url(path: string, query: Record<string, string>): URL {
    const search = Object.entries(query)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    return new URL(this.baseUrl.pathname.replace(/\/+$/, '') + path + (search ? `?${search}` : ''), this.baseUrl);
  }

  private nextLink(link: unknown, path: string): URL | undefined {
    if (link === undefined || link === null) return undefined;
    let url: URL;
    try {
      url = new URL(String(link));
    } catch {
      throw new GraphError(200, undefined, `GET ${path}: @odata.nextLink is not a URL`);
    }
    if (url.origin !== this.baseUrl.origin) {
      throw new GraphError(200, undefined, `GET ${path}: @odata.nextLink points to ${url.origin}, not ${this.baseUrl.origin}; not followed`);
    }
    return url;
  }

  private async get(url: URL, deadline: number): Promise<unknown> {
    const maxAttempts = this.opts.maxAttempts ?? 5;
    const policy = { baseDelayMs: this.opts.baseDelayMs ?? 500, maxDelayMs: 30_000, random: Math.random };
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const what = `GET ${url.pathname}`;
      if (Date.now() >= deadline) throw new GraphError(0, undefined, `${what}: no answer before the deadline`);
      let retryAfter: string | undefined;
      try {
        const res = await this.transport.send({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${await this.bearer()}`, accept: 'application/json' },
          timeoutMs: Math.max(1, Math.min(30_000, deadline - Date.now())),
        });
        if (res.status >= 200 && res.status < 300) return parse(res.body, what);
        if (res.status === 401 && !refreshed) {
          refreshed = true;
          this.token = undefined;
          continue;
        }
        if (!isRetryableStatus(res.status) || attempt >= maxAttempts) throw graphError(res.status, res.body, what, attempt);
        const header = res.headers['retry-after'];
        retryAfter = Array.isArray(header) ? header[0] : header;
      } catch (err) {
        if (!(err instanceof LostResponseError)) throw err;
        if (attempt >= maxAttempts) throw new GraphError(0, undefined, `${what}: no response after ${attempt} attempts (${err.reason})`);
      }
      const wait = retryDelay(attempt, retryAfter, policy);
      if (Date.now() + wait >= deadline) throw new GraphError(0, undefined, `${what}: would wait ${wait} ms to retry, past the deadline`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async bearer(): Promise<string> {
    if (this.token && this.token.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now()) return this.token.token;
    let token: AccessToken | null;
    try {
      token = await this.opts.credential.getToken(this.scope, { tenantId: this.tenantId });
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new GraphError(401, undefined, `token for ${this.scope}: the credential could not get one: ${redact(why)}`);
    }
    if (!token) throw new GraphError(401, undefined, `token for ${this.scope}: the credential returned none`);
    this.token = token;
    return token.token;
  }
}

function parse(text: string, what: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new GraphError(200, undefined, `${what}: the answer is not JSON`);
  }
}

/** Graph's error body: `{"error": {"code", "message", "innerError"}}`. */
function graphError(status: number, body: string, what: string, attempts: number): GraphError {
  let code: string | undefined;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    code = typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
    message = typeof parsed.error?.message === 'string' ? parsed.error.message : undefined;
  } catch {
    // not JSON: the status says enough
  }
  const hint = status === 403 ? ' (the signed-in app needs Application.Read.All and Directory.Read.All on Microsoft Graph)' : '';
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new GraphError(status, code, redact(`${what}: HTTP ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${tries}${hint}`));
}

function checkedEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`GraphClient: endpoint "${endpoint}" is not a URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new Error(`GraphClient: endpoint "${endpoint}" uses http on a non-loopback host; tokens must not travel unencrypted: use https`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`GraphClient: endpoint "${endpoint}" must be an http(s) URL`);
  return url;
}
