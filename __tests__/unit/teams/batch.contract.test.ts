import { BatchAssignmentError, BatchProgress } from '../../../teams';
import { Harness, startHarness } from '../../support/emulator/client';

const BATCH_POST = 'POST /Skype.Policy/assignments/operations';
const users = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}@contoso.com`);

describe('TeamsAdminClient batch assignment against the emulator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ batchUserMs: 0.001 });
  });
  afterEach(() => h.stop());

  test('given 12,000 users, when assigning, then three batches of at most 5,000 carry them all', async () => {
    const result = await h.client.assignPolicyToUsers('PexipServiceProviderEnabled', users(12_000), { pollIntervalMs: 5 });

    expect(h.emulator.log.count(BATCH_POST)).toBe(3);
    expect(result).toMatchObject({ total: 12_000, succeeded: 12_000, errors: [] });
    expect(Object.keys(h.tenant.userAssignments())).toHaveLength(12_000);
  });

  test('given 20,000 users and four batches, when assigning, then no more than three are in flight at once', async () => {
    let maxInFlight = 0;
    const onProgress = (p: BatchProgress) => (maxInFlight = Math.max(maxInFlight, p.batchesSubmitted - p.batchesCompleted));

    await h.client.assignPolicyToUsers('PexipServiceProviderEnabled', users(20_000), { pollIntervalMs: 5, onProgress });

    expect(h.emulator.log.count(BATCH_POST)).toBe(4);
    expect(maxInFlight).toBe(3);
  });

  test('when assigning, then progress reports end with every user completed', async () => {
    const reports: BatchProgress[] = [];

    await h.client.assignPolicyToUsers('PexipServiceProviderEnabled', users(30), { pollIntervalMs: 5, onProgress: (p) => reports.push(p) });

    expect(reports[reports.length - 1]).toEqual({ total: 30, batches: 1, batchesSubmitted: 1, batchesCompleted: 1, usersCompleted: 30, usersFailed: 0 });
  });

  test('given users the service does not know, when assigning, then a BatchAssignmentError lists each of them', async () => {
    h.tenant.markUnknownUser('u3@contoso.com');
    h.tenant.markUnknownUser('u7@contoso.com');

    const err = await h.client.assignPolicyToUsers('PexipServiceProviderEnabled', users(10), { pollIntervalMs: 5 }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(BatchAssignmentError);
    const result = (err as BatchAssignmentError).result;
    expect(result.errors.map((e) => e.user)).toEqual(['u3@contoso.com', 'u7@contoso.com']);
    expect(result.succeeded).toBe(8);
    expect(h.tenant.getUserPolicy('u4@contoso.com')).toBe('PexipServiceProviderEnabled');
  });

  test('given users with the policy, when assigning null, then their direct assignments are removed', async () => {
    for (const u of users(5)) h.tenant.setUserPolicy(u, 'PexipServiceProviderEnabled');

    await h.client.assignPolicyToUsers(null, users(5), { pollIntervalMs: 5 });

    expect(h.tenant.userAssignments()).toEqual({});
  });

  test('given the same user twice, when assigning, then it is sent once', async () => {
    const result = await h.client.assignPolicyToUsers('PexipServiceProviderEnabled', ['a@contoso.com', 'A@contoso.com'], { pollIntervalMs: 5 });

    expect(result.total).toBe(1);
  });

  test('given no users, when assigning, then no batch is submitted', async () => {
    const result = await h.client.assignPolicyToUsers('PexipServiceProviderEnabled', [], { pollIntervalMs: 5 });

    expect(result.total).toBe(0);
    expect(h.emulator.log.count(BATCH_POST)).toBe(0);
  });
});
