import type { IncomingMessage, ServerResponse } from 'node:http';
import { TARGET_URI_HEADER } from '../teams/routes';
import { apiHandlers } from './api-routes';
import type { BatchRegistry } from './batch';
import { ApiError, parseJsonObject, readBody, sendError, sendJson } from './errors';
import type { Faults, FaultPlan } from './faults';
import type { HandlerContext, MethodHandlers } from './handlers/context';
import type { TokenSigner } from './jwt';
import type { MemoryRequestLog, RequestLogEntry } from './request-log';
import { matchRoute } from './router';
import type { TenantStore } from './store';

export interface ApiServerDeps {
  store: TenantStore;
  signer: TokenSigner;
  faults: Faults;
  log: MemoryRequestLog;
  batches: BatchRegistry;
  latencyMs: number;
  replicationLagMs: number;
  batchUserMs: number;
  /** The API base URL (known once the server listens). */
  baseUrl: () => string;
}

/** The discovered admin endpoint of a tenant; every call after discovery must name it. */
export const adminEndpointFor = (baseUrl: string, tenantId: string) => `${baseUrl}/admin/${encodeURIComponent(tenantId)}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One request, in the order the real service and network would treat it: latency, bearer
 * token, faults (reset, throttle, error), routing, the discovered-target check, the handler,
 * then a reset after the write if a fault asks for it. Every request is logged, without headers.
 */
export function createApiListener(deps: ApiServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handlers = apiHandlers(deps.batchUserMs);
  return (req, res) => {
    void handle(deps, handlers, req, res);
  };
}

async function handle(deps: ApiServerDeps, handlers: Record<string, MethodHandlers>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const entry: RequestLogEntry = { time: Date.now(), method: req.method ?? 'GET', route: '', status: 0, writeApplied: false, faults: [], reset: false };
  const url = new URL(req.url ?? '/', 'http://emulator');
  let path = url.pathname;
  const prefix = /^\/admin\/([^/]+)(\/.*)$/.exec(path);
  if (prefix) path = prefix[2];
  const match = matchRoute(path);
  entry.route = match?.template ?? path;
  let plan: FaultPlan = { latencyMs: 0, replicationLagMs: 0, fired: [] };
  try {
    if (deps.latencyMs > 0) await sleep(deps.latencyMs);
    const tenantId = authenticate(deps, req);
    entry.tenant = tenantId;
    if (prefix && decodeURIComponent(prefix[1]) !== tenantId) {
      throw new ApiError(403, 'Forbidden', `the path names tenant ${decodeURIComponent(prefix[1])} but the token is for tenant ${tenantId}`);
    }
    plan = deps.faults.plan({ method: entry.method, path, template: match?.template, tenant: tenantId });
    entry.faults = plan.fired;
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (plan.outcome?.kind === 'resetBefore') return destroy(res, entry, deps);
    if (plan.outcome?.kind === 'throttle') {
      throw new ApiError(429, 'TooManyRequests', 'the service is throttling this tenant; retry after the Retry-After interval', {
        'retry-after': String(plan.outcome.retryAfterSeconds),
      });
    }
    if (plan.outcome?.kind === 'error') throw new ApiError(plan.outcome.status, 'ServiceError', `the service failed with ${plan.outcome.status} (injected fault)`);
    if (!match) throw new ApiError(404, 'NotFound', `no route ${entry.method} ${path}`);
    const handler = handlers[match.name][entry.method as keyof MethodHandlers];
    if (!handler) throw new ApiError(405, 'MethodNotAllowed', `${entry.method} is not supported on ${match.template}`);
    const adminEndpoint = adminEndpointFor(deps.baseUrl(), tenantId);
    if (match.name !== 'serviceDiscovery') checkTarget(req, adminEndpoint);
    const tenant = deps.store.get(tenantId);
    deps.batches.advance(tenantId, Date.now());
    const ctx: HandlerContext = {
      tenant,
      params: match.params,
      query: url.searchParams,
      body: async () => parseJsonObject(await readBody(req)),
      now: () => Date.now(),
      userGrantLagMs: () => Math.max(deps.replicationLagMs, plan.replicationLagMs),
      writeLagMs: () => plan.replicationLagMs,
      wrote: () => {
        entry.writeApplied = true;
        entry.writeAppliedAt = Date.now();
      },
      adminEndpoint,
      batches: deps.batches,
    };
    const answer = await handler(ctx);
    deps.store.flush();
    if (plan.outcome?.kind === 'resetAfter') return destroy(res, entry, deps);
    entry.status = answer.status;
    sendJson(res, answer.status, answer.body, answer.headers);
  } catch (err) {
    const apiError = err instanceof ApiError ? err : new ApiError(500, 'InternalError', `emulator failure: ${(err as Error).message}`);
    if (plan.outcome?.kind === 'resetAfter' && entry.writeApplied) return destroy(res, entry, deps);
    entry.status = apiError.status;
    sendError(res, apiError);
  }
  deps.log.record(entry);
}

function destroy(res: ServerResponse, entry: RequestLogEntry, deps: ApiServerDeps): void {
  entry.reset = true;
  res.socket?.destroy();
  deps.log.record(entry);
}

function authenticate(deps: ApiServerDeps, req: IncomingMessage): string {
  const header = req.headers.authorization;
  const challenge = { 'www-authenticate': 'Bearer realm="teams-admin-emulator"' };
  if (!header || !/^bearer\s+/i.test(header)) {
    throw new ApiError(401, 'Unauthorized', 'missing Authorization: Bearer <token> header', challenge);
  }
  const result = deps.signer.verify(header.replace(/^bearer\s+/i, '').trim());
  if ('reason' in result) throw new ApiError(401, 'Unauthorized', result.reason, challenge);
  return result.claims.tid;
}

function checkTarget(req: IncomingMessage, adminEndpoint: string): void {
  const given = req.headers[TARGET_URI_HEADER.toLowerCase()];
  if (given !== adminEndpoint) {
    const what = given === undefined ? 'is missing' : `is "${String(given)}"`;
    throw new ApiError(400, 'BadRequest', `header ${TARGET_URI_HEADER} ${what}; call GET /Teams.Tenant/serviceDiscovery first and send its AdminEndpoint (${adminEndpoint}) on every call`);
  }
}
