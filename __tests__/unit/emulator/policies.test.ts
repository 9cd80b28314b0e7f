import { callerPerTest, expectSkypeError, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';

/** §3 TeamsVideoInteropServicePolicy instances: `Global` and `Tag:<name>`, fields Identity, Description, ProviderName, Enabled. */
describe('emulated CVI policy instances', () => {
  const run = callerPerTest(TENANT);

  it('lists the pre-built instances as a JSON array', async () => {
    // when a new tenant lists its CVI policies
    const res = await run.api.call('GET', paths.policies());
    // then the six pre-built instances are there: Global and the rest as Tag:<name>
    expect(res.status).toBe(200);
    expect(res.body.map((p: { Identity: string }) => p.Identity)).toEqual([
      'Global',
      'Tag:ServiceProviderDisabled',
      'Tag:PexipServiceProviderEnabled',
      'Tag:PolycomServiceProviderEnabled',
      'Tag:BlueJeansServiceProviderEnabled',
      'Tag:CiscoServiceProviderEnabled',
    ]);
  });

  it('answers each instance with the fields of the model', async () => {
    // when the list is read, then every instance has exactly Identity, Description, ProviderName and Enabled
    const res = await run.api.call('GET', paths.policies());
    for (const policy of res.body) {
      expect(policy).toEqual({ Identity: expect.any(String), Description: expect.any(String), ProviderName: expect.any(String), Enabled: expect.any(Boolean) });
    }
  });

  it('reads one instance by its Tag: identity or its bare name', async () => {
    // when the Pexip policy is read as Tag:PexipServiceProviderEnabled and as the bare name
    const tagged = await run.api.call('GET', paths.policy('Tag:PexipServiceProviderEnabled'));
    const bare = await run.api.call('GET', paths.policy('PexipServiceProviderEnabled'));
    // then both answer the same object, enabled for Pexip
    expect(tagged.status).toBe(200);
    expect(tagged.body).toMatchObject({ Identity: 'Tag:PexipServiceProviderEnabled', ProviderName: 'Pexip', Enabled: true });
    expect(bare.body).toEqual(tagged.body);
  });

  it('reads the Global instance', async () => {
    // when Global is read, then it is the default instance, not enabled
    const res = await run.api.call('GET', paths.policy('Global'));
    expect(res.body).toMatchObject({ Identity: 'Global', Enabled: false });
  });

  it('answers 404 naming an instance the tenant does not have', async () => {
    // when an unknown instance is read, then the answer names it
    expectSkypeError(await run.api.call('GET', paths.policy('Tag:ZoomServiceProviderEnabled')), 404, 'Tag:ZoomServiceProviderEnabled');
  });

  it('refuses to create an instance: tenants cannot add to the pre-built set', async () => {
    // when a POST tries to add an instance, then the method is refused and the list is unchanged
    expectSkypeError(await run.api.call('POST', paths.policies(), { Identity: 'Tag:Mine', ProviderName: 'Pexip', Enabled: true }), 405);
    expect(run.emulator.tenant(TENANT).policies()).toHaveLength(6);
  });
});
