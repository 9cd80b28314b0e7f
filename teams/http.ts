/**
 * The request pipeline every operation goes through: token, service discovery (once per
 * client), the target header, JSON, retries within the deadline, and typed errors.
 */
import type { TokenCredential } from '@azure/core-auth';
import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_HEADER, routes, SERVICE_WARNING_HEADER, TARGET_URI_HEADER } from './routes';
import { readAdminServiceEndpoint, readServiceError } from './wire-read';
import { Deadline, sleep } from './deadline';
import { ErrorSubject, ServiceError, ThrottledError, DeadlineExceededError, TeamsApiError, redact } from './errors';
import { errorForStatus } from './error-mapping';
import { isIdempotentMethod, isRetryableStatus, retryDelay } from './retry';
import { LostResponseError, Transport } from './transport';
import { TokenSource } from './token';
import type { ClientLog, RetryPolicy } from './types';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  readonly method: Method;
  readonly path: string;
  readonly query?: Record<string, string | undefined>;
  readonly body?: unknown;
  /** Named in every error and log line about this call. */
  readonly subject: ErrorSubject;
  readonly deadline: Deadline;
  readonly signal?: AbortSignal;
  /** Statuses handed back to the caller instead of thrown (e.g. 404 on a read). */
  readonly accept?: readonly number[];
  /** Send again after a lost response even though the method is POST: the write is idempotent in effect. */
  readonly idempotent?: boolean;
  /** The discovery call itself: no target, no correlation id (§1). */
  readonly discovery?: boolean;
}

export interface ApiResponse<T> {
  readonly status: number;
  readonly body: T | undefined;
}

export interface PipelineOptions {
  readonly tenantId: string;
  readonly credential: TokenCredential;
  readonly baseUrl: URL;
  readonly retry: RetryPolicy;
  readonly log?: ClientLog;
  readonly ca?: string | Buffer;
}

export class ApiPipeline {
  private readonly transport: Transport;
  private readonly tokens: TokenSource;
  private discovery?: Promise<string | undefined>;

  constructor(private readonly opts: PipelineOptions) {
    this.transport = new Transport({ ca: opts.ca });
    this.tokens = new TokenSource(opts.credential, opts.tenantId);
  }

  /** One call with retries. Throws a typed error unless the status is 2xx or in `accept`. */
  async call<T>(req: ApiRequest): Promise<ApiResponse<T>> {
    const target = await this.targetUri(req);
    return this.attempt<T>(req, target);
  }

  close(): void {
    this.transport.close();
  }

  /**
   * Discovery runs once per client (§1): `GET /Teams.Tenant/serviceDiscovery` with only the
   * token, answering `{"Endpoints":{"AdminServiceEndpoint":"<host>"}}`; later calls send
   * `X-MS-Target-Uri: https://<host>`. The /Skype.Policy routes work without the header (6.4.0
   * sends none), so a discovery that fails for any reason but the token is a warning and the
   * calls go on without it. A failure is forgotten so the next client tries again.
   */
  private targetUri(req: ApiRequest): Promise<string | undefined> {
    if (!this.discovery) {
      const subject = { tenantId: this.opts.tenantId, object: 'service discovery' };
      this.discovery = this.attempt<unknown>(
        { method: 'GET', path: routes.serviceDiscovery(), subject, deadline: req.deadline, signal: req.signal, discovery: true },
        undefined,
      ).then(
        (res) => {
          const host = readAdminServiceEndpoint(res.body);
          if (host === undefined) return this.withoutTarget('its answer has no Endpoints.AdminServiceEndpoint');
          return /^https?:\/\//i.test(host) ? host.replace(/\/+$/, '') : `https://${host}`;
        },
        (error: unknown) => {
          const status = error instanceof TeamsApiError ? error.status : undefined;
          if (req.signal?.aborted) throw req.signal.reason instanceof Error ? req.signal.reason : error;
          if (status === 401 || status === 403) throw error;
          return this.withoutTarget(error instanceof Error ? error.message : String(error));
        },
      );
      this.discovery.catch(() => (this.discovery = undefined));
    }
    return this.discovery;
  }

  private withoutTarget(reason: string): undefined {
    this.opts.log?.({
      level: 'warn',
      message: redact(`service discovery failed (${reason}); calling without ${TARGET_URI_HEADER}, which the /Skype.Policy routes do not need`),
      tenantId: this.opts.tenantId,
      route: routes.serviceDiscovery(),
    });
    return undefined;
  }

