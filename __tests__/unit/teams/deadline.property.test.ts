import fc from 'fast-check';
import type { FaultSpec } from '../../../emulator';
import { DeadlineExceededError, type TeamsAdminClient } from '../../../teams';
import { PEXIP, tenantsPerFile } from '../../support/emulator/client';
import { faultOn, T } from './fault-arbitraries';

const shared = tenantsPerFile();

type Op = 'create' | 'update' | 'grantUser' | 'addDomain';
const ROUTES: Record<Op, string[]> = {
  create: [`POST ${T.providers}`, `GET ${T.providers}`],
  update: [`PATCH ${T.provider}`, `GET ${T.providers}`],
  grantUser: [`PATCH ${T.userGrant}`, `GET ${T.userEffectivePolicy}`, `GET ${T.policies}`],
  addDomain: [`PATCH ${T.federation}`, `GET ${T.federation}`],
};

/** Faults for a deadline run: the usual ones plus latency up to 60 ms (under the 100 ms write margin) and Retry-After up to 2 s. */
const deadlineFaults = (op: Op) =>
  fc.array(
    fc.oneof(
      faultOn(ROUTES[op]),
      fc.record({ route: fc.constantFrom(...ROUTES[op]), ms: fc.integer({ min: 1, max: 60 }), times: fc.integer({ min: 1, max: 3 }) }).map((f): FaultSpec => ({ kind: 'latency', ...f })),
      fc.record({ route: fc.constantFrom(...ROUTES[op]), retryAfterSeconds: fc.integer({ min: 0, max: 2 }) }).map((f): FaultSpec => ({ kind: 'throttle', times: 1, ...f })),
    ),
    { minLength: 1, maxLength: 5 },
  );

async function run(op: Op, client: TeamsAdminClient, deadline: number): Promise<void> {
  if (op === 'create') await client.createServiceProvider(PEXIP, { deadline });
  if (op === 'update') await client.updateServiceProvider({ ...PEXIP, tenantKey: 'teams@new.com' }, { deadline });
  if (op === 'grantUser') await client.grantUser('alice@contoso.com', 'PexipServiceProviderEnabled', { deadline });
  if (op === 'addDomain') await client.addAllowedDomain('pexip.me', { deadline });
}

describe('under random faults and a short deadline', () => {
  test('no write reaches the service or is applied after the deadline, and the only failure is DeadlineExceededError', async () => {
    const scenario = fc.constantFrom<Op>('create', 'update', 'grantUser', 'addDomain').chain((op) =>
      fc.tuple(fc.constant(op), deadlineFaults(op), fc.integer({ min: 20, max: 250 })),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ([op, faults, budgetMs]) => {
        const { tenantId, tenant, client } = shared.freshTenant();
        tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@old.com' });
        if (op === 'create') tenant.deleteServiceProvider('Pexip');
        tenant.setFederation({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowedDomain: [{ Domain: 'contoso.com' }] }, BlockedDomains: [] });
        shared.emulator.faults.addAll(faults.map((f) => ({ ...f, tenant: tenantId })));
        const deadline = Date.now() + budgetMs;

        const outcome = await run(op, client, deadline).then(
          () => 'done',
          (e: unknown) => e,
        );

        if (outcome !== 'done') expect(outcome).toBeInstanceOf(DeadlineExceededError);
        const writes = shared.emulator.log.entries().filter((e) => e.tenant === tenantId && e.method !== 'GET');
        for (const w of writes) expect(w.time).toBeLessThanOrEqual(deadline);
        for (const w of writes.filter((e) => e.writeApplied)) expect(w.writeAppliedAt!).toBeLessThanOrEqual(deadline);
      }),
      { numRuns: 40 },
    );
  });
});
