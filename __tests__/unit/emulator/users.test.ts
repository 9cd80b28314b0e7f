import { callerPerTest, CVI_POLICY_TYPE, expectSkypeError, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const USER = 'alice@contoso.com';
const PEXIP = 'PexipServiceProviderEnabled';

/** §4 MPA SingleGrantPayload: camelCase, `additionalParameters` always present (Required.AllowNull). */
const grant = (policyName: string | null) => ({ policyName, additionalParameters: null });

const is2xx = (status: number) => status >= 200 && status < 300;

describe('emulated user grants (Grant-CsTeamsVideoInteropServicePolicy -Identity)', () => {
  const run = callerPerTest(TENANT);

  it('grants with PATCH /Skype.Policy/users/{user}/policies/{type} and {policyName, additionalParameters}', async () => {
    // when a user is granted Pexip with the MPA body
    const res = await run.api.call('PATCH', paths.userGrant(USER), grant(PEXIP));
    // then the grant succeeds and is stored
    expect(is2xx(res.status)).toBe(true);
    expect(run.emulator.tenant(TENANT).getUserPolicy(USER)).toBe(PEXIP);
  });

  it('reaches the user whose UPN the module escaped (@ as %40)', async () => {
    // given the path the module builds with Uri.EscapeDataString
    expect(paths.userGrant(USER)).toBe(`/Skype.Policy/users/alice%40contoso.com/policies/${CVI_POLICY_TYPE}`);
    // when a SIP address and a GUID are granted too
    const sip = 'sip:bob@contoso.com';
    const guid = '6f1f2c8e-3f0e-4f7a-9d3e-0c2b9d9a1b11';
    await run.api.call('PATCH', paths.userGrant(USER), grant(PEXIP));
    await run.api.call('PATCH', paths.userGrant(sip), grant(PEXIP));
    await run.api.call('PATCH', paths.userGrant(guid), grant(PEXIP));
    // then each is stored under its own identity
    expect(run.emulator.tenant(TENANT).userAssignments()).toEqual({ [USER]: PEXIP, [sip]: PEXIP, [guid]: PEXIP });
  });

  it('grants the same policy given as Tag:<name> or as the bare name', async () => {
    // when one user is granted Tag:Pexip… and another the bare name
    await run.api.call('PATCH', paths.userGrant(USER), grant(`Tag:${PEXIP}`));
    await run.api.call('PATCH', paths.userGrant('bob@contoso.com'), grant(PEXIP));
    // then both hold the same policy
    expect(run.emulator.tenant(TENANT).getUserPolicy(USER)).toBe(PEXIP);
    expect(run.emulator.tenant(TENANT).getUserPolicy('bob@contoso.com')).toBe(PEXIP);
  });

  it('removes the direct assignment when policyName is null', async () => {
    // given a user with a direct assignment
    run.emulator.tenant(TENANT).setUserPolicy(USER, PEXIP);
    // when null is granted, then the user has no direct assignment left
    expect(is2xx((await run.api.call('PATCH', paths.userGrant(USER), grant(null))).status)).toBe(true);
    expect(run.emulator.tenant(TENANT).getUserPolicy(USER)).toBeNull();
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('refuses a body without policyName, naming the field', async () => {
    // when the body carries only additionalParameters, then it is refused
    expectSkypeError(await run.api.call('PATCH', paths.userGrant(USER), { additionalParameters: null }), 400, 'policyName');
  });

  it('answers 400 naming the policy and the existing ones to an unknown policy', async () => {
    // when a policy the tenant does not have is granted
    const res = await run.api.call('PATCH', paths.userGrant(USER), grant('ZoomServiceProviderEnabled'));
    // then the message names it and the ones that exist
    expectSkypeError(res, 400, '"ZoomServiceProviderEnabled"');
    expect(res.body.message).toContain(PEXIP);
  });

  it('answers 404 naming a user the tenant does not know', async () => {
    // given a user the tenant does not know
    run.emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    // when the user is granted the policy, then the answer is 404 naming the user
    expectSkypeError(await run.api.call('PATCH', paths.userGrant('ghost@contoso.com'), grant(PEXIP)), 404, 'ghost@contoso.com');
  });

  it('answers 400 to an identity that is neither GUID, UPN nor SIP address', async () => {
    // when a malformed identity is granted, then the request is invalid
    expectSkypeError(await run.api.call('PATCH', paths.userGrant('not a user'), grant(PEXIP)), 400, 'not a user');
  });

  it('refuses a GET on the grant route: reading is the effective-policy route', async () => {
    // when the grant route is read, then the method is refused
    expectSkypeError(await run.api.call('GET', paths.userGrant(USER)), 405);
  });
});

/** §5 Get-CsUserPolicyAssignment: `[{policyType, policyName, policySource: [{policyName, policyType, assignmentType, reference}]}]`. */
describe('emulated effective policy of one user', () => {
  const run = callerPerTest(TENANT);

  const SOURCE = { policyName: expect.any(String), policyType: CVI_POLICY_TYPE, assignmentType: expect.any(String), reference: null };

  it('answers the direct assignment with its source, in the 2.3.1 shape', async () => {
    // given a user granted Pexip through the API
    await run.api.call('PATCH', paths.userGrant(USER), grant(PEXIP));
    // when the effective policy is read with ?policyType=
    const res = await run.api.call('GET', paths.userEffectivePolicy(USER));
    // then it is an array of one entry naming Pexip, with a source naming Pexip too
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ policyType: CVI_POLICY_TYPE, policyName: PEXIP, policySource: [{ ...SOURCE, policyName: PEXIP }] }]);
  });

  it('answers Global with no source for a user without any assignment', async () => {
    // when a user nobody granted anything is read, then the effective policy is Global
    const res = await run.api.call('GET', paths.userEffectivePolicy('bob@contoso.com'));
    expect(res.body).toEqual([{ policyType: CVI_POLICY_TYPE, policyName: 'Global', policySource: [] }]);
  });

  it('lets a direct assignment win over the tenant-wide one, listing both sources', async () => {
    // given a tenant-wide Polycom grant and a direct Pexip grant
    run.emulator.tenant(TENANT).setTenantPolicy('PolycomServiceProviderEnabled');
    run.emulator.tenant(TENANT).setUserPolicy(USER, PEXIP);
    // when the user's effective policy is read
    const [entry] = (await run.api.call('GET', paths.userEffectivePolicy(USER))).body;
    // then Pexip is effective and both assignments are listed as sources
    expect(entry.policyName).toBe(PEXIP);
    expect(entry.policySource.map((s: { policyName: string }) => s.policyName).sort()).toEqual([PEXIP, 'PolycomServiceProviderEnabled']);
    expect(new Set(entry.policySource.map((s: { assignmentType: string }) => s.assignmentType)).size).toBe(2);
  });

  it('answers the tenant-wide policy for a user without a direct one', async () => {
    // given a tenant-wide Polycom grant only
    run.emulator.tenant(TENANT).setTenantPolicy('PolycomServiceProviderEnabled');
    // when a user is read, then Polycom is effective
    expect((await run.api.call('GET', paths.userEffectivePolicy(USER))).body[0].policyName).toBe('PolycomServiceProviderEnabled');
  });

  it('answers 404 for a user the tenant does not know and 400 for another policy type', async () => {
    // given an unknown user
    run.emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    // when it is read, then 404; and when another policy type is asked, then 400 naming it
    expectSkypeError(await run.api.call('GET', paths.userEffectivePolicy('ghost@contoso.com')), 404, 'ghost@contoso.com');
    expectSkypeError(await run.api.call('GET', paths.userEffectivePolicy(USER, 'TeamsMeetingPolicy')), 400, 'TeamsMeetingPolicy');
  });
});

describe('emulated replication delay of user grants', () => {
  // given an emulator whose replicas lag 1.5 s behind
  const { emulator, api } = callerPerTest(TENANT, { replicationLagMs: 1500 });

  it('shows a user grant to reads only after the replication lag', async () => {
    // when a user is granted the policy
    await api.call('PATCH', paths.userGrant(USER), grant(PEXIP));
    // then a read at once answers the old value, though the store has the new one
    expect((await api.call('GET', paths.userEffectivePolicy(USER))).body[0].policyName).toBe('Global');
    expect(emulator.tenant(TENANT).getUserPolicy(USER)).toBe(PEXIP);
    // and later reads agree with the write
    let seen = 'Global';
    for (let i = 0; i < 100 && seen === 'Global'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = (await api.call('GET', paths.userEffectivePolicy(USER))).body[0].policyName;
    }
    expect(seen).toBe(PEXIP);
  });
});
