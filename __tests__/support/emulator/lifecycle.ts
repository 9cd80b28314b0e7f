/**
 * When an emulator starts and stops: one per test, or one per file (or per describe block it is
 * called in) with a fresh tenant per case. Each registers its jest hooks where it is called and
 * hands back stand-ins that forward to the emulator of the running test, so a file names them
 * once, at the top, and reads them as plain values inside its tests and hooks.
 */
import { randomUUID } from 'node:crypto';
import { startEmulator, type EmulatedTenant, type EmulatorOptions, type RunningEmulator } from '../../../emulator';
import type { TeamsAdminClient } from '../../../teams';
import { emulatorClient } from './client';
import { connect, type TestCaller } from './wire';

/**
 * An object that stands for whatever `current()` answers when it is used; `current` throws
 * outside the time the thing runs, so a stand-in read too early says so.
 */
function forwarding<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_, key) => Reflect.has(current(), key),
  });
}

/** Registers a beforeEach/afterEach pair: each test gets an emulator of its own, stopped after it. */
export function emulatorPerTest(options: EmulatorOptions = {}): RunningEmulator {
  return perTest(undefined, options).emulator;
}

/** Each test's own emulator and a raw-wire caller signed in to one tenant of it (discovery done). */
export interface EmulatorPerTest {
  readonly emulator: RunningEmulator;
  readonly api: TestCaller;
}

/** Like emulatorPerTest, with a raw-wire caller of `tenantId` connected before each test. */
export function callerPerTest(tenantId: string, options: EmulatorOptions = {}): EmulatorPerTest {
  return perTest(tenantId, options);
}

function perTest(tenantId: string | undefined, options: EmulatorOptions): EmulatorPerTest {
  let current: { emulator: RunningEmulator; api?: TestCaller } | undefined;
  beforeEach(async () => {
    const emulator = await startEmulator(options);
    current = { emulator };
    if (tenantId !== undefined) current.api = await connect(emulator, tenantId);
  });
  afterEach(async () => {
    await current?.emulator.stop();
    current = undefined;
  });
  const started = () => {
    if (!current) throw new Error('the emulator runs only inside a test');
    return current;
  };
  return {
    emulator: forwarding(() => started().emulator),
    api: forwarding(() => {
      const { api } = started();
      if (!api) throw new Error('emulatorPerTest connects no caller: use callerPerTest(tenantId) for one');
      return api;
    }),
  };
}

/** A fresh tenant on a shared emulator, with its own client and its own view of the write log. */
export interface FreshTenant {
  tenantId: string;
  client: TeamsAdminClient;
  tenant: EmulatedTenant;
  writes: () => ReturnType<RunningEmulator['log']['writes']>;
}

export interface EmulatorPerFile {
  readonly emulator: RunningEmulator;
  /** A new tenant id and a fast client of it; clears the emulator's faults. */
  freshTenant(): FreshTenant;
}

/**
 * One emulator for a whole file, or for the describe block it is called in (registers
 * beforeAll/afterAll): property tests run many cases, and a fresh tenant per case keeps them
 * apart without paying an emulator start for each.
 */
export function emulatorPerFile(options: EmulatorOptions = {}): EmulatorPerFile {
  let emulator: RunningEmulator | undefined;
  const clients: TeamsAdminClient[] = [];
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await emulator?.stop();
    emulator = undefined;
  });
  const started = () => {
    if (!emulator) throw new Error("the shared emulator runs only inside the file's tests");
    return emulator;
  };
  return {
    emulator: forwarding(started),
    freshTenant() {
      const em = started();
      em.faults.clear();
      const tenantId = randomUUID();
      const client = emulatorClient(em, tenantId);
      clients.push(client);
      const writes = () => em.log.writes().filter((w) => w.tenant === tenantId);
      return { tenantId, client, tenant: em.tenant(tenantId), writes };
    },
  };
}
