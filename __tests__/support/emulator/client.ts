/**
 * Our client (teams/) against an emulator: a credential that asks the emulator for tokens, and a
 * TeamsAdminClient with short waits so tests stay fast. Imported on its own
 * (`support/emulator/client`), not through the folder's index, so suites that hold the emulator
 * to the evidence on the raw wire never load the client.
 */
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/core-auth';
import { startEmulator, type EmulatedTenant, type EmulatorOptions, type RunningEmulator, type TokenAudience } from '../../../emulator';
import { TeamsAdminClient, type ClientLogEntry, type TeamsAdminClientOptions } from '../../../teams';
import { emulatorPerFile } from './lifecycle';

export const FAST_RETRY = { baseDelayMs: 2, maxDelayMs: 20, attemptTimeoutMs: 2_000, writeMarginMs: 100 };
export const FAST_CONSISTENCY = { confirmations: 2, intervalMs: 2, maxIntervalMs: 20 };

export interface EmulatorCredentialOptions {
  /** Which API the tokens are for (default the Teams admin API). */
  readonly audience?: TokenAudience;
  /** The client id the tokens name (default the emulator's). */
  readonly clientId?: string;
  /** Counts the tokens handed out. */
  readonly counter?: { n: number };
  /** Receives every scope asked for. */
  readonly scopes?: string[];
}

/** A credential whose tokens the emulator signs itself, valid for an hour. */
export function emulatorCredential(emulator: RunningEmulator, tenantId: string, options: EmulatorCredentialOptions = {}): TokenCredential {
  return {
    getToken: async (scope) => {
      if (options.counter) options.counter.n++;
      options.scopes?.push(String(scope));
      return { token: emulator.issueToken(tenantId, options.clientId, options.audience), expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

/** A client of one tenant of the emulator, with the fast retry and consistency settings; `extra` overrides any option. */
export function emulatorClient(emulator: RunningEmulator, tenantId: string, extra: Partial<TeamsAdminClientOptions> = {}): TeamsAdminClient {
  return new TeamsAdminClient({
    tenantId,
    credential: emulatorCredential(emulator, tenantId),
    endpoint: emulator.url,
    retry: FAST_RETRY,
    consistency: FAST_CONSISTENCY,
    ...extra,
  });
}

/** A test's own emulator and a client of one fresh tenant; the test stops it. */
export interface Harness {
  emulator: RunningEmulator;
  client: TeamsAdminClient;
  tenantId: string;
  tenant: EmulatedTenant;
  logs: ClientLogEntry[];
  tokenRequests: () => number;
  newClient: (extra?: Partial<TeamsAdminClientOptions>) => TeamsAdminClient;
  stop: () => Promise<void>;
}

/** For a test that picks its emulator's options itself; `stop()` closes every client it made and the emulator. */
export async function startHarness(emulatorOptions: EmulatorOptions = {}, clientOptions: Partial<TeamsAdminClientOptions> = {}): Promise<Harness> {
  const emulator = await startEmulator(emulatorOptions);
  const tenantId = randomUUID();
  const counter = { n: 0 };
  const logs: ClientLogEntry[] = [];
  const clients: TeamsAdminClient[] = [];
  const newClient = (extra: Partial<TeamsAdminClientOptions> = {}) => {
    const c = emulatorClient(emulator, tenantId, {
      credential: emulatorCredential(emulator, tenantId, { counter }),
      log: (e) => logs.push(e),
      ...clientOptions,
      ...extra,
    });
    clients.push(c);
    return c;
  };
  const client = newClient();
  return {
    emulator,
    client,
    tenantId,
    tenant: emulator.tenant(tenantId),
    logs,
    tokenRequests: () => counter.n,
    newClient,
    stop: async () => {
      clients.forEach((c) => c.close());
      await emulator.stop();
    },
  };
}

/** A fresh tenant on a shared emulator, with its own client and its own view of the write log. */
export interface FreshTenant {
  tenantId: string;
  client: TeamsAdminClient;
  tenant: EmulatedTenant;
  writes: () => ReturnType<RunningEmulator['log']['writes']>;
}

/**
 * One emulator for a whole file (emulatorPerFile) and a fresh tenant per case: property tests run
 * many cases, and a tenant each keeps them apart without paying an emulator start for each.
 */
export function tenantsPerFile(options: EmulatorOptions = {}): { readonly emulator: RunningEmulator; freshTenant(): FreshTenant } {
  const clients: TeamsAdminClient[] = [];
  afterAll(() => clients.forEach((c) => c.close()));
  const emulator = emulatorPerFile(options);
  return {
    emulator,
    /** A new tenant id and a fast client of it; clears the emulator's faults. */
    freshTenant() {
      emulator.faults.clear();
      const tenantId = randomUUID();
      const client = emulatorClient(emulator, tenantId);
      clients.push(client);
      const writes = () => emulator.log.writes().filter((w) => w.tenant === tenantId);
      return { tenantId, client, tenant: emulator.tenant(tenantId), writes };
    },
  };
}

/** A service provider as the client writes it. */
export const PEXIP = {
  identity: 'Pexip',
  tenantKey: 'teams@contoso.com',
  instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
  aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83'],
  allowAppGuestJoinsAsAuthenticated: true,
} as const;
