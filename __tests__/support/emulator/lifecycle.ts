/**
 * When an emulator starts and stops: one per test, or one per file (or per describe block it is
 * called in). Each registers its jest hooks where it is called and hands back stand-ins that
 * forward to the emulator of the running test, so a file names them once, at the top, and reads
 * them as plain values inside its tests and hooks.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator';
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

/**
 * Registers a beforeAll/afterAll pair: one emulator for the whole file, or for the describe block
 * it is called in. Tests that must not see each other's objects take a tenant id each
 * (`tenantsPerFile` in ./client does that with a client per tenant).
 */
export function emulatorPerFile(options: EmulatorOptions = {}): RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    await emulator?.stop();
    emulator = undefined;
  });
  return forwarding(() => {
    if (!emulator) throw new Error("the shared emulator runs only inside the file's tests");
    return emulator;
  });
}
