import { randomUUID } from 'node:crypto';
import { startEmulator, RunningEmulator } from '../../../emulator';
import { AuthenticationError, ClientLogEntry, TeamsAdminClient, credentialFromEnvironment } from '../../../teams';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const SECRET = 'Sup3r~Secret~Value~0123456789abcdef';

describe('credentialFromEnvironment with the real client-secret flow against the emulator token endpoint', () => {
  let emulator: RunningEmulator;
  let client: TeamsAdminClient | undefined;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(async () => {
    client?.close();
    await emulator.stop();
  });

  const env = (tenantId: string) => ({ ARM_TENANT_ID: tenantId, ARM_CLIENT_ID: CLIENT_ID, ARM_CLIENT_SECRET: SECRET, ARM_AUTHORITY_HOST: emulator.authorityHost });

  test('given ARM_* client secret variables, when the client calls the API, then the token comes from the token endpoint', async () => {
    const tenantId = randomUUID();
    const choice = credentialFromEnvironment(env(tenantId), { authorityCa: emulator.caCertPem });
    client = new TeamsAdminClient({ tenantId, credential: choice.credential, endpoint: emulator.url });

    await expect(client.listProviders()).resolves.toEqual([]);
    expect(choice.method).toBe('client-secret');
    expect(emulator.log.count('POST /{tenant}/oauth2/v2.0/token')).toBe(1);
  });

  test('given the token endpoint refuses, when calling, then AuthenticationError holds no secret and neither do the logs', async () => {
    const logs: ClientLogEntry[] = [];
    // A multi-tenant authority cannot issue client-credentials tokens: the endpoint answers 400.
    const choice = credentialFromEnvironment(env('organizations'), { authorityCa: emulator.caCertPem });
    client = new TeamsAdminClient({ tenantId: 'organizations', credential: choice.credential, endpoint: emulator.url, log: (e) => logs.push(e) });

    const err = await client.listProviders().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as Error).message).toMatch(/tenant organizations: token for .*: the credential could not get a token/);
    expect(`${(err as Error).message}\n${(err as Error).stack}`).not.toContain(SECRET);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
    expect(choice.description).not.toContain(SECRET);
  });
});
