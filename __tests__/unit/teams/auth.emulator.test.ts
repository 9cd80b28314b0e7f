import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, ClientLogEntry, TeamsAdminClient, credentialFromEnvironment } from '../../../teams';
import { emulatorPerTest } from '../../support/emulator';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const SECRET = 'Sup3r~Secret~Value~0123456789abcdef';

describe('credentialFromEnvironment with real @azure/identity flows against the emulator token endpoint', () => {
  const emulator = emulatorPerTest();
  let client: TeamsAdminClient | undefined;
  afterEach(() => client?.close());

  const env = (tenantId: string) => ({ ARM_TENANT_ID: tenantId, ARM_CLIENT_ID: CLIENT_ID, ARM_CLIENT_SECRET: SECRET, ARM_AUTHORITY_HOST: emulator.authorityHost });

  test('given ARM_* client secret variables, when the client calls the API, then the token comes from the token endpoint', async () => {
    const tenantId = randomUUID();
    const choice = credentialFromEnvironment(env(tenantId), { authorityCa: emulator.caCertPem });
    client = new TeamsAdminClient({ tenantId, credential: choice.credential, endpoint: emulator.url });

    await expect(client.listServiceProviders()).resolves.toEqual([]);
    expect(choice.method).toBe('client-secret');
    expect(emulator.log.count('POST /{tenant}/oauth2/v2.0/token')).toBe(1);
  });

  test('given the token endpoint refuses, when calling, then AuthenticationError holds no secret and neither do the logs', async () => {
    const logs: ClientLogEntry[] = [];
    // Client credentials need one tenant: MSAL refuses "organizations" before any request.
    const choice = credentialFromEnvironment(env('organizations'), { authorityCa: emulator.caCertPem });
    client = new TeamsAdminClient({ tenantId: 'organizations', credential: choice.credential, endpoint: emulator.url, log: (e) => logs.push(e) });

    const err = await client.listServiceProviders().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as Error).message).toMatch(/tenant organizations: token for .*: the credential could not get a token/);
    expect(`${(err as Error).message}\n${(err as Error).stack}`).not.toContain(SECRET);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
    expect(choice.description).not.toContain(SECRET);
  });

  test('given ARM_OIDC_TOKEN_FILE_PATH, when the client calls the API, then the federated token is exchanged at the token endpoint', async () => {
    const tenantId = randomUUID();
    const dir = mkdtempSync(join(tmpdir(), 'cvi-oidc-'));
    writeFileSync(join(dir, 'token'), 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOngifQ.\n');
    const choice = credentialFromEnvironment(
      { ARM_TENANT_ID: tenantId, ARM_CLIENT_ID: CLIENT_ID, ARM_USE_OIDC: 'true', ARM_OIDC_TOKEN_FILE_PATH: join(dir, 'token'), ARM_AUTHORITY_HOST: emulator.authorityHost },
      { authorityCa: emulator.caCertPem },
    );
    client = new TeamsAdminClient({ tenantId, credential: choice.credential, endpoint: emulator.url });

    await expect(client.listServiceProviders()).resolves.toEqual([]);
    expect(choice.method).toBe('oidc');
    expect(emulator.log.count('POST /{tenant}/oauth2/v2.0/token')).toBe(1);
  });

  test('given GitHub Actions OIDC variables, when the client calls the API, then the ID token is requested for the Entra audience', async () => {
    const tenantId = randomUUID();
    const seen: { url?: string; auth?: string } = {};
    const github = http.createServer((req, res) => {
      seen.url = req.url;
      seen.auth = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOmdoIn0.' }));
    });
    await new Promise<void>((r) => github.listen(0, '127.0.0.1', r));
    const port = (github.address() as AddressInfo).port;
    try {
      const choice = credentialFromEnvironment(
        {
          ARM_TENANT_ID: tenantId,
          ARM_CLIENT_ID: CLIENT_ID,
          ARM_USE_OIDC: 'true',
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'gh-request-token',
          ARM_AUTHORITY_HOST: emulator.authorityHost,
        },
        { authorityCa: emulator.caCertPem },
      );
      client = new TeamsAdminClient({ tenantId, credential: choice.credential, endpoint: emulator.url });

      await expect(client.listServiceProviders()).resolves.toEqual([]);
      expect(new URL(seen.url!, 'http://x').searchParams.get('audience')).toBe('api://AzureADTokenExchange');
      expect(seen.auth).toBe('Bearer gh-request-token');
    } finally {
      github.close();
      github.closeAllConnections();
    }
  });
});
