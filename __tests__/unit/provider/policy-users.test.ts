/**
 * The users of a policy assignment as a map from user to true: the set rules checked at plan
 * time, the limit, the upgrade of stored state from a set of strings, and what the batches of
 * create, update and delete leave in state when some users fail.
 */
import { PartialApplyError } from '../../../provider/diagnostics';
import { MAX_ASSIGNMENT_USERS } from '../../../domain/limits';
import { resourceTypes } from '../../../provider/resources';
import type { ResourceContext } from '../../../provider/resources/resource';
import { upgradeUsersState, usersMap, usersProblems } from '../../../provider/resources/policy-users';
import { createUsers, deleteUsers, updateUsers } from '../../../provider/resources/policy-users-batch';
import { decodePolicyAssignment, type PolicyAssignmentState } from '../../../provider/resources/policy-assignment-model';
import { objectType } from '../../../provider/schema';
import { decodeDynamic, encodeDynamic, UNKNOWN } from '../../../provider/server/values';
import { createProviderMethods } from '../../../provider/service';
import type { Session } from '../../../provider/session';

const NAME = 'cvi_video_interop_policy_assignment';
const type = resourceTypes.find((r) => r.name === NAME)!;
const POLICY = 'PexipServiceProviderEnabled';
const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@contoso.com`);

describe('the rules of users', () => {
  it('accepts distinct users mapped to true', () => {
    expect(usersProblems(usersMap(['alice@contoso.com', 'bob@contoso.com']))).toEqual([]);
  });

  it('refuses two users that differ only in case, naming both', () => {
    const problems = usersProblems(usersMap(['Alice@contoso.com', 'bob@contoso.com', 'alice@contoso.com']));

    expect(problems).toEqual([expect.objectContaining({ summary: 'Duplicate user', attribute: ['users'] })]);
    expect(problems[0].detail).toContain('"Alice@contoso.com" and "alice@contoso.com" differ only in case');
  });

  it('refuses a user mapped to false, saying to delete the key instead', () => {
    const problems = usersProblems({ 'alice@contoso.com': true, 'bob@contoso.com': false });

    expect(problems).toEqual([expect.objectContaining({ summary: 'User not true' })]);
    expect(problems[0].detail).toContain('"bob@contoso.com" = false');
  });

  it('leaves a value that is not known yet alone', () => {
    expect(usersProblems({ 'alice@contoso.com': UNKNOWN })).toEqual([]);
    expect(usersProblems(UNKNOWN)).toEqual([]);
  });

  it('refuses an empty map and an empty user', () => {
    expect(usersProblems({})[0].summary).toBe('No users');
    expect(usersProblems(usersMap(['']))[0].summary).toBe('Empty user');
  });

  it(`accepts ${MAX_ASSIGNMENT_USERS} users and refuses one more, naming the limit and the count`, () => {
    expect(usersProblems(usersMap(users(MAX_ASSIGNMENT_USERS)))).toEqual([]);

    const problems = usersProblems(usersMap(users(MAX_ASSIGNMENT_USERS + 1)));

    expect(problems).toEqual([expect.objectContaining({ summary: 'Too many users', attribute: ['users'] })]);
    expect(problems[0].detail).toContain('at most 50,000 users; got 50,001');
  });

  it('checks the limit in validate, as Terraform calls it at plan time', () => {
    const config = { id: null, policy_name: POLICY, global: null, group_id: null, group_rank: null, users: usersMap(users(MAX_ASSIGNMENT_USERS + 1)) };

    expect(type.validate(config).map((d) => d.summary)).toEqual(['Too many users']);
  });
});

describe('stored state of schema version 0', () => {
  it('turns a set of users into the map', () => {
    expect(upgradeUsersState({ id: `users/${POLICY}`, users: ['a@contoso.com', 'b@contoso.com'] }, 0)).toEqual({
      id: `users/${POLICY}`,
      users: usersMap(['a@contoso.com', 'b@contoso.com']),
    });
  });

  it('leaves state of another scope and of version 1 as it is', () => {
    expect(upgradeUsersState({ id: 'global', users: null }, 0)).toEqual({ id: 'global', users: null });
    expect(upgradeUsersState({ users: { 'a@contoso.com': true } }, 1)).toEqual({ users: { 'a@contoso.com': true } });
  });

  it('is upgraded by UpgradeResourceState from version 0, as Terraform asks with old state', async () => {
    const json = Buffer.from(JSON.stringify({ id: `users/${POLICY}`, policy_name: POLICY, global: null, group_id: null, group_rank: null, users: ['a@contoso.com', 'b@contoso.com'] }));

    const answer = await createProviderMethods().UpgradeResourceState({ typeName: NAME, version: 0, rawState: { json } });

    expect(answer.diagnostics).toEqual([]);
    expect(decodeDynamic(answer.upgradedState as { msgpack: Buffer }, objectType(type.schema))).toEqual({
      id: `users/${POLICY}`,
      policy_name: POLICY,
      global: null,
      group_id: null,
      group_rank: null,
      take_over: null,
      users: usersMap(['a@contoso.com', 'b@contoso.com']),
    });
  });

  it('round-trips a map of 20,000 users through msgpack', () => {
    const value = { id: 'x', policy_name: POLICY, global: null, group_id: null, group_rank: null, take_over: null, users: usersMap(users(20_000)) };

    expect(decodeDynamic(encodeDynamic(value, objectType(type.schema)), objectType(type.schema))).toEqual(value);
  });
});

/** A session whose client runs batches in memory: `refused` users fail, `holders` still hold the policy. */
function fakeContext(refused: string[], holders: string[] = []) {
  const warnings: string[] = [];
  const sent: { policy: string | null; users: string[] }[] = [];
  const client = {
    assignPolicyToUsers: async (policy: string | null, batch: readonly string[]) => {
      sent.push({ policy, users: [...batch] });
      const errors = batch.filter((u) => refused.includes(u)).map((user) => ({ user, message: 'user was not found in the tenant' }));
      if (errors.length > 0) throw Object.assign(new Error(`${errors.length} of ${batch.length} users failed`), { name: 'BatchAssignmentError', result: { errors } });
      return { total: batch.length, succeeded: batch.length, errors: [], operationIds: [] };
    },
    usersHoldingPolicy: async (_policy: string, candidates: readonly string[]) => ({ path: 'search', users: candidates.filter((u) => holders.includes(u)) }),
  };
  const session = { tenantId: 't', client, callOptions: () => ({ deadline: Date.now() + 60_000, signal: new AbortController().signal }) } as unknown as Session;
  const ctx: ResourceContext = { session, warn: (summary, detail) => warnings.push(`${summary}: ${detail}`) };
  return { ctx, warnings, sent };
}

const assignment = (list: string[], policy = POLICY): PolicyAssignmentState =>
  decodePolicyAssignment({ id: `users/${policy}`, policy_name: policy, global: null, group_id: null, group_rank: null, users: usersMap(list) });

async function partial(run: Promise<unknown>): Promise<PartialApplyError<PolicyAssignmentState>> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartialApplyError);
  return error as PartialApplyError<PolicyAssignmentState>;
}

describe('batches where some users fail', () => {
  it('records the users a create granted and names the others', async () => {
    const { ctx } = fakeContext(['ghost@contoso.com']);

    const error = await partial(createUsers(ctx, assignment(['a@contoso.com', 'ghost@contoso.com', 'b@contoso.com'])));

    expect(error.state!.users).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(String((error.reason as Error).message)).toContain('1 of 3 users were not granted PexipServiceProviderEnabled: ghost@contoso.com (user was not found in the tenant)');
  });

  it('records, after a create failed without per-user results, the users a read-back finds granted', async () => {
    const { ctx } = fakeContext([], ['a@contoso.com']);
    (ctx.session.client as unknown as { assignPolicyToUsers: () => Promise<never> }).assignPolicyToUsers = async () => {
      throw new Error('batch assignment of PexipServiceProviderEnabled to 2 users: deadline exceeded');
    };

    const error = await partial(createUsers(ctx, assignment(['a@contoso.com', 'b@contoso.com'])));

    expect(error.state!.users).toEqual(['a@contoso.com']);
    expect(String((error.reason as Error).message)).toContain('deadline exceeded');
  });

  it('fails a create plainly when the read-back finds no one granted', async () => {
    const { ctx } = fakeContext([]);
    (ctx.session.client as unknown as { assignPolicyToUsers: () => Promise<never> }).assignPolicyToUsers = async () => {
      throw new Error('deadline exceeded');
    };

    await expect(createUsers(ctx, assignment(['a@contoso.com']))).rejects.toThrow(/^deadline exceeded$/);
  });

  it('records nothing when a create granted no one', async () => {
    const { ctx } = fakeContext(['ghost@contoso.com']);

    expect((await partial(createUsers(ctx, assignment(['ghost@contoso.com'])))).state).toBeNull();
  });

  it('keeps the users an update could not grant out of state and the users it could not remove in it', async () => {
    const { ctx } = fakeContext(['new-ghost@contoso.com', 'stuck@contoso.com'], ['stuck@contoso.com']);

    const error = await partial(updateUsers(ctx, assignment(['a@contoso.com', 'stuck@contoso.com']), assignment(['a@contoso.com', 'b@contoso.com', 'new-ghost@contoso.com'])));

    expect([...error.state!.users!].sort()).toEqual(['a@contoso.com', 'b@contoso.com', 'stuck@contoso.com']);
  });

  it('skips on destroy users the directory no longer knows, with a warning and without asking to fix them', async () => {
    const { ctx, warnings, sent } = fakeContext(['gone@contoso.com']);

    await deleteUsers(ctx, assignment(['a@contoso.com', 'gone@contoso.com']));

    expect(sent).toEqual([{ policy: null, users: ['a@contoso.com', 'gone@contoso.com'] }]);
    expect(warnings).toEqual([expect.stringContaining('Users no longer in the directory skipped: gone@contoso.com')]);
    expect(warnings.join()).not.toMatch(/fix or remove/i);
  });

  it('keeps in state, on destroy, users who still hold the policy after their removal failed', async () => {
    const { ctx } = fakeContext(['stuck@contoso.com'], ['stuck@contoso.com']);

    const error = await partial(deleteUsers(ctx, assignment(['a@contoso.com', 'stuck@contoso.com'])));

    expect(error.state!.users).toEqual(['stuck@contoso.com']);
    expect(String((error.reason as Error).message)).not.toMatch(/fix or remove/i);
  });
});
