import { routes } from '../../../teams/routes';
import { startEmulator } from '../../../emulator';
import { connect, emulatorPerTest } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const USER = 'alice@contoso.com';

describe('emulated CVI policy assignments', () => {
  const run = emulatorPerTest(TENANT);

  it('grants a policy to a user with or without the Tag: prefix', async () => {
    // when one user is granted "Tag:PexipServiceProviderEnabled" and another the bare name
    await run.api.call('PATCH', routes.userPolicy(USER), { PolicyName: 'Tag:PexipServiceProviderEnabled' });
    await run.api.call('PATCH', routes.userPolicy('bob@contoso.com'), { PolicyName: 'PexipServiceProviderEnabled' });
    // then both read back as the bare name
    expect((await run.api.call('GET', routes.userPolicy(USER))).body).toEqual({ PolicyName: 'PexipServiceProviderEnabled' });
    expect(run.emulator.tenant(TENANT).getUserPolicy('bob@contoso.com')).toBe('PexipServiceProviderEnabled');
  });

  it('removes a user assignment when PolicyName is null', async () => {
    // given a user with a direct assignment
    run.emulator.tenant(TENANT).setUserPolicy(USER, 'PexipServiceProviderEnabled');
    // when null is granted
    await run.api.call('PATCH', routes.userPolicy(USER), { PolicyName: null });
    // then the user has no assignment left
    expect((await run.api.call('GET', routes.userPolicy(USER))).body).toEqual({ PolicyName: null });
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('answers 400 naming the policy and the existing ones to an unknown policy', async () => {
    // when a policy the tenant does not have is granted
    const res = await run.api.call('PATCH', routes.userPolicy(USER), { PolicyName: 'ZoomServiceProviderEnabled' });
    // then the message names it and the existing ones
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"ZoomServiceProviderEnabled"');
    expect(res.body.error.message).toContain('PexipServiceProviderEnabled');
  });

  it('answers 404 for a user the tenant does not know', async () => {
    // given a user the tenant does not know
    run.emulator.tenant(TENANT).markUnknownUser('ghost@contoso.com');
    // when the user is granted the policy
    const res = await run.api.call('PATCH', routes.userPolicy('ghost@contoso.com'), { PolicyName: 'PexipServiceProviderEnabled' });
    // then the answer is 404 naming the user
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('ghost@contoso.com');
  });

  it('answers 400 for a malformed user identity', async () => {
    // when an identity that is neither GUID, UPN nor SIP address is granted
    const res = await run.api.call('PATCH', routes.userPolicy('not a user'), { PolicyName: 'PexipServiceProviderEnabled' });
    // then the request is invalid
    expect(res.status).toBe(400);
  });

  it('grants the tenant-wide policy and treats Global as the default', async () => {
    // when the tenant is granted Pexip
    await run.api.call('PATCH', routes.tenantPolicy(), { PolicyName: 'PexipServiceProviderEnabled' });
    // then it reads back
    expect((await run.api.call('GET', routes.tenantPolicy())).body).toEqual({ PolicyName: 'PexipServiceProviderEnabled' });
    // and granting Global resets it to the default
    await run.api.call('PATCH', routes.tenantPolicy(), { PolicyName: 'Global' });
    expect(run.emulator.tenant(TENANT).getTenantPolicy()).toBeNull();
  });

  it('answers 400 to a tenant grant of an unknown policy', async () => {
    // when the tenant is granted an unknown policy
    const res = await run.api.call('PATCH', routes.tenantPolicy(), { PolicyName: 'Nope' });
    // then the message names it
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"Nope"');
  });

  it('pages users with a policy at 1,000 with a NextSkipToken', async () => {
    // given 2,500 users with the Pexip policy and one with another policy
    const tenant = run.emulator.tenant(TENANT);
    for (let i = 0; i < 2500; i++) tenant.setUserPolicy(`user${String(i).padStart(4, '0')}@contoso.com`, 'PexipServiceProviderEnabled');
    tenant.setUserPolicy('poly@contoso.com', 'PolycomServiceProviderEnabled');
    // when every page is read
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const query = `?policyName=PexipServiceProviderEnabled${token ? `&skipToken=${encodeURIComponent(token)}` : ''}`;
      const page = await run.api.call('GET', routes.usersWithPolicy() + query);
      sizes.push(page.body.Users.length);
      seen.push(...page.body.Users.map((u: { Identity: string }) => u.Identity));
      token = page.body.NextSkipToken;
    } while (token);
    // then there are three pages and each user appears once
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(new Set(seen).size).toBe(2500);
    expect(seen).not.toContain('poly@contoso.com');
  });

  it('answers 400 to usersWithPolicy without a policy name', async () => {
    // when the list is asked for without policyName, then it is a bad request
    expect((await run.api.call('GET', routes.usersWithPolicy())).status).toBe(400);
  });
});

describe('emulated replication delay of user grants', () => {
  it('shows a user grant to reads only after the replication lag', async () => {
    // given an emulator whose replicas lag 1.5 s behind
    const emulator = await startEmulator({ replicationLagMs: 1500 });
    try {
      const api = await connect(emulator, TENANT);
      // when a user is granted the policy
      await api.call('PATCH', routes.userPolicy(USER), { PolicyName: 'PexipServiceProviderEnabled' });
      // then a read at once answers the old value, and so does the paged list, though the store has it
      expect((await api.call('GET', routes.userPolicy(USER))).body).toEqual({ PolicyName: null });
      const page = await api.call('GET', `${routes.usersWithPolicy()}?policyName=PexipServiceProviderEnabled`);
      expect(page.body.Users).toEqual([]);
      expect(emulator.tenant(TENANT).getUserPolicy(USER)).toBe('PexipServiceProviderEnabled');
      // and later reads agree with the write
      let seen: string | null = null;
      for (let i = 0; i < 100 && seen === null; i++) {
        await new Promise((r) => setTimeout(r, 50));
        seen = (await api.call('GET', routes.userPolicy(USER))).body.PolicyName;
      }
      expect(seen).toBe('PexipServiceProviderEnabled');
    } finally {
      await emulator.stop();
    }
  });
});
