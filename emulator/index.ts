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

export type { EmulatedTenant } from './types';
export type { FaultController, FaultKind, FaultSpec, Fault } from './faults';
export { parseFaults } from './faults';
export type { RequestLog, RequestLogEntry } from './request-log';
export { TEMPLATES as ROUTE_TEMPLATES, CANDIDATE_READS } from './router';
export type { CandidateRead } from './router';
export { ADMIN_SERVICE_ENDPOINT } from './api-server';
export { emulatorClientEnv, type EmulatorClient } from './client-env';

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
}

export interface RunningEmulator {
  /** API base, e.g. http://127.0.0.1:43123. */
  url: string;
  /** HTTPS token endpoint base (an authority host for @azure/identity), e.g. https://127.0.0.1:43124. */
  authorityHost: string;
  /** The token endpoint's self-signed certificate (trust it via NODE_EXTRA_CA_CERTS or an https agent). */
  caCertPem: string;
  caCertPath: string;
  tenant(tenantId: string): EmulatedTenant;
  tenantIds(): string[];
  faults: FaultController;
  log: RequestLog;
  /** A valid bearer token without the token-endpoint dance (for an injected credential). */
  issueToken(tenantId: string, clientId?: string): string;
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
  let authorityHost = '';
  const tokens = createTokenEndpoint(signer, log, () => authorityHost);
  try {
    const port = await listen(api, options.port ?? 0);
    url = `http://127.0.0.1:${port}`;
    authorityHost = `https://127.0.0.1:${await listen(tokens.server, options.tokenPort ?? 0)}`;
  } catch (err) {
    await Promise.all([close(api), close(tokens.server)]);
    tokens.cleanup();
    throw err;
  }

  return {
    url,
    authorityHost,
    caCertPem: tokens.caCertPem,
    caCertPath: tokens.caCertPath,
    tenant: (tenantId) => {
      batches.advance(tenantId, Date.now());
      return store.get(tenantId);
    },
    tenantIds: () => store.ids(),
    faults,
    log,
    issueToken: (tenantId, clientId = 'emulator-test-client') => signer.issue(tenantId, clientId),
    stop: async () => {
      store.flush();
      await Promise.all([close(api), close(tokens.server)]);
      tokens.cleanup();
    },
  };
}
