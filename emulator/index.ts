import { createServer } from 'node:http';
import { createApiListener } from './api-server';
import { BatchRegistry } from './batch';
import { Faults, type FaultController } from './faults';
import { TokenSigner } from './jwt';
import { MemoryRequestLog, type RequestLog } from './request-log';
import { TenantStore } from './store';
import { createTokenEndpoint } from './token-endpoint';
import { close, listen } from './listen';
import type { EmulatedTenant } from './types';
import type { CandidateRead } from './router';
import { GraphDirectory } from './graph/directory';
import { createGraphListener } from './graph/server';
import type { TokenAudience } from './jwt';

export type { EmulatedTenant } from './types';
export type { FaultController, FaultKind, FaultSpec, Fault } from './faults';
export { parseFaults } from './faults';
export type { RequestLog, RequestLogEntry } from './request-log';
export { TEMPLATES as ROUTE_TEMPLATES, CANDIDATE_READS } from './router';
export type { CandidateRead } from './router';
export { ADMIN_SERVICE_ENDPOINT } from './api-server';
export { GRAPH_ROUTES } from './graph/server';
export type { GraphDirectory } from './graph/directory';
export type { TokenAudience } from './jwt';

export interface EmulatorOptions {
  /** 0 / undefined = any free port on 127.0.0.1. */
  port?: number;
  /** JSON file: loaded at start, rewritten (atomically) after each write. */
  persistPath?: string;
  /** A user grant becomes visible to reads only after this many ms (default 0). */
  replicationLagMs?: number;
  /** Simulated processing time per user in a batch (default 0.05 ms). */
  batchUserMs?: number;
  /** Added to every API request (default 0). */
  latencyMs?: number;
  /** Seed of probabilistic faults (default 1). */
  seed?: number;
  /** Port of the HTTPS token endpoint; 0 / undefined = any free port. */
  tokenPort?: number;
  /**
   * Candidate reads to answer (teams-wire-evidence.md: routes no Microsoft code proves). Off by
   * default, so everything built on them is tested for the service not answering them.
   */
  candidates?: readonly CandidateRead[];
  /** Refuse group assignment of the CVI policy type, as the service may (evidence §7 "Limits"). */
  refuseGroupAssignment?: boolean;
  /** Port of the Microsoft Graph server; 0 / undefined = any free port. */
  graphPort?: number;
  /** Items per Graph page when a request gives no $top (default 100). */
  graphPageSize?: number;
}

export interface RunningEmulator {
  /** API base, e.g. http://127.0.0.1:43123. */
  url: string;
  /** HTTPS token endpoint base (an authority host for @azure/identity), e.g. https://127.0.0.1:43124. */
  authorityHost: string;
  /** Microsoft Graph base URL (stands in for https://graph.microsoft.com), e.g. http://127.0.0.1:43125. */
  graphUrl: string;
  /** One tenant's directory behind the Graph routes: seed service principals and consent here. */
  graph(tenantId: string): GraphDirectory;
  /** The token endpoint's self-signed certificate (trust it via NODE_EXTRA_CA_CERTS or an https agent). */
  caCertPem: string;
  caCertPath: string;
  tenant(tenantId: string): EmulatedTenant;
  tenantIds(): string[];
  faults: FaultController;
  log: RequestLog;
  /** A valid bearer token without the token-endpoint dance (for an injected credential); 'graph' for the Graph routes. */
  issueToken(tenantId: string, clientId?: string, audience?: TokenAudience): string;
  stop(): Promise<void>;
}

export const DEFAULT_BATCH_USER_MS = 0.05;

/** Starts a Teams admin API emulator on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = new TenantStore(() => Date.now(), options.persistPath);
  const signer = new TokenSigner();
  const faults = new Faults(options.seed ?? 1);
  const log = new MemoryRequestLog();
  const batches = new BatchRegistry();
  let url = '';
  const api = createServer(
    createApiListener({
      store,
      signer,
      faults,
      log,
      batches,
      latencyMs: options.latencyMs ?? 0,
      replicationLagMs: options.replicationLagMs ?? 0,
      batchUserMs: options.batchUserMs ?? DEFAULT_BATCH_USER_MS,
      switches: { candidates: new Set(options.candidates ?? []), refuseGroupAssignment: options.refuseGroupAssignment ?? false },
    }),
  );
  const directories = new Map<string, GraphDirectory>();
  const directory = (tenantId: string) => {
    let d = directories.get(tenantId);
    if (!d) directories.set(tenantId, (d = new GraphDirectory(tenantId)));
    return d;
  };
  let graphUrl = '';
  const graph = createServer(
    createGraphListener({ directory, signer, faults, log, baseUrl: () => graphUrl, pageSize: options.graphPageSize ?? 100, latencyMs: options.latencyMs ?? 0 }),
  );
  let authorityHost = '';
  const tokens = createTokenEndpoint(signer, log, () => authorityHost);
  try {
    const port = await listen(api, options.port ?? 0);
    url = `http://127.0.0.1:${port}`;
    authorityHost = `https://127.0.0.1:${await listen(tokens.server, options.tokenPort ?? 0)}`;
    graphUrl = `http://127.0.0.1:${await listen(graph, options.graphPort ?? 0)}`;
  } catch (err) {
    await Promise.all([close(api), close(tokens.server), close(graph)]);
    tokens.cleanup();
    throw err;
  }

  return {
    url,
    authorityHost,
    graphUrl,
    graph: directory,
    caCertPem: tokens.caCertPem,
    caCertPath: tokens.caCertPath,
    tenant: (tenantId) => {
      batches.advance(tenantId, Date.now());
      return store.get(tenantId);
    },
    tenantIds: () => store.ids(),
    faults,
    log,
    issueToken: (tenantId, clientId = 'emulator-test-client', audience = 'teams') => signer.issue(tenantId, clientId, 3600, Date.now(), audience),
    stop: async () => {
      store.flush();
      await Promise.all([close(api), close(tokens.server), close(graph)]);
      tokens.cleanup();
    },
  };
}
