import { routes } from '../../../teams/routes';
import { emulatorPerTest } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const group = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

describe('emulated group policy assignments', () => {
  const run = emulatorPerTest(TENANT);

  const ranks = () => run.emulator.tenant(TENANT).groupAssignments().map((g) => [g.GroupId, g.Rank]);

  it('renumbers ranks when a group is inserted above others', async () => {
    // given groups 1 and 2 at ranks 1 and 2
    await run.api.call('PATCH', routes.groupPolicy(group(1)), { PolicyName: 'PexipServiceProviderEnabled', Rank: 1 });
    await run.api.call('PATCH', routes.groupPolicy(group(2)), { PolicyName: 'PexipServiceProviderEnabled', Rank: 2 });
    // when group 3 is inserted at rank 1
    const res = await run.api.call('PATCH', routes.groupPolicy(group(3)), { PolicyName: 'PolycomServiceProviderEnabled', Rank: 1 });
    // then it is first and the others move down
    expect(res.body).toEqual({ GroupId: group(3), PolicyType: 'TeamsVideoInteropServicePolicy', PolicyName: 'PolycomServiceProviderEnabled', Rank: 1 });
    expect(ranks()).toEqual([[group(3), 1], [group(1), 2], [group(2), 3]]);
  });

  it('renumbers ranks when a group is removed', async () => {
    // given groups 1, 2, 3 at ranks 1, 2, 3
    for (const n of [1, 2, 3]) run.emulator.tenant(TENANT).setGroupPolicy(group(n), 'PexipServiceProviderEnabled');
    // when group 1 is removed, then the answer is 204
    expect((await run.api.call('DELETE', routes.groupPolicy(group(1)))).status).toBe(204);
    // and the others move up
    expect(ranks()).toEqual([[group(2), 1], [group(3), 2]]);
  });

  it('reads one group assignments with its rank', async () => {
    // given groups 1 and 2
    for (const n of [1, 2]) run.emulator.tenant(TENANT).setGroupPolicy(group(n), 'PexipServiceProviderEnabled');
    // when group 2's assignments are read
    const res = await run.api.call('GET', routes.groupAssignments(group(2)));
    // then it is reported at rank 2
    expect(res.body).toEqual([{ GroupId: group(2), PolicyType: 'TeamsVideoInteropServicePolicy', PolicyName: 'PexipServiceProviderEnabled', Rank: 2 }]);
  });

  it('refuses a 65th group for the policy type', async () => {
    // given 64 groups with the policy type
    for (let n = 1; n <= 64; n++) run.emulator.tenant(TENANT).setGroupPolicy(group(n), 'PexipServiceProviderEnabled');
    // when a 65th is granted
    const res = await run.api.call('PATCH', routes.groupPolicy(group(65)), { PolicyName: 'PexipServiceProviderEnabled', Rank: 1 });
    // then the service refuses, naming the limit
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('at most 64 groups');
  });

  it('answers 400 naming the policy to a group grant of an unknown policy', async () => {
    // when a group is granted an unknown policy
    const res = await run.api.call('PATCH', routes.groupPolicy(group(1)), { PolicyName: 'Nope', Rank: 1 });
    // then the message names it
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"Nope"');
  });

  it('answers 404 when removing a group that has no assignment', async () => {
    // when a group without an assignment is removed, then the answer is 404
    expect((await run.api.call('DELETE', routes.groupPolicy(group(9)))).status).toBe(404);
  });
});
