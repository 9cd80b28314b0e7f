import { ServiceError } from '../../../teams';
import { Harness, startHarness } from '../../support/emulator/client';
import { startFakeService, type FakeService } from './fake-service';

const FEDERATION = '/Skype.Policy/configurations/TenantFederationSettings/configuration/{identity}';
const allowList = (...domains: string[]) => ({
  Identity: 'Global' as const,
  AllowFederatedUsers: true,
  AllowedDomains: { AllowedDomain: domains.map((Domain) => ({ Domain })) },
  BlockedDomains: [],
});

describe('TeamsAdminClient federation against the emulator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('given a new tenant, when reading federation, then it allows all known domains', async () => {
    expect(await h.client.getFederation()).toEqual({ allowFederatedUsers: true, allowAllKnownDomains: true, allowedDomains: [], blockedDomains: [] });
  });

  test('given allow-all mode, when adding a domain, then the outcome is allow-all and nothing is written', async () => {
    expect(await h.client.addAllowedDomain('pexip.me')).toBe('allow-all');
    expect(h.emulator.log.writes()).toHaveLength(0);
    expect(h.tenant.getFederation().AllowedDomains).toEqual({});
  });

  test('given an allow-list, when adding a domain, then it joins the list with one PATCH', async () => {
    h.tenant.setFederation(allowList('contoso.com'));

    expect(await h.client.addAllowedDomain('Pexip.me')).toBe('added');
    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'contoso.com' }, { Domain: 'pexip.me' }]);
    expect(h.emulator.log.count(`PATCH ${FEDERATION}`)).toBe(1);
  });

  test('given the domain is on the list, when adding it, then the outcome is already-allowed and nothing is written', async () => {
    h.tenant.setFederation(allowList('pexip.me', 'contoso.com'));

    expect(await h.client.addAllowedDomain('pexip.me')).toBe('already-allowed');
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('given two entries, when removing one, then only the other remains', async () => {
    h.tenant.setFederation(allowList('pexip.me', 'contoso.com'));

    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('removed');
    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'contoso.com' }]);
  });

  test('given our domain is the last entry, when removing it, then it is kept so the tenant never federates with nobody', async () => {
    h.tenant.setFederation(allowList('pexip.me'));

    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('kept-last-entry');
    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'pexip.me' }]);
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('given the domain is not on the list, when removing it, then the outcome is absent', async () => {
    h.tenant.setFederation(allowList('contoso.com'));

    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('absent');
  });

  test('given allow-all mode, when removing a domain, then the outcome is allow-all and nothing is written', async () => {
    expect(await h.client.removeAllowedDomain('pexip.me')).toBe('allow-all');
    expect(h.emulator.log.writes()).toHaveLength(0);
  });

  test('when editing the allow-list in every way, then the whole object is never PUT', async () => {
    h.tenant.setFederation(allowList('contoso.com'));

    await h.client.addAllowedDomain('pexip.me');
    await h.client.removeAllowedDomain('pexip.me');
    await h.client.removeAllowedDomain('contoso.com');

    expect(h.emulator.log.count(`PUT ${FEDERATION}`)).toBe(0);
  });

  /** Another admin's change, sent straight to the service, as Set-CsTenantFederationConfiguration would. */
  async function adminPatch(body: unknown): Promise<void> {
    const res = await fetch(`${h.emulator.url}/Skype.Policy/configurations/TenantFederationSettings/configuration/Global`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${h.emulator.issueToken(h.tenantId)}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(204);
  }

  test('given an admin switched to allow-all and replicas still show the old list, when adding, then nothing is written', async () => {
    h.tenant.setFederation(allowList('contoso.com'));
    h.emulator.faults.add({ kind: 'replicationLag', route: `PATCH ${FEDERATION}`, ms: 60, times: 1 });
    await adminPatch({ AllowedDomains: {} });
    const careful = h.newClient({ consistency: { confirmations: 3, intervalMs: 40, maxIntervalMs: 40 } });

    expect(await careful.addAllowedDomain('pexip.me')).toBe('allow-all');

    expect(h.tenant.getFederation().AllowedDomains).toEqual({});
    expect(h.emulator.log.writes().filter((w) => w.method === 'PATCH')).toHaveLength(1); // the admin's only
  });

  test('given two stacks remove the two entries at once with slow writes, when both finish, then the list is never empty', async () => {
    h.tenant.setFederation(allowList('pexip.me', 'other.example'));
    h.emulator.faults.add({ kind: 'latency', route: `PATCH ${FEDERATION}`, ms: 150 });
    const a = h.newClient();
    const b = h.newClient();

    const outcomes = await Promise.all([a.removeAllowedDomain('pexip.me'), b.removeAllowedDomain('other.example')]);

    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain?.length).toBe(1);
    expect([...outcomes].sort()).toEqual(['kept-last-entry', 'removed']);
  });

  test('given other entries, when adding and removing ours, then the other entries survive in order', async () => {
    h.tenant.setFederation(allowList('a.example', 'b.example', 'c.example'));

    await h.client.addAllowedDomain('pexip.me');
    await h.client.removeAllowedDomain('pexip.me');

    expect(h.tenant.getFederation().AllowedDomains.AllowedDomain).toEqual([{ Domain: 'a.example' }, { Domain: 'b.example' }, { Domain: 'c.example' }]);
  });
});

describe('TeamsAdminClient federation verification (scripted service)', () => {
  let svc: FakeService;
  afterEach(() => svc?.stop());

  test('given another writer empties the list right after our write, when removing, then the error says federation is off and why', async () => {
    let written = false;
    svc = await startFakeService((req) => {
      if (req.method === 'PATCH') {
        written = true;
        return { status: 204 };
      }
      const list = written ? [] : [{ Domain: 'pexip.me' }, { Domain: 'contoso.com' }];
      return { status: 200, body: { Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: list }, BlockedDomains: [] } };
    });
    const h2 = await startHarness();
    const client = h2.newClient({ endpoint: svc.url });

    const err = await client.removeAllowedDomain('pexip.me').catch((e: unknown) => e);
    await h2.stop();

    expect(err).toBeInstanceOf(ServiceError);
    expect((err as Error).message).toMatch(/after removing pexip.me the allow-list reads empty, which Teams treats as "federate with nobody": another writer changed it/);
    expect(svc.seen.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.body))).toEqual([
      { Identity: 'Global', AllowedDomains: { AllowedDomain: [{ Domain: 'contoso.com' }] } },
    ]);
  });
});

describe('TeamsAdminClient federation edits of one client', () => {
  test('given ten domains added at once through one client, when all finish, then every one is on the list', async () => {
    const h = await startHarness();
    h.tenant.setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: 'partner.example.com' }] }, BlockedDomains: [] });
    const domains = Array.from({ length: 10 }, (_, i) => `vendor${i}.example.net`);

    const outcomes = await Promise.all(domains.map((d) => h.client.addAllowedDomain(d)));
    const listed = h.tenant.getFederation().AllowedDomains.AllowedDomain?.map((d) => d.Domain);
    await h.stop();

    expect(outcomes).toEqual(domains.map(() => 'added'));
    expect(listed).toEqual(['partner.example.com', ...domains]);
  });
});
