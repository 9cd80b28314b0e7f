/**
 * One HTTP exchange over node:http(s), nothing more: no retries, no JSON, no auth. Kept apart
 * so the pipeline can tell "the service answered" from "the response was lost", which decides
 * whether a write may be sent again.
 */
import * as http from 'node:http';
import * as https from 'node:https';

export interface RawRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * No response arrived: the connection was reset, timed out or refused. `neverSent` is true
 * only when the request provably did not reach the service (connection refused, name not
 * found), the one case where even a create may simply be sent again.
 */
export class LostResponseError extends Error {
  constructor(
    readonly reason: string,
    readonly neverSent: boolean,
  ) {
    super(`no response: ${reason}`);
  }
}

const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Keep-alive agents, one pair per client, so thousands of calls reuse a few sockets. */
export class Transport {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(opts: { ca?: string | Buffer; maxSockets?: number } = {}) {
    const maxSockets = opts.maxSockets ?? 16;
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets, ca: opts.ca });
  }

  send(req: RawRequest): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const isHttps = req.url.protocol === 'https:';
      const lib = isHttps ? https : http;
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
      let settled = false;
      const fail = (err: Error): void => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      const outgoing = lib.request(
        req.url,
        { method: req.method, headers, agent: isHttps ? this.httpsAgent : this.httpAgent, signal: req.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => fail(lost(e)));
          res.on('aborted', () => fail(new LostResponseError('response aborted mid-body', false)));
          res.on('end', () => {
            if (settled) return;
            settled = true;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      outgoing.setTimeout(Math.max(1, req.timeoutMs), () => {
        outgoing.destroy(new LostResponseError(`no answer within ${req.timeoutMs} ms`, false));
      });
      outgoing.on('error', (e) => fail(e instanceof LostResponseError || isAbort(e, req.signal) ? e : lost(e)));
      outgoing.end(req.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function lost(err: Error): LostResponseError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return new LostResponseError(code ? `${code} (${err.message})` : err.message, NEVER_SENT_CODES.has(code));
}

function isAbort(err: Error, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || err.name === 'AbortError';
}
