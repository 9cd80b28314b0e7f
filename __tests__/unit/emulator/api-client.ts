import { TARGET_URI_HEADER, routes } from '../../../teams/routes';
import type { RunningEmulator } from '../../../emulator';

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
