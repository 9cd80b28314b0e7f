import { TARGET_URI_HEADER, routes } from '../../../teams/routes';
import { startEmulator, type RunningEmulator } from '../../../emulator';

/** A minimal caller of the emulated API for tests: token from issueToken, discovery done once. */
export interface TestCaller {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  adminEndpoint: string;
  token: string;
}

export async function connect(emulator: RunningEmulator, tenantId: string): Promise<TestCaller> {
  const token = emulator.issueToken(tenantId);
  const discovery = await fetch(emulator.url + routes.serviceDiscovery(), { headers: { authorization: `Bearer ${token}` } });
  const { AdminEndpoint } = (await discovery.json()) as { AdminEndpoint: string };
  return {
    token,
    adminEndpoint: AdminEndpoint,
    async call(method, path, body, headers = {}) {
      const res = await fetch(emulator.url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          [TARGET_URI_HEADER]: AdminEndpoint,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
  };
}

/** An emulator started before each test and stopped after it, with a caller signed in to one tenant. */
export interface EmulatorPerTest {
  readonly emulator: RunningEmulator;
  readonly api: TestCaller;
}

/** Registers the beforeEach/afterEach pair that every emulator suite needs; read the fields inside a test. */
export function emulatorPerTest(tenantId: string): EmulatorPerTest {
  let current: { emulator: RunningEmulator; api: TestCaller } | undefined;
  beforeEach(async () => {
    const emulator = await startEmulator();
    current = { emulator, api: await connect(emulator, tenantId) };
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
    get emulator() {
      return started().emulator;
    },
    get api() {
      return started().api;
    },
  };
}
