import { callerPerTest, CVI_POLICY_TYPE, expectSkypeError, paths, type TestCaller } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = 'PexipServiceProviderEnabled';
const POLY = 'PolycomServiceProviderEnabled';
const group = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const is2xx = (status: number) => status >= 200 && status < 300;

/** §7 GroupAssignment answer keys, camelCase; createdTime is ISO-8601. */
const assignment = (groupId: string, priority: number, policyName: string) => ({
  groupId,
  priority,
  policyType: CVI_POLICY_TYPE,
  policyName,
  createdBy: expect.any(String),
  // yyyy-MM-ddTHH:mm:ss.fffffffK: seven fractional digits
  createdTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}(Z|[+-]\d\d:\d\d)$/),
});

/** [groupId, priority] of every group assignment, in the order the list answers them. */
async function rankOrder(api: TestCaller): Promise<[string, number][]> {
  const body = (await api.call('GET', paths.groupAssignments())).body as { groupId: string; priority: number }[];
  return body.map((g) => [g.groupId, g.priority]);
}

/**
 * §7 group policy assignment: MPA Grant -Group POSTs `{policyName, priority}` to
 * `/Skype.Policy/groupPolicyAssignments/{groupId}/policyTypes/{type}`; 2.3.1 PATCHes (Set) and
 * DELETEs the same path; three GETs read one, a group's types, and every group of a type.
 */
describe('emulated group policy assignments', () => {
  const run = callerPerTest(TENANT);

  const order = () => rankOrder(run.api);

  it('grants with POST {policyName, priority} and answers it as a camelCase GroupAssignment', async () => {
    // when group 1 is granted Pexip at priority 1, as Grant-... -Group -Rank 1 sends it
    const res = await run.api.call('POST', paths.groupGrant(group(1)), { policyName: PEXIP, priority: 1 });
    // then the grant succeeds and GET of the group's assignment answers the §7 keys
    expect(is2xx(res.status)).toBe(true);
    const one = await run.api.call('GET', paths.groupGrant(group(1)));
    expect([one.status, one.body]).toEqual([200, assignment(group(1), 1, PEXIP)]);
  });

  it('puts a group granted with priority 0 last, as the module sends 0 without -Rank', async () => {
    // given groups 1 and 2
    for (const n of [1, 2]) await run.api.call('POST', paths.groupGrant(group(n)), { policyName: PEXIP, priority: n });
    // when group 3 is granted with priority 0, then it lands after them
    await run.api.call('POST', paths.groupGrant(group(3)), { policyName: PEXIP, priority: 0 });
    expect(await order()).toEqual([[group(1), 1], [group(2), 2], [group(3), 3]]);
  });

  it('renumbers the others when a group is inserted above them', async () => {
    // given groups 1 and 2 at priorities 1 and 2
    for (const n of [1, 2]) await run.api.call('POST', paths.groupGrant(group(n)), { policyName: PEXIP, priority: n });
    // when group 3 is granted at priority 1
    await run.api.call('POST', paths.groupGrant(group(3)), { policyName: POLY, priority: 1 });
    // then it is first and the others move down
    expect(await order()).toEqual([[group(3), 1], [group(1), 2], [group(2), 3]]);
  });

  it('renumbers the others when a group is removed with DELETE', async () => {
    // given groups 1, 2, 3 at priorities 1, 2, 3
    for (const n of [1, 2, 3]) run.emulator.tenant(TENANT).setGroupPolicy(group(n), PEXIP);
    // when group 1 is removed, then it succeeds and the others move up
    expect(is2xx((await run.api.call('DELETE', paths.groupGrant(group(1)))).status)).toBe(true);
    expect(await order()).toEqual([[group(2), 1], [group(3), 2]]);
  });

  it('updates an existing assignment with PATCH {policyName, priority}, moving it', async () => {
    // given groups 1 and 2 with Pexip
    for (const n of [1, 2]) run.emulator.tenant(TENANT).setGroupPolicy(group(n), PEXIP);
    // when Set moves group 2 to priority 1 with Polycom
    const res = await run.api.call('PATCH', paths.groupGrant(group(2)), { policyName: POLY, priority: 1 });
    // then group 2 is first with Polycom and group 1 follows
    expect(is2xx(res.status)).toBe(true);
    const all = (await run.api.call('GET', paths.groupAssignments())).body;
    expect(all).toEqual([assignment(group(2), 1, POLY), assignment(group(1), 2, PEXIP)]);
  });

  it('answers 404 to a PATCH of a group that has no assignment', async () => {
    // when Set names a group without an assignment, then 404 naming it and nothing is created
    expectSkypeError(await run.api.call('PATCH', paths.groupGrant(group(7)), { policyName: PEXIP, priority: 1 }), 404, group(7));
    expect(run.emulator.tenant(TENANT).groupAssignments()).toEqual([]);
  });

  it('lists one group\'s assignments of every type with GET …/policyTypes', async () => {
    // given groups 1 and 2
    for (const n of [1, 2]) run.emulator.tenant(TENANT).setGroupPolicy(group(n), PEXIP);
    // when group 2's policy types are read, then an array of its one assignment, at priority 2
    const res = await run.api.call('GET', paths.groupPolicyTypes(group(2)));
    expect([res.status, res.body]).toEqual([200, [assignment(group(2), 2, PEXIP)]]);
    // and a group without assignments answers an empty array
    expect((await run.api.call('GET', paths.groupPolicyTypes(group(9)))).body).toEqual([]);
  });

  it('lists every group of the type with GET ?policyType=, in priority order', async () => {
    // given three groups
    for (const n of [3, 1, 2]) run.emulator.tenant(TENANT).setGroupPolicy(group(n), PEXIP);
    // when the list is read for the CVI type, then all three come in priority order
    const res = await run.api.call('GET', paths.groupAssignments());
    expect(res.body).toEqual([assignment(group(3), 1, PEXIP), assignment(group(1), 2, PEXIP), assignment(group(2), 3, PEXIP)]);
    // and another type has none here
    expect((await run.api.call('GET', paths.groupAssignments('TeamsMeetingPolicy'))).body).toEqual([]);
  });

  it('answers 404 to a GET or DELETE of a group without an assignment', async () => {
    // when a group without an assignment is read or removed, then 404
    expectSkypeError(await run.api.call('GET', paths.groupGrant(group(9))), 404);
    expectSkypeError(await run.api.call('DELETE', paths.groupGrant(group(9))), 404);
  });

  it('refuses a 65th group for the policy type, naming the limit', async () => {
    // given 64 groups with the policy type
    for (let n = 1; n <= 64; n++) run.emulator.tenant(TENANT).setGroupPolicy(group(n), PEXIP);
    // when a 65th is granted, then it is refused naming the limit
    expectSkypeError(await run.api.call('POST', paths.groupGrant(group(65)), { policyName: PEXIP, priority: 1 }), 400, 'at most 64 groups');
    expect(run.emulator.tenant(TENANT).groupAssignments()).toHaveLength(64);
  });

  it('refuses an unknown policy, a missing policyName and a negative priority', async () => {
    // when each malformed grant is posted, then each is a 400 naming the problem
    expectSkypeError(await run.api.call('POST', paths.groupGrant(group(1)), { policyName: 'Nope', priority: 1 }), 400, '"Nope"');
    expectSkypeError(await run.api.call('POST', paths.groupGrant(group(1)), { policyName: null, priority: 1 }), 400, 'policyName is required');
    expectSkypeError(await run.api.call('POST', paths.groupGrant(group(1)), { policyName: PEXIP, priority: -1 }), 400, 'priority');
    expect(run.emulator.tenant(TENANT).groupAssignments()).toEqual([]);
  });
});

