import { readLiveTenant } from '../../../reader';
import { Harness, PEXIP, startHarness } from '../../support/emulator/client';

describe('readLiveTenant: the Teams part', () => {
  let h: Harness;
  afterEach(() => h.stop());

  test('reads service providers, group assignments, federation and users; the tenant-wide grant is unreadable where the service refuses the candidate read', async () => {
    h = await startHarness();
    await h.client.createServiceProvider(PEXIP);
    await h.client.grantGroup('09ee50af-2b59-41d0-a324-2cd7726c57ad', 'PexipServiceProviderEnabled', 1);
    await h.client.grantUser('alice@contoso.com', 'PexipServiceProviderEnabled');

    const readout = await readLiveTenant({ tenantId: h.tenantId, users: ['alice@contoso.com'] }, { teams: h.client });

    expect(readout.teams.status).toBe('read');
    if (readout.teams.status !== 'read') return;
    const teams = readout.teams.value;
    expect(teams.serviceProviders).toEqual([expect.objectContaining({ identity: 'Pexip', tenantKey: 'teams@contoso.com' })]);
    expect(teams.groupAssignments).toEqual({ status: 'read', value: [{ groupId: '09ee50af-2b59-41d0-a324-2cd7726c57ad', policyName: 'PexipServiceProviderEnabled', rank: 1 }] });
    expect(teams.federation).toEqual({ status: 'read', value: expect.objectContaining({ allowAllKnownDomains: true }) });
    expect(teams.users).toEqual({ status: 'read', value: [{ user: 'alice@contoso.com', policyName: 'PexipServiceProviderEnabled' }] });
    expect(teams.tenantGrant.status).toBe('unreadable');
    expect(teams.policies.status === 'read' && teams.policies.value.map((p) => p.name)).toContain('PexipServiceProviderEnabled');
  });

  test('reads the tenant-wide grant where the service answers the candidate read', async () => {
    h = await startHarness({ candidates: ['tenantGrantRead'] });
    await h.client.grantTenant('PexipServiceProviderEnabled');

    const readout = await readLiveTenant({ tenantId: h.tenantId }, { teams: h.client });

    expect(readout.teams.status === 'read' && readout.teams.value.tenantGrant).toEqual({ status: 'read', value: 'PexipServiceProviderEnabled' });
  });

  test('a service that refuses every call makes the whole Teams part unreadable with the reason, and the other parts say they had no source', async () => {
    h = await startHarness({}, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, attemptTimeoutMs: 2_000, writeMarginMs: 100 } });
    h.emulator.faults.add({ kind: 'error', status: 403 });

    const readout = await readLiveTenant({ tenantId: h.tenantId }, { teams: h.client });

    expect(readout.teams).toEqual({ status: 'unreadable', reason: expect.stringContaining('Teams admin API') });
    expect(readout.consent).toEqual({ status: 'unreadable', reason: 'no Microsoft Graph client was given' });
    expect(readout.dns).toEqual({ status: 'unreadable', reason: 'no DNS resolver was given' });
  });
});
