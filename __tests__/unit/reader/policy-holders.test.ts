/** Every holder of a policy through the candidate user search, against the emulator. */
import type { TokenCredential } from '@azure/core-auth';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { readPolicyHolders } from '../../../reader/policy-holders';
import { TeamsAdminClient } from '../../../teams';

const TENANT = 'cccccccc-0000-4000-8000-0000000000e7';

async function holdersWith(candidates: ('userSearch' | 'tenantGrantRead')[]) {
  const emulator: RunningEmulator = await startEmulator({ candidates });
  try {
    const tenant = emulator.tenant(TENANT);
    tenant.setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');
    tenant.setUserPolicy('alice@contoso.com', 'PexipServiceProviderEnabled');
    tenant.setUserPolicy('carol@contoso.com', 'ServiceProviderDisabled');
    const credential: TokenCredential = { getToken: async () => ({ token: emulator.issueToken(TENANT), expiresOnTimestamp: Date.now() + 3600_000 }) };
    const client = new TeamsAdminClient({ tenantId: TENANT, credential, endpoint: emulator.url });
    try {
      return await readPolicyHolders(client, 'PexipServiceProviderEnabled');
    } finally {
      client.close();
    }
  } finally {
    await emulator.stop();
  }
}

describe('the holders of a policy', () => {
  test('are every user the search finds holding it, sorted', async () => {
    expect(await holdersWith(['userSearch'])).toEqual({ status: 'read', value: ['alice@contoso.com', 'bob@contoso.com'] });
  });

  test('are unreadable, with the reason, where the service refuses the search', async () => {
    const holders = await holdersWith([]);

    expect(holders.status).toBe('unreadable');
    expect(holders.status === 'unreadable' && holders.reason).toMatch(/^users holding PexipServiceProviderEnabled: the user search answered \d+/);
  });
});
