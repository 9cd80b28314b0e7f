import { callerPerTest, CVI_POLICY_TYPE, expectSkypeError, paths, type TestCaller } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = 'PexipServiceProviderEnabled';
const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@contoso.com`);

/** §8 BatchAssignBody: `{policy: {policyType, policyName}, identities, additionalParameters}`. */
const body = (policyName: string | null, identities: string[]) => ({ policy: { policyType: CVI_POLICY_TYPE, policyName }, identities, additionalParameters: {} });
const submit = (api: TestCaller, policyName: string | null, identities: string[], operationName = 'cvi test') =>
  api.call('POST', paths.batchOperations({ operationName }), body(policyName, identities));

/** §8 BatchJobStatus keys (camelCase); the list answers SimpleBatchJobStatus, the same without userState. */
const STATUS_KEYS = ['operationId', 'operationName', 'overallStatus', 'notStartedCount', 'inProgressCount', 'completedCount', 'errorCount', 'createdBy', 'createdTime', 'completedTime'];

async function waitForCompletion(api: TestCaller, operationId: string): Promise<any> {
  for (let i = 0; i < 400; i++) {
    const op = (await api.call('GET', paths.batchOperation(operationId))).body;
    if (op.overallStatus === 'Completed') return op;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`batch ${operationId} did not complete`);
}

describe('emulated batch policy assignment', () => {
  const run = callerPerTest(TENANT, { batchUserMs: 2 });

  it('accepts POST ?operationName= with 202 {OperationId}, then completes in the background', async () => {
    // when 50 users are submitted
    const res = await submit(run.api, PEXIP, users(50));
    // then the answer is 202 with the PascalCase OperationId only
    expect(res.status).toBe(202);
    expect(Object.keys(res.body)).toEqual(['OperationId']);
    // and polling reaches Completed with every user granted
    const op = await waitForCompletion(run.api, res.body.OperationId);
    expect([op.completedCount, op.errorCount]).toEqual([50, 0]);
    expect(Object.keys(run.emulator.tenant(TENANT).userAssignments())).toHaveLength(50);
  });

  it('answers the status with the camelCase keys and userState [{id, state, result}]', async () => {
    // given a completed batch of two users
    const res = await submit(run.api, PEXIP, users(2), 'nightly cvi');
    const op = await waitForCompletion(run.api, res.body.OperationId);
    // then the status has exactly the BatchJobStatus keys, naming the operation
    expect(Object.keys(op).sort()).toEqual([...STATUS_KEYS, 'userState'].sort());
    expect([op.operationId, op.operationName, op.notStartedCount, op.inProgressCount]).toEqual([res.body.OperationId, 'nightly cvi', 0, 0]);
    expect(Number.isNaN(Date.parse(op.createdTime)) || Number.isNaN(Date.parse(op.completedTime))).toBe(false);
    expect(op.userState).toEqual(users(2).map((id) => ({ id, state: 'Completed', result: '' })));
  });

  it('lists operations without userState, filtered by ?status=', async () => {
    // given one completed batch
    const res = await submit(run.api, PEXIP, users(2));
    await waitForCompletion(run.api, res.body.OperationId);
    // when the list is read, then it is an array of statuses without userState
    const list = await run.api.call('GET', paths.batchOperations());
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(Object.keys(list.body[0]).sort()).toEqual([...STATUS_KEYS].sort());
    // and ?status= keeps only operations in that state
    expect((await run.api.call('GET', paths.batchOperations({ status: 'Completed' }))).body).toHaveLength(1);
    expect((await run.api.call('GET', paths.batchOperations({ status: 'InProgress' }))).body).toEqual([]);
  });

  it('reports per-user errors for malformed and unknown users and grants the rest', async () => {
    // given a user the tenant does not know
    run.emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    // when a batch holds it, a malformed identity and a good user
    const res = await submit(run.api, PEXIP, ['ghost@contoso.com', 'not-a-user', 'alice@contoso.com']);
    const op = await waitForCompletion(run.api, res.body.OperationId);
    // then two users carry a result naming the problem and only the good one is granted
    expect(op.errorCount).toBe(2);
    expect(op.userState.filter((u: { result: string }) => u.result !== '').map((u: { id: string }) => u.id)).toEqual(['ghost@contoso.com', 'not-a-user']);
    expect(run.emulator.tenant(TENANT).userAssignments()).toEqual({ 'alice@contoso.com': PEXIP });
  });

  it('removes direct assignments with policyName null', async () => {
    // given three users with direct assignments
    for (const u of users(3)) run.emulator.tenant(TENANT).setUserPolicy(u, PEXIP);
    // when a batch removes them, then no assignment is left
    const res = await submit(run.api, null, users(3));
    await waitForCompletion(run.api, res.body.OperationId);
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('accepts exactly 5,000 identities and refuses 5,001, naming the limit', async () => {
    // when 5,000 and then 5,001 identities are submitted, then the first is accepted and the second refused
    expect((await submit(run.api, PEXIP, users(5000))).status).toBe(202);
    expectSkypeError(await submit(run.api, PEXIP, users(5001)), 400, 'at most 5000');
  });

  it('refuses an unknown policy, another policy type and an empty identity list', async () => {
    // when each malformed batch is submitted, then each is a 400 naming the problem
    expectSkypeError(await submit(run.api, 'Nope', users(2)), 400, '"Nope"');
    const meeting = { ...body(PEXIP, users(2)), policy: { policyType: 'TeamsMeetingPolicy', policyName: 'Default' } };
    expectSkypeError(await run.api.call('POST', paths.batchOperations({ operationName: 'x' }), meeting), 400, 'TeamsMeetingPolicy');
    expectSkypeError(await submit(run.api, PEXIP, []), 400, 'identities');
    expect(run.emulator.log.writes()).toEqual([]);
  });

  it('refuses the old flat body that no Microsoft code sends', async () => {
    // when the batch is posted as {PolicyType, PolicyName, Identities}, then 400 naming an unknown field
    const flat = { PolicyType: CVI_POLICY_TYPE, PolicyName: PEXIP, Identities: users(2) };
    expectSkypeError(await run.api.call('POST', paths.batchOperations({ operationName: 'x' }), flat), 400, 'unknown field');
  });

  it('answers 404 for an operation id it never issued', async () => {
    // when an unknown operation is polled, then the answer is 404 naming it
    const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
    expectSkypeError(await run.api.call('GET', paths.batchOperation(id)), 404, id);
  });
});

describe('emulated batch progress', () => {
  // given an emulator that takes a minute per user
  const { emulator: slow, api } = callerPerTest(TENANT, { batchUserMs: 60_000 });

  it('reports a started operation as InProgress with its users counted', async () => {
    // and a batch of three
    const res = await submit(api, PEXIP, users(3));
    // when it is polled after the start delay
    await new Promise((r) => setTimeout(r, 30));
    const op = (await api.call('GET', paths.batchOperation(res.body.OperationId))).body;
    // then it is in progress, nothing completed, every user InProgress, and no grant applied
    expect([op.overallStatus, op.completedCount, op.inProgressCount, op.notStartedCount, op.completedTime]).toEqual(['InProgress', 0, 3, 0, null]);
    expect(op.userState.map((u: { state: string }) => u.state)).toEqual(['InProgress', 'InProgress', 'InProgress']);
    expect(slow.tenant(TENANT).userAssignments()).toEqual({});
  });
});

describe('emulated batch identities', () => {
  const run = callerPerTest(TENANT, { batchUserMs: 0 });

  it('removes duplicate identities, compared without case, before processing', async () => {
    const res = await submit(run.api, PEXIP, ['a@contoso.com', 'a@contoso.com', 'A@contoso.com', 'b@contoso.com']);

    const op = await waitForCompletion(run.api, res.body.OperationId);
    expect(op.completedCount).toBe(2);
    expect(op.userState.map((u: { id: string }) => u.id)).toEqual(['a@contoso.com', 'b@contoso.com']);
  });
});
