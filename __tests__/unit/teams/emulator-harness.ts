/**
 * An emulator and a client of one fresh tenant, wired with an injected credential that asks
 * the emulator for tokens, and with short waits so tests stay fast.
 */
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/core-auth';
import { startEmulator, type RunningEmulator, type EmulatedTenant } from '../../../emulator';
import { TeamsAdminClient, type TeamsAdminClientOptions, type ClientLogEntry } from '../../../teams';

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

export const FAST_RETRY = { baseDelayMs: 2, maxDelayMs: 20, attemptTimeoutMs: 2_000, writeMarginMs: 100 };
export const FAST_CONSISTENCY = { confirmations: 2, intervalMs: 2, maxIntervalMs: 20 };

export function emulatorCredential(emulator: RunningEmulator, tenantId: string, counter = { n: 0 }): TokenCredential {
  return {
    getToken: async () => {
      counter.n++;
      return { token: emulator.issueToken(tenantId), expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

export async function startHarness(
  emulatorOptions: Parameters<typeof startEmulator>[0] = {},
  clientOptions: Partial<TeamsAdminClientOptions> = {},
): Promise<Harness> {
  const emulator = await startEmulator(emulatorOptions);
  const tenantId = randomUUID();
  const counter = { n: 0 };
  const logs: ClientLogEntry[] = [];
  const clients: TeamsAdminClient[] = [];
  const newClient = (extra: Partial<TeamsAdminClientOptions> = {}) => {
    const c = new TeamsAdminClient({
      tenantId,
      credential: emulatorCredential(emulator, tenantId, counter),
      endpoint: emulator.url,
      retry: FAST_RETRY,
      consistency: FAST_CONSISTENCY,
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

export const PEXIP = {
  identity: 'Pexip',
  tenantKey: 'teams@contoso.com',
  instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
  aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83'],
  allowAppGuestJoinsAsAuthenticated: true,
} as const;

/** A fresh tenant on a shared emulator, with its own client and its own view of the write log. */
export interface FreshTenant {
  tenantId: string;
  client: TeamsAdminClient;
  tenant: EmulatedTenant;
  writes: () => ReturnType<RunningEmulator['log']['writes']>;
}

/**
 * One emulator for a whole file (registers beforeAll/afterAll): property tests run many cases, and a
 * fresh tenant per case keeps them apart without paying an emulator start for each.
 */
export function sharedEmulator(options: Parameters<typeof startEmulator>[0] = {}): { readonly emulator: RunningEmulator; freshTenant(): FreshTenant } {
  let emulator: RunningEmulator | undefined;
  const clients: TeamsAdminClient[] = [];
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await emulator?.stop();
  });
  const started = () => {
    if (!emulator) throw new Error('the shared emulator runs only inside the file\'s tests');
    return emulator;
  };
  return {
    get emulator() {
      return started();
    },
    freshTenant() {
      const em = started();
      em.faults.clear();
      const tenantId = randomUUID();
      const client = new TeamsAdminClient({
        tenantId,
        credential: emulatorCredential(em, tenantId),
        endpoint: em.url,
        retry: FAST_RETRY,
        consistency: FAST_CONSISTENCY,
      });
      clients.push(client);
      const writes = () => em.log.writes().filter((w) => w.tenant === tenantId);
      return { tenantId, client, tenant: em.tenant(tenantId), writes };
    },
  };
}
