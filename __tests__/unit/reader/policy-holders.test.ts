/** Every holder of a policy through the candidate user search, against the emulator. */
import { readPolicyHolders } from '../../../reader/policy-holders';
import { startHarness } from '../../support/emulator/client';

async function holdersWith(candidates: ('userSearch' | 'tenantGrantRead')[]) {
  const h = await startHarness({ candidates });
  try {
    const tenant = h.tenant;
    tenant.setUserPolicy('bob@contoso.com', 'PexipServiceProviderEnabled');
    tenant.setUserPolicy('alice@contoso.com', 'PexipServiceProviderEnabled');
    tenant.setUserPolicy('carol@contoso.com', 'ServiceProviderDisabled');
    return await readPolicyHolders(h.client, 'PexipServiceProviderEnabled');
  } finally {
    await h.stop();
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
