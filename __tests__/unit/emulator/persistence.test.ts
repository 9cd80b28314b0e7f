import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routes } from '../../../teams/routes';
import { startEmulator } from '../../../emulator';
import { connect } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';

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
    await api.call('POST', routes.providers(), { Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
    await api.call('PATCH', routes.tenantPolicy(), { PolicyName: 'PexipServiceProviderEnabled' });
    await api.call('PATCH', routes.userPolicy('alice@contoso.com'), { PolicyName: 'PexipServiceProviderEnabled' });
    await api.call('PATCH', routes.federation(), { AllowedDomainsAsAList: { Add: ['pexip.me'] } });
    await first.stop();
    // when a new emulator starts on the same file
    const second = await startEmulator({ persistPath: file });
    try {
      // then the tenant is as it was
      const tenant = second.tenant(TENANT);
      expect(tenant.getProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
      expect(tenant.getTenantPolicy()).toBe('PexipServiceProviderEnabled');
      expect(tenant.userAssignments()).toEqual({ 'alice@contoso.com': 'PexipServiceProviderEnabled' });
      expect(tenant.getFederation().AllowedDomains).toEqual({ AllowedDomain: [{ Domain: 'pexip.me' }] });
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
      await api.call('POST', routes.providers(), { Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
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
