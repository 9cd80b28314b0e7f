import fc from 'fast-check';
import { PEXIP, tenantsPerFile } from '../../support/emulator/client';
import { faultsOn, T } from './fault-arbitraries';

const RUNS = 30;

// The candidate tenant-wide read is on, so the grant's read-back runs under faults too.
const shared = tenantsPerFile({ candidates: ['tenantGrantRead'] });

const PROVIDER_ROUTES = [`POST ${T.providers}`, `GET ${T.providers}`];

describe('under random faults the client reaches the desired state', () => {
  test('creating a provider stores it exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(faultsOn(PROVIDER_ROUTES), async (faults) => {
        const t = shared.freshTenant();
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));

        await t.client.createServiceProvider(PEXIP);

        expect(t.tenant.getServiceProvider('Pexip')?.TenantKey).toBe(PEXIP.tenantKey);
        expect(t.writes().filter((w) => w.method === 'POST')).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });

  test('updating a provider leaves the new settings', async () => {
    await fc.assert(
      fc.asyncProperty(faultsOn([`PATCH ${T.provider}`, `GET ${T.providers}`]), fc.constantFrom('teams@a.com', 'teams@b.com'), async (faults, tenantKey) => {
        const t = shared.freshTenant();
        t.tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@old.com' });
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));

        await t.client.updateServiceProvider({ ...PEXIP, tenantKey });

        expect(t.tenant.getServiceProvider('Pexip')?.TenantKey).toBe(tenantKey);
      }),
      { numRuns: RUNS },
    );
  });

  test('granting a user leaves the user with the policy', async () => {
    const routes = [`PATCH ${T.userGrant}`, `GET ${T.userEffectivePolicy}`, `GET ${T.policies}`];
    await fc.assert(
      fc.asyncProperty(faultsOn(routes), fc.constantFrom('PexipServiceProviderEnabled', 'Tag:CiscoServiceProviderEnabled'), async (faults, policy) => {
        const t = shared.freshTenant();
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));

        await t.client.grantUser('alice@contoso.com', policy);

        expect(t.tenant.getUserPolicy('alice@contoso.com')).toBe(policy.replace('Tag:', ''));
      }),
      { numRuns: RUNS },
    );
  });

  test('granting the tenant leaves the Global assignment on the policy', async () => {
    await fc.assert(
      fc.asyncProperty(faultsOn([`PATCH ${T.tenantGrant}`, `GET ${T.tenantGrant}`, `GET ${T.policies}`]), async (faults) => {
        const t = shared.freshTenant();
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));

        await t.client.grantTenant('PexipServiceProviderEnabled');

        expect(t.tenant.getTenantPolicy()).toBe('PexipServiceProviderEnabled');
      }),
      { numRuns: RUNS },
    );
  });

  test('granting a group leaves the group with the policy at the top rank', async () => {
    const group = '33333333-3333-4333-8333-333333333333';
    await fc.assert(
      fc.asyncProperty(faultsOn([`POST ${T.groupGrant}`, `GET ${T.groupAssignments}`, `GET ${T.policies}`]), async (faults) => {
        const t = shared.freshTenant();
        t.tenant.setGroupPolicy('44444444-4444-4444-8444-444444444444', 'ServiceProviderDisabled');
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));

        await t.client.grantGroup(group, 'PexipServiceProviderEnabled', 1);

        expect(t.tenant.groupAssignments(group)).toMatchObject([{ groupId: group, policyType: 'TeamsVideoInteropServicePolicy', policyName: 'PexipServiceProviderEnabled', priority: 1 }]);
      }),
      { numRuns: RUNS },
    );
  });

  test('a batch assignment leaves every user with the policy', async () => {
    const routes = [`POST ${T.batchOperations}`, `GET ${T.batchOperation}`, `GET ${T.policies}`];
    await fc.assert(
      fc.asyncProperty(faultsOn(routes), fc.integer({ min: 1, max: 25 }), async (faults, n) => {
        const t = shared.freshTenant();
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));
        const users = Array.from({ length: n }, (_, i) => `user${i}@contoso.com`);

        const result = await t.client.assignPolicyToUsers('PexipServiceProviderEnabled', users, { batchSize: 10, pollIntervalMs: 2, maxPollIntervalMs: 10 });

        expect(result.succeeded).toBe(n);
        expect(Object.keys(t.tenant.userAssignments()).sort()).toEqual([...users].sort());
      }),
      { numRuns: RUNS },
    );
  });

  test('adding or removing our domain changes only that entry and never empties the allow-list', async () => {
    const routes = [`PATCH ${T.federation}`, `GET ${T.federation}`];
    const start = fc.subarray(['contoso.com', 'pexip.me', 'fabrikam.com'], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(faultsOn(routes), start, fc.boolean(), async (faults, list, add) => {
        const t = shared.freshTenant();
        t.tenant.setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: list.map((Domain) => ({ Domain })) }, BlockedDomains: [] });
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: t.tenantId })));

        const outcome = add ? await t.client.addAllowedDomain('pexip.me') : await t.client.removeAllowedDomain('pexip.me');

        const after = (t.tenant.getFederation().AllowedDomains.AllowedDomain ?? []).map((d) => d.Domain);
        const others = list.filter((d) => d !== 'pexip.me');
        const keptLast = outcome === 'kept-last-entry';
        expect([...after].sort()).toEqual((add || keptLast ? [...others, 'pexip.me'] : others).sort());
        expect(after.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
