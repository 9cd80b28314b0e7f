import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiHandlers } from './api-routes';
import type { BatchRegistry } from './batch';
import { ApiError, parseJsonObject, readBody, sendError, sendJson } from './errors';
import type { Faults, FaultPlan } from './faults';
import type { HandlerContext, MethodHandlers, ServiceSwitches } from './handlers/context';
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
  switches: ServiceSwitches;
}

/**
 * The host discovery names (§1: a host like `admin2a.online.lync.com`). Clients never connect
 * to it; they send it back as `X-MS-Target-Uri`. `.invalid` cannot resolve anywhere.
 */
export const ADMIN_SERVICE_ENDPOINT = 'admin0e.emulator.invalid';

/** The header Microsoft's module sends with the discovered forest (§0, §1). */
export const TARGET_URI_HEADER = 'x-ms-target-uri';

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
  const path = url.pathname;
  const match = matchRoute(path);
  entry.route = match?.template ?? path;
  let plan: FaultPlan = { latencyMs: 0, replicationLagMs: 0, fired: [] };
  try {
    if (deps.latencyMs > 0) await sleep(deps.latencyMs);
    const tenantId = authenticate(deps, req);
    entry.tenant = tenantId;
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
    if (match.name !== 'serviceDiscovery') checkTarget(req, path);
    const tenant = deps.store.get(tenantId);
    deps.batches.advance(tenantId, Date.now());
    const ctx: HandlerContext = {
      tenant,
      params: match.params,
      query: url.searchParams,
      body: async () => parseJsonObject(await readBody(req)),
      optionalBody: async () => {
        const raw = await readBody(req);
        return raw.length === 0 ? undefined : parseJsonObject(raw);
      },
      now: () => Date.now(),
      userGrantLagMs: () => Math.max(deps.replicationLagMs, plan.replicationLagMs),
      writeLagMs: () => plan.replicationLagMs,
      wrote: () => {
        entry.writeApplied = true;
        entry.writeAppliedAt = Date.now();
      },
      adminServiceEndpoint: ADMIN_SERVICE_ENDPOINT,
      batches: deps.batches,
      switches: deps.switches,
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
    sendError(res, apiError, path);
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

/**
 * X-MS-Target-Uri (§1): the module always sent it to the ConfigAPI routes (`/Teams.User`,
 * `/Teams.Tenant`), so those require it; 6.4.0 sends none to `/Skype.Policy`, so there it is
 * optional. When sent, it must name the discovered host: `https://<host>`, with or without
 * the trailing slash (2.3.1 added one, 5.2.0 did not).
 */
function checkTarget(req: IncomingMessage, path: string): void {
  const given = req.headers[TARGET_URI_HEADER];
  const wanted = `https://${ADMIN_SERVICE_ENDPOINT}`;
  const required = /^\/Teams\./i.test(path);
  if (given === undefined && !required) return;
  const value = typeof given === 'string' ? given.toLowerCase().replace(/\/$/, '') : undefined;
  if (value === wanted) return; // host names compare without case; 2.3.1 added a trailing slash
  const what = given === undefined ? 'is missing' : `is "${String(given)}"`;
  throw new ApiError(400, 'BadRequest', `header X-MS-Target-Uri ${what}; call GET /Teams.Tenant/serviceDiscovery first and send https://<Endpoints.AdminServiceEndpoint> (${wanted})`);
}
