import { routes, VIDEO_INTEROP_POLICY_TYPE } from '../../../teams/routes';
import type { WireBatchOperation } from '../../../teams/wire';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { connect, type TestCaller } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@contoso.com`);

async function waitForCompletion(api: TestCaller, operationId: string): Promise<{ op: WireBatchOperation }> {
  for (let i = 0; i < 400; i++) {
    const op = (await api.call('GET', routes.batchAssignment(operationId))).body as WireBatchOperation;
    if (op.OverallStatus === 'Completed') return { op };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`batch ${operationId} did not complete`);
}

describe('emulated batch policy assignment', () => {
  let emulator: RunningEmulator;
  let api: TestCaller;
  beforeEach(async () => {
    emulator = await startEmulator({ batchUserMs: 2 });
    api = await connect(emulator, TENANT);
  });
  afterEach(() => emulator.stop());

  it('accepts a batch with 202 and an operation id, then completes it in the background', async () => {
    // when 50 users are submitted
    const res = await api.call('POST', routes.batchAssignments(), { PolicyType: VIDEO_INTEROP_POLICY_TYPE, PolicyName: 'PexipServiceProviderEnabled', Identities: users(50) });
    expect(res.status).toBe(202);
    // then polling reaches Completed, with every user granted
    const { op } = await waitForCompletion(api, res.body.OperationId);
    expect(op.CompletedCount).toBe(50);
    expect(op.ErrorCount).toBe(0);
    expect(Object.keys(emulator.tenant(TENANT).userAssignments())).toHaveLength(50);
  });

  it('reports a started operation as InProgress with its users counted', async () => {
    // given an emulator that takes a minute per user
    const slow = await startEmulator({ batchUserMs: 60_000 });
    try {
      const slowApi = await connect(slow, TENANT);
      const res = await slowApi.call('POST', routes.batchAssignments(), { PolicyType: VIDEO_INTEROP_POLICY_TYPE, PolicyName: 'PexipServiceProviderEnabled', Identities: users(3) });
      // when it is polled after the start delay
      await new Promise((r) => setTimeout(r, 30));
      const op = (await slowApi.call('GET', routes.batchAssignment(res.body.OperationId))).body as WireBatchOperation;
      // then it is in progress, nothing completed, and no user is granted yet
      expect([op.OverallStatus, op.CompletedCount, op.InProgressCount, op.NotStartedCount]).toEqual(['InProgress', 0, 3, 0]);
      expect(slow.tenant(TENANT).userAssignments()).toEqual({});
    } finally {
      await slow.stop();
    }
  });

  it('reports per-user errors for malformed and unknown users and grants the rest', async () => {
    // given a user the tenant does not know
    emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    // when a batch holds it, a malformed identity and a good user
    const res = await api.call('POST', routes.batchAssignments(), {
      PolicyType: VIDEO_INTEROP_POLICY_TYPE,
      PolicyName: 'PexipServiceProviderEnabled',
      Identities: ['ghost@contoso.com', 'not-a-user', 'alice@contoso.com'],
    });
    const { op } = await waitForCompletion(api, res.body.OperationId);
    // then two users carry errors and only the good one is granted
    expect(op.ErrorCount).toBe(2);
    const failed = op.UserState.filter((u) => u.Result !== '').map((u) => u.Id);
    expect(failed).toEqual(['ghost@contoso.com', 'not-a-user']);
    expect(emulator.tenant(TENANT).userAssignments()).toEqual({ 'alice@contoso.com': 'PexipServiceProviderEnabled' });
  });

  it('refuses more than 5,000 identities with a 400', async () => {
    // when 5,001 identities are submitted
    const res = await api.call('POST', routes.batchAssignments(), { PolicyType: VIDEO_INTEROP_POLICY_TYPE, PolicyName: 'PexipServiceProviderEnabled', Identities: users(5001) });
    // then the batch is refused, naming the limit
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('at most 5000');
  });

  it('accepts exactly 5,000 identities', async () => {
    // when exactly 5,000 identities are submitted
    const res = await api.call('POST', routes.batchAssignments(), { PolicyType: VIDEO_INTEROP_POLICY_TYPE, PolicyName: 'PexipServiceProviderEnabled', Identities: users(5000) });
    // then the batch is accepted
    expect(res.status).toBe(202);
  });

  it('refuses a batch of an unknown policy with a 400 naming it', async () => {
    // when a batch names an unknown policy
    const res = await api.call('POST', routes.batchAssignments(), { PolicyType: VIDEO_INTEROP_POLICY_TYPE, PolicyName: 'Nope', Identities: users(2) });
    // then it is refused, naming the policy
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"Nope"');
  });

  it('removes direct assignments with a null PolicyName', async () => {
    // given three users with direct assignments
    for (const u of users(3)) emulator.tenant(TENANT).setUserPolicy(u, 'PexipServiceProviderEnabled');
    // when a batch removes them (PolicyName null)
    const res = await api.call('POST', routes.batchAssignments(), { PolicyType: VIDEO_INTEROP_POLICY_TYPE, PolicyName: null, Identities: users(3) });
    await waitForCompletion(api, res.body.OperationId);
    // then no assignment is left
    expect(emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('answers 404 for an operation id it never issued', async () => {
    // when an unknown operation is polled, then the answer is 404
    expect((await api.call('GET', routes.batchAssignment('nope'))).status).toBe(404);
  });
});
