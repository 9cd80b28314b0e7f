/** The per-process cache of tenant lists, against the emulator with the real client. */
import { TenantLists } from '../../../provider/tenant-lists';
import { emulatorPerFile } from '../../support/emulator';
import { emulatorClient } from '../../support/emulator/client';

const TENANT = 'cccccccc-0000-4000-8000-000000000001';
const PROVIDERS = 'GET /Skype.Policy/configurations/VideoInteropServiceProvider';

describe('the tenant lists of one provider process', () => {
  const emulator = emulatorPerFile();
  let lists: TenantLists;

  beforeAll(() => {
    emulator.tenant(TENANT).setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
    const client = emulatorClient(emulator, TENANT);
    lists = new TenantLists(client, () => ({}));
  });

  beforeEach(() => {
    lists.forget('');
    emulator.log.reset();
  });

  it('reads the providers once for many concurrent readers', async () => {
    const found = await Promise.all(Array.from({ length: 20 }, () => lists.serviceProvider('pexip')));

    expect(found.every((p) => p?.identity === 'Pexip')).toBe(true);
    expect(emulator.log.count(PROVIDERS)).toBe(1);
  });

  it('reads them again after a write forgot them', async () => {
    await lists.serviceProviders();
    lists.forget('service-providers');
    await lists.serviceProviders();

    expect(emulator.log.count(PROVIDERS)).toBe(2);
  });

  it('does not remember a failed read', async () => {
    emulator.faults.add({ kind: 'error', route: PROVIDERS, status: 400, times: 1 });

    await expect(lists.serviceProviders()).rejects.toThrow();
    await expect(lists.serviceProviders()).resolves.toHaveLength(1);
  });
});
