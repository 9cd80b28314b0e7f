/**
 * Benchmark: the CVI policy on 20,000 users through batch operations vs one grant per user
 * (the baseline, 8 grants in flight), against the emulator with 20 ms latency per request.
 * Prints API calls and wall time of both and their ratios, and the calls a no-change check of
 * one tenant's provider + global assignment makes. Targets: >= 50x fewer calls, >= 10x less
 * time, <= 3 calls for the check. Then the read of who holds the policy, as a refresh does it:
 * the candidate user search (paged) vs the per-user fallback (one proven read per user, 8 in
 * flight) that takes over when the service refuses the search; the ratio is the fallback's cost.
 * Run: npm run bench:assignment [-- --users N]
 */
import { randomUUID } from 'node:crypto';
import { startEmulator, RunningEmulator } from '../../emulator';
import { TeamsAdminClient } from '../../teams';

const POLICY = 'PexipServiceProviderEnabled';
const LATENCY_MS = 20;
const BASELINE_CONCURRENCY = 8;

interface Measured {
  calls: number;
  ms: number;
}

function clientFor(emulator: RunningEmulator, tenantId: string): TeamsAdminClient {
  return new TeamsAdminClient({
    tenantId,
    endpoint: emulator.url,
    credential: { getToken: async () => ({ token: emulator.issueToken(tenantId), expiresOnTimestamp: Date.now() + 3_600_000 }) },
  });
}

async function measure(emulator: RunningEmulator, work: (client: TeamsAdminClient, tenantId: string) => Promise<void>): Promise<Measured & { tenantId: string }> {
  const tenantId = randomUUID();
  const client = clientFor(emulator, tenantId);
  const started = process.hrtime.bigint();
  await work(client, tenantId);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  client.close();
  return { calls: emulator.log.total(tenantId), ms, tenantId };
}

/** The baseline: one direct grant per user, `concurrency` at a time, no read-back (its cheapest form). */
async function grantOneByOne(client: TeamsAdminClient, users: string[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < users.length) await client.grantUser(users[next++], POLICY, { waitForConsistency: false });
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function noChangeCheckCalls(emulator: RunningEmulator): Promise<number> {
  const tenantId = randomUUID();
  const tenant = emulator.tenant(tenantId);
  tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
  tenant.setTenantPolicy(POLICY);
  const client = clientFor(emulator, tenantId);
  const provider = await client.getServiceProvider('Pexip');
  const global = await client.readTenantGrant();
  client.close();
  if (!provider || !global.available || global.policyName !== POLICY) throw new Error('no-change check read something unexpected');
  return emulator.log.total(tenantId);
}

/** Who of `users` holds the policy, read the way a refresh reads it; the emulator's candidate switch picks the path. */
async function readHolders(emulator: RunningEmulator, users: string[]): Promise<Measured & { path: string; found: number }> {
  const tenantId = randomUUID();
  const tenant = emulator.tenant(tenantId);
  for (const u of users) tenant.setUserPolicy(u, POLICY);
  const client = clientFor(emulator, tenantId);
  const started = process.hrtime.bigint();
  const holders = await client.usersHoldingPolicy(POLICY, users);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  client.close();
  if (holders.users.length !== users.length) throw new Error(`holder read found ${holders.users.length} of ${users.length} users`);
  return { calls: emulator.log.total(tenantId), ms, path: holders.path, found: holders.users.length };
}

function usersArg(argv: string[]): number {
  const i = argv.indexOf('--users');
  const n = i >= 0 ? Number(argv[i + 1]) : 20_000;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--users must be a whole number >= 1, got ${argv[i + 1]}`);
  return n;
}

async function main(): Promise<void> {
  const count = usersArg(process.argv.slice(2));
  const users = Array.from({ length: count }, (_, i) => `user${i}@contoso.com`);
  const emulator = await startEmulator({ latencyMs: LATENCY_MS, candidates: ['userSearch', 'tenantGrantRead'] });
  const withoutCandidates = await startEmulator({ latencyMs: LATENCY_MS });
  try {
    const batch = await measure(emulator, async (c) => {
      await c.assignPolicyToUsers(POLICY, users);
    });
    const batchAssigned = Object.keys(emulator.tenant(batch.tenantId).userAssignments()).length;
    const single = await measure(emulator, (c) => grantOneByOne(c, users, BASELINE_CONCURRENCY));
    const singleAssigned = Object.keys(emulator.tenant(single.tenantId).userAssignments()).length;
    const check = await noChangeCheckCalls(emulator);

    const row = (name: string, m: Measured, assigned: number) =>
      `${name.padEnd(34)} ${String(m.calls).padStart(7)} calls ${(m.ms / 1000).toFixed(2).padStart(8)} s   users assigned ${assigned}`;
    console.log(`bench:assignment  ${count} users, policy ${POLICY}, emulator latency ${LATENCY_MS} ms per request`);
    console.log(row('batches (<=5,000 each, <=3 in flight)', batch, batchAssigned));
    console.log(row(`one grant per user (${BASELINE_CONCURRENCY} in flight)`, single, singleAssigned));
    console.log(`ratio calls: ${(single.calls / batch.calls).toFixed(1)}x fewer (target >= 50x)`);
    console.log(`ratio time:  ${(single.ms / batch.ms).toFixed(1)}x less (target >= 10x)`);
    console.log(`no-change check of one tenant's provider + global assignment: ${check} calls (target <= 3)`);

    const search = await readHolders(emulator, users);
    const perUser = await readHolders(withoutCandidates, users);
    console.log(row(`holders by user search (${search.path})`, search, search.found));
    console.log(row(`holders read per user (${perUser.path})`, perUser, perUser.found));
    console.log(`fallback cost: ${(perUser.calls / search.calls).toFixed(1)}x the calls, ${(perUser.ms / search.ms).toFixed(1)}x the time of the search`);
  } finally {
    await Promise.all([emulator.stop(), withoutCandidates.stop()]);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