  private async attempt<T>(req: ApiRequest, target: string | undefined): Promise<ApiResponse<T>> {
    const { retry } = this.opts;
    const mayResend = req.idempotent === true || isIdempotentMethod(req.method);
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      // A caller who stopped us hears its own reason, whether the stop came before a send or during one.
      if (req.signal?.aborted) throw req.signal.reason instanceof Error ? req.signal.reason : new Error('stopped by the caller');
      req.deadline.assertTimeLeft(req.subject, `${req.method} ${req.path}`);
      if (req.method !== 'GET' && req.deadline.remainingMs() < retry.writeMarginMs) {
        throw new DeadlineExceededError(req.subject, `before ${req.method} ${req.path}: less than ${retry.writeMarginMs} ms left, too little to finish a write`);
      }
      const started = Date.now();
      let status: number;
      let retryAfter: string | undefined;
      try {
        const res = await this.sendOnce(req, target);
        status = res.status;
        this.logCall(req, attempt, status, Date.now() - started);
        this.logServiceWarnings(req, res.headers[SERVICE_WARNING_HEADER.toLowerCase()]);
        if ((status >= 200 && status < 300) || req.accept?.includes(status)) {
          return { status, body: parseJson<T>(res.body, req.subject) };
        }
        if (status === 401 && !refreshedToken) {
          refreshedToken = true;
          this.tokens.forget();
          continue;
        }
        if (isRetryableStatus(status) && status !== 429 && !mayResend) {
          // A 5xx or 408 to a create may come after the write was applied: the caller reads back.
          throw new LostResponseError(`HTTP ${status} (outcome unknown)`, false);
        }
        if (!isRetryableStatus(status) || attempt >= retry.maxAttempts) {
          throw this.finalError(req, status, res.body, attempt);
        }
        retryAfter = headerValue(res.headers['retry-after']);
      } catch (err) {
        if (!(err instanceof LostResponseError)) throw err;
        this.logCall(req, attempt, undefined, Date.now() - started, err.reason);
        if (req.signal?.aborted) throw err;
        if (!mayResend && !err.neverSent) throw err;
        if (attempt >= retry.maxAttempts) {
          throw new ServiceError(req.subject, `no response after ${attempt} attempts (${err.reason})`);
        }
      }
      const wait = retryDelay(attempt, retryAfter, retry);
      if (!req.deadline.canWait(wait)) {
        throw new DeadlineExceededError(req.subject, `while waiting ${wait} ms to retry ${req.method} ${req.path}`);
      }
      await sleep(wait, req.signal);
    }
  }

  private async sendOnce(req: ApiRequest, target: string | undefined) {
    const token = await this.tokens.get(req.deadline, req.signal);
    // Keep a path prefix of the endpoint override (e.g. a reverse proxy's /teams-admin).
    const base = this.opts.baseUrl;
    const url = new URL(base.pathname.replace(/\/+$/, '') + req.path, base);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    // Discovery sends Accept and Authorization only (§1); other calls add the module's headers (§0).
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (!req.discovery) headers[CORRELATION_ID_HEADER] = randomUUID();
    if (target !== undefined) headers[TARGET_URI_HEADER] = target;
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    const timeoutMs = Math.min(this.opts.retry.attemptTimeoutMs, Math.max(1, req.deadline.remainingMs()));
    return this.transport.send({ method: req.method, url, headers, body, timeoutMs, signal: req.signal });
  }

  private finalError(req: ApiRequest, status: number, rawBody: string, attempts: number): Error {
    const err = readServiceError(rawBody);
    if (isRetryableStatus(status) && (status === 429 || status === 503)) return new ThrottledError(req.subject, attempts, status);
    return errorForStatus(req.subject, status, err.message, err.code, attempts);
  }

  /** The service's warning header (§0), which the module prints; ours goes to the client log. */
  private logServiceWarnings(req: ApiRequest, value: string | string[] | undefined): void {
    if (!this.opts.log || value === undefined) return;
    for (const warning of Array.isArray(value) ? value : [value]) {
      this.opts.log({ level: 'warn', message: redact(`${req.subject.object}: the service warned: ${warning}`), tenantId: this.opts.tenantId, route: req.path });
    }
  }

  private logCall(req: ApiRequest, attempt: number, status: number | undefined, durationMs: number, lostReason?: string): void {
    if (!this.opts.log) return;
    const outcome = status === undefined ? `lost (${lostReason})` : `${status}`;
    this.opts.log({
      level: status === undefined || status >= 400 ? 'warn' : 'debug',
      message: redact(`${req.method} ${req.path} -> ${outcome}`),
      tenantId: this.opts.tenantId,
      method: req.method,
      route: req.path,
      status,
      attempt,
      durationMs,
    });
  }
}

function parseJson<T>(text: string, subject: ErrorSubject): T | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ServiceError(subject, 'the service answered with a body that is not JSON');
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
