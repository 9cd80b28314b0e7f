/**
 * A strict stand-in for the Teams admin API, written from ../shared/design/teams-wire-evidence.md
 * on its own, apart from the project's emulator: it accepts exactly the requests Microsoft's
 * module is shown to send (route, method, body keys) and records anything else as "off the
 * evidence", answering it 404. Candidate reads are recorded as such and refused, as a service
 * that does not offer them would. It keeps just enough state for one tenant's CVI objects.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export const STRICT_FOREST = 'admin3c.strict.invalid';
const TYPE = 'TeamsVideoInteropServicePolicy';

export interface StrictCall {
  method: string;
  path: string;
  verdict: 'evidence' | 'candidate' | 'off-evidence';
  why?: string;
}

export interface StrictTeams {
  url: string;
  calls: StrictCall[];
  offEvidence(): StrictCall[];
  providers: Map<string, Record<string, unknown>>;
  users: Map<string, string>;
  tenantPolicy: { name: string | null };
  allowedDomains: string[] | null;
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;
type Reply = { status: number; body?: unknown };

class OffEvidence extends Error {}

const keysExactly = (body: Json, keys: string[]) => {
  const got = Object.keys(body).sort().join(',');
  if (got !== [...keys].sort().join(',')) throw new OffEvidence(`body keys ${got}, evidence has ${keys.join(',')}`);
};
const keysWithin = (body: Json, keys: string[], required: string[]) => {
  const extra = Object.keys(body).filter((k) => !keys.includes(k));
  const missing = required.filter((k) => !(k in body));
  if (extra.length > 0 || missing.length > 0) throw new OffEvidence(`body keys extra [${extra}] missing [${missing}]`);
};

export async function startStrictTeams(): Promise<StrictTeams> {
  const calls: StrictCall[] = [];
  const providers = new Map<string, Record<string, unknown>>();
  const users = new Map<string, string>();
  const tenantPolicy = { name: null as string | null };
  const state = { allowedDomains: null as string[] | null };
  const batches = new Map<string, string[]>();
  const POLICIES = [
    { Identity: 'Global', Description: '', ProviderName: 'DefaultProvider', Enabled: false },
    { Identity: 'Tag:PexipServiceProviderEnabled', Description: '', ProviderName: 'Pexip', Enabled: true },
  ];

  function route(method: string, path: string, query: URLSearchParams, body: Json | undefined, headers: http.IncomingHttpHeaders): Reply {
    const target = headers['x-ms-target-uri'];
    if (path === '/Teams.Tenant/serviceDiscovery') {
      // §1: Accept and Authorization only.
      if (method !== 'GET' || target !== undefined || headers['x-ms-correlation-id'] !== undefined) throw new OffEvidence('discovery carries extra headers');
      return { status: 200, body: { Endpoints: { AdminServiceEndpoint: STRICT_FOREST } } };
    }
    if (target !== undefined && target !== `https://${STRICT_FOREST}`) throw new OffEvidence(`X-MS-Target-Uri ${String(target)}`);
    const providerPath = /^\/Skype\.Policy\/configurations\/VideoInteropServiceProvider(?:\/configuration\/([^/]+))?$/.exec(path);
    if (providerPath && !providerPath[1]) {
      if (method === 'GET') return { status: 200, body: [...providers.values()] };
      if (method === 'POST') {
        keysWithin(body ?? {}, ['Identity', 'TenantKey', 'InstructionUri', 'AadApplicationIds', 'AllowAppGuestJoinsAsAuthenticated'], ['Identity', 'TenantKey']);
        providers.set(String(body!.Identity).toLowerCase(), { ...body });
        return { status: 200, body: {} };
      }
    }
    if (providerPath && providerPath[1]) {
      const id = decodeURIComponent(providerPath[1]).toLowerCase();
      if (method === 'PATCH') {
        keysWithin(body ?? {}, ['TenantKey', 'InstructionUri', 'AadApplicationIds', 'AllowAppGuestJoinsAsAuthenticated'], []);
        providers.set(id, { ...providers.get(id), ...body });
        return { status: 200, body: {} };
      }
      if (method === 'DELETE') {
        keysExactly(body ?? {}, ['Identity']);
        providers.delete(id);
        return { status: 204 };
      }
    }
    if (path === `/Skype.Policy/configurations/${TYPE}` && method === 'GET') return { status: 200, body: POLICIES };
    const userGrant = new RegExp(`^/Skype\\.Policy/users/([^/]+)/policies/${TYPE}$`).exec(path);
    if (userGrant && method === 'PATCH') {
      keysExactly(body ?? {}, ['policyName', 'additionalParameters']);
      if (body!.additionalParameters !== null) throw new OffEvidence('additionalParameters must be null');
      const user = decodeURIComponent(userGrant[1]).toLowerCase();
      if (body!.policyName === null) users.delete(user);
      else users.set(user, String(body!.policyName));
      return { status: 204 };
    }
    const effective = /^\/Skype\.User\/users\/([^/]+)\/policies$/.exec(path);
    if (effective && method === 'GET' && query.get('policyType') === TYPE) {
      const user = decodeURIComponent(effective[1]).toLowerCase();
      const name = users.get(user) ?? tenantPolicy.name ?? 'Global';
      return { status: 200, body: [{ policyType: TYPE, policyName: name, policySource: [] }] };
    }
    if (path === `/Skype.Policy/tenants/policies/${TYPE}`) {
      if (method === 'PATCH') {
        keysExactly(body ?? {}, ['PolicyName', 'additionalParameters', 'forceSwitchPresent']);
        tenantPolicy.name = body!.PolicyName === null ? null : String(body!.PolicyName);
        return { status: 204 };
      }
      if (method === 'GET') return candidate(method, path, { status: 405, body: { code: 'MethodNotAllowed', message: 'not offered', action: '' } });
    }
    if (path === '/Teams.User/users' && method === 'GET') return candidate(method, path, { status: 400, body: { error: { code: 'BadRequest', message: 'unsupported query' } } });
    if (path === '/Skype.Policy/assignments/operations' && method === 'POST' && query.has('operationName')) {
      keysExactly(body ?? {}, ['policy', 'identities', 'additionalParameters']);
      keysExactly(body!.policy as Json, ['policyType', 'policyName']);
      const policy = body!.policy as Json;
      if (policy.policyType !== TYPE) throw new OffEvidence('policyType');
      const ids = body!.identities as string[];
      for (const u of ids) {
        if (policy.policyName === null) users.delete(u.toLowerCase());
        else users.set(u.toLowerCase(), String(policy.policyName));
      }
      const id = randomUUID();
      batches.set(id, ids);
      return { status: 202, body: { OperationId: id } };
    }
    const op = /^\/Skype\.Policy\/assignments\/operations\/([0-9a-f-]{36})$/.exec(path);
    if (op && method === 'GET' && batches.has(op[1])) {
      const ids = batches.get(op[1])!;
      return { status: 200, body: { operationId: op[1], overallStatus: 'Completed', completedCount: ids.length, errorCount: 0, userState: ids.map((id) => ({ id, state: 'Completed', result: 'Success' })) } };
    }
    if (path === '/Skype.Policy/configurations/TenantFederationSettings/configuration/Global') {
      if (method === 'GET') {
        const allowed = state.allowedDomains === null ? { AllowedDomain: null } : { AllowedDomain: state.allowedDomains.map((Domain) => ({ Domain })) };
        return { status: 200, body: { Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: allowed, BlockedDomains: [] } };
      }
      if (method === 'PATCH') {
        keysWithin(body ?? {}, ['Identity', 'AllowedDomains'], ['AllowedDomains']);
        const list = (body!.AllowedDomains as Json).AllowedDomain as { Domain: string }[];
        if (!Array.isArray(list) || list.length === 0) throw new OffEvidence('AllowedDomains.AllowedDomain must be a non-empty list');
        state.allowedDomains = list.map((d) => d.Domain);
        return { status: 204 };
      }
    }
    throw new OffEvidence('no such route in the evidence');
  }

  function candidate(method: string, path: string, reply: Reply): Reply {
    calls[calls.length - 1].verdict = 'candidate';
    return reply;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://strict');
      const call: StrictCall = { method: req.method ?? '', path: url.pathname, verdict: 'evidence' };
      calls.push(call);
      let reply: Reply;
      try {
        if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) throw new OffEvidence('no bearer token');
        const text = Buffer.concat(chunks).toString('utf8');
        reply = route(call.method, call.path, url.searchParams, text === '' ? undefined : (JSON.parse(text) as Json), req.headers);
      } catch (error) {
        call.verdict = 'off-evidence';
        call.why = error instanceof Error ? error.message : String(error);
        reply = { status: 404, body: { code: 'NotFound', message: `off the evidence: ${call.why}`, action: '' } };
      }
      res.writeHead(reply.status, reply.body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    offEvidence: () => calls.filter((c) => c.verdict === 'off-evidence'),
    providers,
    users,
    tenantPolicy,
    get allowedDomains() {
      return state.allowedDomains;
    },
    set allowedDomains(v: string[] | null) {
      state.allowedDomains = v;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
