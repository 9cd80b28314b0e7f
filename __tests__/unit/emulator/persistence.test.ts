import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../emulator';
import { connect, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = 'PexipServiceProviderEnabled';
const GROUP = '00000000-0000-0000-0000-000000000001';

describe('emulator persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-emulator-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps providers, assignments and federation across a restart', async () => {
    // given an emulator persisting to a file, with objects written through the API
    const file = join(dir, 'state.json');
    const first = await startEmulator({ persistPath: file });
    const api = await connect(first, TENANT);
    const statuses = [
      await api.call('POST', paths.providers(), { Identity: 'Pexip', TenantKey: 'teams@contoso.com' }),
      await api.call('PATCH', paths.tenantGrant(), { PolicyName: PEXIP, additionalParameters: null, forceSwitchPresent: false }),
      await api.call('PATCH', paths.userGrant('alice@contoso.com'), { policyName: PEXIP, additionalParameters: null }),
      await api.call('POST', paths.groupGrant(GROUP), { policyName: 'PolycomServiceProviderEnabled', priority: 1 }),
      await api.call('PATCH', paths.federation(), { AllowedDomains: { AllowedDomain: [{ Domain: 'pexip.me' }] } }),
    ].map((res) => res.status);
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    const groupBefore = (await api.call('GET', paths.groupGrant(GROUP))).body;
    await first.stop();
    // when a new emulator starts on the same file
    const second = await startEmulator({ persistPath: file });
    try {
      // then the tenant is as it was, stored and as the API answers it
      const tenant = second.tenant(TENANT);
      expect(tenant.getServiceProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
      expect(tenant.getTenantPolicy()).toBe(PEXIP);
      expect(tenant.userAssignments()).toEqual({ 'alice@contoso.com': PEXIP });
      expect(tenant.getFederation().AllowedDomains).toEqual({ AllowedDomain: [{ Domain: 'pexip.me' }] });
      const again = await connect(second, TENANT);
      expect((await again.call('GET', paths.groupGrant(GROUP))).body).toEqual(groupBefore);
      expect((await again.call('GET', paths.userEffectivePolicy('alice@contoso.com'))).body[0].policyName).toBe(PEXIP);
    } finally {
      await second.stop();
    }
  });

  it('keeps a user the tenant does not know unknown across a restart', async () => {
    // given a persisted tenant with an unknown user
    const file = join(dir, 'state.json');
    const first = await startEmulator({ persistPath: file });
    first.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    await first.stop();
    // when a new emulator starts on the file and the user is granted
    const second = await startEmulator({ persistPath: file });
    try {
      const api = await connect(second, TENANT);
      const res = await api.call('PATCH', paths.userGrant('ghost@contoso.com'), { policyName: PEXIP, additionalParameters: null });
      // then the service still does not know the user
      expect(res.status).toBe(404);
    } finally {
      await second.stop();
    }
  });

  it('writes the file before answering a write, without any token in it', async () => {
    // given an emulator persisting to a file
    const file = join(dir, 'state.json');
    const emulator = await startEmulator({ persistPath: file });
    try {
      const api = await connect(emulator, TENANT);
      // when a provider is created
      await api.call('POST', paths.providers(), { Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
      // then the file already holds it, and no token
      const text = readFileSync(file, 'utf8');
      expect(JSON.parse(text).tenants[TENANT].providers[0].Identity).toBe('Pexip');
      expect(text).not.toContain(api.token);
    } finally {
      await emulator.stop();
    }
  });

  it('refuses to start on a file that is not its state, naming the file', async () => {
    // given a JSON file that is not emulator state
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"hello": 1}');
    // when an emulator starts on it, then it refuses, naming the file
    await expect(startEmulator({ persistPath: file })).rejects.toThrow(`emulator state file ${file}: field "format"`);
  });
});