describe('emulated group assignment refused for the CVI type (open question 4)', () => {
  const run = callerPerTest(TENANT, { refuseGroupAssignment: true });

  it('refuses POST and PATCH of a TeamsVideoInteropServicePolicy group assignment', async () => {
    // given a group assignment that exists already (set behind the API)
    run.emulator.tenant(TENANT).setGroupPolicy(group(1), PEXIP);
    // when a group is granted or the existing one updated, then both are 400 naming the type
    expectSkypeError(await run.api.call('POST', paths.groupGrant(group(2)), { policyName: PEXIP, priority: 1 }), 400, CVI_POLICY_TYPE);
    expectSkypeError(await run.api.call('PATCH', paths.groupGrant(group(1)), { policyName: POLY, priority: 1 }), 400, CVI_POLICY_TYPE);
    // and nothing changed
    expect(run.emulator.tenant(TENANT).groupAssignments()).toEqual([assignment(group(1), 1, PEXIP)]);
  });

  it('still answers the reads and the removal', async () => {
    // given an existing group assignment
    run.emulator.tenant(TENANT).setGroupPolicy(group(1), PEXIP);
    // when it is read and removed, then both succeed
    expect((await run.api.call('GET', paths.groupAssignments())).body).toHaveLength(1);
    expect(is2xx((await run.api.call('DELETE', paths.groupGrant(group(1)))).status)).toBe(true);
  });
});

describe('emulated group grants by the other verbs the module used', () => {
  const run = callerPerTest(TENANT);
  const order = () => rankOrder(run.api);

  it('grants with PUT too, as New-CsGroupPolicyAssignment did in 2.3.1', async () => {
    const res = await run.api.call('PUT', paths.groupGrant(group(1)), { policyName: PEXIP, priority: 1 });

    expect(is2xx(res.status)).toBe(true);
    expect(await order()).toEqual([[group(1), 1]]);
  });

  it('keeps the group in its place when a PATCH changes the policy without a priority', async () => {
    for (const n of [1, 2, 3]) await run.api.call('POST', paths.groupGrant(group(n)), { policyName: PEXIP, priority: n });

    await run.api.call('PATCH', paths.groupGrant(group(1)), { policyName: POLY });

    expect(await order()).toEqual([[group(1), 1], [group(2), 2], [group(3), 3]]);
  });
});
