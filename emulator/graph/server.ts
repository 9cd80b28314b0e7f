/**
 * The Microsoft Graph routes the reader needs, on their own loopback server (Graph is another
 * host than the Teams admin API), served in Graph's documented v1.0 shapes:
 * - collections `{"@odata.context", "value": [...], "@odata.nextLink"}`, paged by `$top`
 *   (1-999, default `pageSize`) and an opaque `$skiptoken` carried in the next link
 *   (https://learn.microsoft.com/en-us/graph/paging);
 * - errors `{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}`
 *   (https://learn.microsoft.com/en-us/graph/errors);
 * - a bearer token whose audience is Graph's (a Teams admin API token is a 401 here).
 * Faults and the request log are the emulator's own, keyed by `METHOD template` as for Teams.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults, FaultPlan } from '../faults';
import type { TokenSigner } from '../jwt';
import type { MemoryRequestLog, RequestLogEntry } from '../request-log';
import type { GraphDirectory } from './directory';

/** Route templates: keys of request-log counts and fault specs. */
export const GRAPH_ROUTES = {
  /** https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list?view=graph-rest-1.0 */
  servicePrincipals: '/v1.0/servicePrincipals',
  /** https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-approleassignments?view=graph-rest-1.0 */
  appRoleAssignments: '/v1.0/servicePrincipals/{id}/appRoleAssignments',
  /** https://learn.microsoft.com/en-us/graph/api/serviceprincipal-list-oauth2permissiongrants */
  oauth2PermissionGrants: '/v1.0/servicePrincipals/{id}/oauth2PermissionGrants',
} as const;

export interface GraphServerDeps {
  directory(tenantId: string): GraphDirectory;
  signer: TokenSigner;
  faults: Faults;
  log: MemoryRequestLog;
  /** The server's own base URL, for absolute next links. */
  baseUrl(): string;
  /** Items per page when the request gives no $top. */
  pageSize: number;
  latencyMs: number;
}

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGraphListener(deps: GraphServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => void handle(deps, req, res);
}

async function handle(deps: GraphServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://graph');
  const match = matchGraphRoute(url.pathname);
  const entry: RequestLogEntry = { time: Date.now(), method: req.method ?? 'GET', route: match?.template ?? url.pathname, status: 0, writeApplied: false, faults: [], reset: false, endpoint: 'graph' };
  let plan: FaultPlan = { latencyMs: 0, replicationLagMs: 0, fired: [] };
  try {
    if (deps.latencyMs > 0) await sleep(deps.latencyMs);
    const tenantId = authenticate(deps, req);
    entry.tenant = tenantId;
    plan = deps.faults.plan({ method: entry.method, path: url.pathname, template: match?.template, tenant: tenantId });
    entry.faults = plan.fired;
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (plan.outcome?.kind === 'resetBefore' || plan.outcome?.kind === 'resetAfter') {
      entry.reset = true;
      deps.log.record(entry);
      res.socket?.destroy();
      return;
    }
    if (plan.outcome?.kind === 'throttle') {
      throw new GraphError(429, 'TooManyRequests', 'Too many requests; retry after the Retry-After interval (injected fault)', { 'retry-after': String(plan.outcome.retryAfterSeconds) });
    }
    if (plan.outcome?.kind === 'error') throw new GraphError(plan.outcome.status, 'serviceError', `the service failed with ${plan.outcome.status} (injected fault)`);
    if (!match) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${url.pathname.split('/').pop()}'.`);
    if (entry.method !== 'GET') throw new GraphError(405, 'Request_BadRequest', `${entry.method} is not served by the emulator on ${match.template} (reads only)`);
    const directory = deps.directory(tenantId);
    const items = collection(directory, match.name, match.id, url.searchParams);
    const body = page(deps, url, match.name, items);
    entry.status = 200;
    send(res, 200, body);
  } catch (err) {
    const e = err instanceof GraphError ? err : new GraphError(500, 'generalException', `emulator failure: ${(err as Error).message}`);
    entry.status = e.status;
    send(res, e.status, { error: { code: e.code, message: e.message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } }, e.headers);
  }
  deps.log.record(entry);
}

