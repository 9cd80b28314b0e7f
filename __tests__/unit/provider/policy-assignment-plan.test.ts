/** How a policy assignment change is planned: ids, the group rank default, replacement on a scope change. */
import { resourceTypes } from '../../../provider/resources';
import { usersDiff } from '../../../provider/resources/policy-scope';
import { UNKNOWN, type TfObject } from '../../../provider/server/values';
import { usersMap } from '../../../provider/resources/policy-users';

const type = resourceTypes.find((r) => r.name === 'cvi_video_interop_policy_assignment')!;
const GROUP = '6a0f7c2e-1111-4222-8333-944455556666';
const empty: TfObject = { id: null, policy_name: null, global: null, group_id: null, group_rank: null, users: null };
const plan = (prior: TfObject | null, config: TfObject) =>
  type.plan({ prior, proposed: { ...empty, ...(prior ?? {}), ...config, id: prior?.id ?? null }, config: { ...empty, ...config } }, undefined);

describe('planning a policy assignment (provider not yet configured)', () => {
  it('plans a group grant at rank 1 when no rank is configured, with its id', async () => {
    const outcome = await plan(null, { policy_name: 'PexipServiceProviderEnabled', group_id: GROUP });

    expect(outcome.planned).toMatchObject({ id: `group/${GROUP}`, group_rank: 1 });
  });

  it('plans the users id from the policy name', async () => {
    const outcome = await plan(null, { policy_name: 'PexipServiceProviderEnabled', users: usersMap(['a@contoso.com']) });

    expect(outcome.planned).toMatchObject({ id: 'users/PexipServiceProviderEnabled', group_rank: null });
  });

  it('leaves the id unknown while the scope is unknown', async () => {
    const outcome = await plan(null, { policy_name: 'PexipServiceProviderEnabled', users: UNKNOWN });

    expect(outcome.planned.id).toBe(UNKNOWN);
  });

  it('replaces the object when the scope moves from users to global', async () => {
    const prior = { ...empty, id: 'users/PexipServiceProviderEnabled', policy_name: 'PexipServiceProviderEnabled', users: usersMap(['a@contoso.com']) };

    const outcome = await plan(prior, { policy_name: 'PexipServiceProviderEnabled', global: true, users: null });

    expect(outcome.requiresReplace.sort()).toEqual(['global', 'users']);
  });

  it('replaces the object when the group changes', async () => {
    const prior = { ...empty, id: `group/${GROUP}`, policy_name: 'PexipServiceProviderEnabled', group_id: GROUP, group_rank: 1 };

    const outcome = await plan(prior, { policy_name: 'PexipServiceProviderEnabled', group_id: '6a0f7c2e-1111-4222-8333-000000000000' });

    expect(outcome.requiresReplace).toEqual(['group_id']);
  });

  it('updates in place when only users or the policy name change', async () => {
    const prior = { ...empty, id: 'users/PexipServiceProviderEnabled', policy_name: 'PexipServiceProviderEnabled', users: usersMap(['a@contoso.com']) };

    const outcome = await plan(prior, { policy_name: 'CiscoServiceProviderEnabled', users: usersMap(['a@contoso.com', 'b@contoso.com']) });

    expect(outcome.requiresReplace).toEqual([]);
    expect(outcome.planned.id).toBe('users/CiscoServiceProviderEnabled');
  });
});

describe('the users of an in-place update', () => {
  it('grants the added, removes the removed and compares without case', () => {
    expect(usersDiff(['A@contoso.com', 'b@contoso.com'], ['a@contoso.com', 'c@contoso.com'])).toEqual({
      added: ['c@contoso.com'],
      removed: ['b@contoso.com'],
      kept: ['a@contoso.com'],
    });
  });
});
