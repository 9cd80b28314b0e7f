/**
 * The reader the drift command builds, against the emulator: the same sign-in as the provider
 * (ARM_* client secret at the emulator's token endpoint) and the endpoint of the stack's provider block.
 */
import { randomUUID } from 'node:crypto';
import { createReader } from '../../../../scripts/drift/unmanaged-reader';
import { emulatorPerFile } from '../../../support/emulator';

describe('createReader against the emulator', () => {
  const emulator = emulatorPerFile({ candidates: ['userSearch'] });

  test('reads the live service providers, users with a policy (user search answered), groups and federation of the tenant', async () => {
    const tenantId = randomUUID();
    const live = emulator.tenant(tenantId);
    live.setServiceProvider({ Identity: 'Cisco', TenantKey: 'rogue@contoso.example', AadApplicationIds: '', AllowAppGuestJoinsAsAuthenticated: false });
    live.setUserPolicy('eve@contoso.example', 'PexipServiceProviderEnabled');
    const env = { ARM_TENANT_ID: tenantId, ARM_CLIENT_ID: randomUUID(), ARM_CLIENT_SECRET: 'reader-test-secret', ARM_AUTHORITY_HOST: emulator.authorityHost };
    const { reader, close } = await createReader(tenantId, env, { endpoint: emulator.url }, { authorityCa: emulator.caCertPem });
    try {
      expect(await reader.listServiceProviders()).toEqual([{ identity: 'Cisco', tenantKey: 'rogue@contoso.example' }]);
      expect(await reader.listUsersWithPolicy('PexipServiceProviderEnabled')).toEqual(['eve@contoso.example']);
      expect(await reader.listGroupAssignments()).toEqual([]);
      expect(await reader.getFederation()).toMatchObject({ allowAllKnownDomains: expect.any(Boolean), allowedDomains: expect.any(Array) });
    } finally {
      close();
    }
  });

  test('without credentials in the environment it fails with one line saying what to set', async () => {
    await expect(createReader(randomUUID(), { ARM_CLIENT_SECRET: 'x', ARM_USE_CLI: 'false' }, { endpoint: emulator.url })).rejects.toThrow(/ARM_CLIENT_ID/);
  });
});