type GraphRouteName = keyof typeof GRAPH_ROUTES;

function matchGraphRoute(path: string): { name: GraphRouteName; template: string; id?: string } | undefined {
  const parts = path.split('/');
  if (parts.length === 3 && parts[1] === 'v1.0' && parts[2].toLowerCase() === 'serviceprincipals') return { name: 'servicePrincipals', template: GRAPH_ROUTES.servicePrincipals };
  if (parts.length === 5 && parts[1] === 'v1.0' && parts[2].toLowerCase() === 'serviceprincipals' && parts[3] !== '') {
    const id = decodeURIComponent(parts[3]);
    const tail = parts[4].toLowerCase();
    if (tail === 'approleassignments') return { name: 'appRoleAssignments', template: GRAPH_ROUTES.appRoleAssignments, id };
    if (tail === 'oauth2permissiongrants') return { name: 'oauth2PermissionGrants', template: GRAPH_ROUTES.oauth2PermissionGrants, id };
  }
  return undefined;
}

function authenticate(deps: GraphServerDeps, req: IncomingMessage): string {
  const header = req.headers.authorization;
  const challenge = { 'www-authenticate': 'Bearer realm="graph-emulator"' };
  if (!header || !/^bearer\s+/i.test(header)) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', challenge);
  const result = deps.signer.verify(header.replace(/^bearer\s+/i, '').trim(), Date.now(), 'graph');
  if ('reason' in result) throw new GraphError(401, 'InvalidAuthenticationToken', result.reason, challenge);
  return result.claims.tid;
}

/** The whole collection a route answers, filtered as `$filter` asks (only `<property> eq '<value>'` on appId or id). */
function collection(directory: GraphDirectory, name: GraphRouteName, id: string | undefined, query: URLSearchParams): unknown[] {
  if (name === 'servicePrincipals') {
    const filter = query.get('$filter');
    const all = directory.listServicePrincipals();
    if (filter === null) return all;
    const m = /^\s*(appId|id)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
    if (!m) throw new GraphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property of resource 'ServicePrincipal' (the emulator serves appId eq and id eq only): ${filter}`);
    const value = m[2].replace(/''/g, "'").toLowerCase();
    return all.filter((sp) => (m[1] === 'appId' ? sp.appId : sp.id).toLowerCase() === value);
  }
  const sp = directory.servicePrincipalById(id!);
  if (!sp) throw new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  return name === 'appRoleAssignments' ? directory.appRoleAssignmentsOf(sp.id) : directory.permissionGrantsOf(sp.id);
}

function page(deps: GraphServerDeps, url: URL, name: GraphRouteName, items: unknown[]): Record<string, unknown> {
  const topText = url.searchParams.get('$top');
  const top = topText === null ? deps.pageSize : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > 999) throw new GraphError(400, 'Request_BadRequest', `Invalid page size specified: '${topText}'. Must be between 1 and 999 inclusive.`);
  const token = url.searchParams.get('$skiptoken');
  let offset = 0;
  if (token !== null) {
    const decoded = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!decoded) throw new GraphError(400, 'Directory_ExpiredPageToken', 'The specified page token value has expired and can no longer be included in your request.');
    offset = Number(decoded[1]);
  }
  const context = name === 'servicePrincipals' ? 'servicePrincipals' : name === 'appRoleAssignments' ? `servicePrincipals('id')/${name}` : `oauth2PermissionGrants`;
  const body: Record<string, unknown> = { '@odata.context': `${deps.baseUrl()}/v1.0/$metadata#${context}`, value: items.slice(offset, offset + top) };
  if (offset + top < items.length) {
    const next = new URL(url.pathname + url.search, deps.baseUrl());
    next.searchParams.set('$skiptoken', Buffer.from(`o${offset + top}`).toString('base64url'));
    body['@odata.nextLink'] = next.toString();
  }
  return body;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
