import { callerPerTest, connect, expectSkypeError, paths } from '../../support/emulator';

const TENANT = '11111111-1111-1111-1111-111111111111';
const APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const PEXIP = {
  Identity: 'Pexip',
  TenantKey: 'teams@contoso.com',
  InstructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
  AadApplicationIds: APP,
  AllowAppGuestJoinsAsAuthenticated: true,
};

const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * §2 VideoInteropServiceProvider as the MPA client calls it: GET list (array), GET one
 * (object), POST the bound parameters then re-GET, PATCH only the changed ones, DELETE with
 * the bound parameters (`Identity`) as a body. Success is any 2xx (open question 8).
 */
describe('emulated video interop service providers', () => {
  const run = callerPerTest(TENANT);

  it('creates a provider from a POST of the set fields, readable as the module re-reads it', async () => {
    // when a provider is created with only Identity and TenantKey, as New-... -Identity -TenantKey binds them
    const created = await run.api.call('POST', paths.providers(), { Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
    // then the create succeeds and GET …/configuration/{Identity} answers the object
    expect(is2xx(created.status)).toBe(true);
    const one = await run.api.call('GET', paths.provider('Pexip'));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ Identity: 'Pexip', TenantKey: 'teams@contoso.com' });
  });

  it('lists providers as a JSON array of PascalCase objects', async () => {
    // given a provider created with every field
    await run.api.call('POST', paths.providers(), PEXIP);
    // when the list is read, then it is an array holding the provider with its fields
    const list = await run.api.call('GET', paths.providers());
    expect(list.status).toBe(200);
    expect(list.body).toEqual([PEXIP]);
  });

  it('answers an empty array for a tenant without providers', async () => {
    // when a new tenant lists providers, then the answer is an empty array, not 404
    expect(await run.api.call('GET', paths.providers())).toMatchObject({ status: 200, body: [] });
  });

  it('refuses a create without TenantKey, which New-... makes mandatory', async () => {
    // when a provider is created without TenantKey
    const res = await run.api.call('POST', paths.providers(), { Identity: 'Pexip' });
    // then the service refuses it, naming the field, and stores nothing
    expectSkypeError(res, 400, 'TenantKey is required');
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('answers 409 when a provider with the same identity exists, and keeps the first', async () => {
    // given an existing Pexip provider
    await run.api.call('POST', paths.providers(), PEXIP);
    // when another Pexip provider is created (identities compare without case)
    const again = await run.api.call('POST', paths.providers(), { ...PEXIP, Identity: 'pexip', TenantKey: 'other@contoso.com' });
    // then it conflicts and the first one is untouched
    expectSkypeError(again, 409, '"pexip" already exists');
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
  });

  it('updates with a PATCH of the changed fields only, keeping the rest', async () => {
    // given a provider with every field
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when Set-... -Identity Pexip -TenantKey binds Identity and TenantKey only
    const res = await run.api.call('PATCH', paths.provider('Pexip'), { Identity: 'Pexip', TenantKey: 'video@contoso.com' });
    // then TenantKey changes and every other field stays
    expect(is2xx(res.status)).toBe(true);
    expect((await run.api.call('GET', paths.provider('Pexip'))).body).toEqual({ ...PEXIP, TenantKey: 'video@contoso.com' });
  });

  it('clears an optional field given as null in a PATCH', async () => {
    // given a provider with an instruction URI
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when a PATCH sets InstructionUri to null
    await run.api.call('PATCH', paths.provider('Pexip'), { InstructionUri: null });
    // then it is cleared and the rest stays
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')).toEqual({ ...PEXIP, InstructionUri: null });
  });

  it('refuses a PUT, whose use by the service no Microsoft code shows', async () => {
    // given a provider
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when the whole object is PUT (go-teams' guess, Low)
    const res = await run.api.call('PUT', paths.provider('Pexip'), { ...PEXIP, TenantKey: 'video@contoso.com' });
    // then the method is refused and nothing changes
    expectSkypeError(res, 405, 'PUT');
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')).toEqual(PEXIP);
  });

  it('answers 404 to a PATCH of a provider that does not exist', async () => {
    // when a provider that was never created is updated, then the answer is 404 naming it
    expectSkypeError(await run.api.call('PATCH', paths.provider('Cisco'), { TenantKey: 'x@m.webex.com' }), 404, '"Cisco" does not exist');
  });

  it('refuses to rename a provider through a PATCH', async () => {
    // given a Pexip provider
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when a PATCH of Pexip names Cisco in its body, then it is refused and nothing changes
    expectSkypeError(await run.api.call('PATCH', paths.provider('Pexip'), { Identity: 'Cisco' }), 400, 'cannot be renamed');
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')).toEqual(PEXIP);
  });

  it('deletes a provider with a DELETE carrying its Identity as the body', async () => {
    // given a provider
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when Remove-... -Identity Pexip sends its bound parameters as the body
    const res = await run.api.call('DELETE', paths.provider('Pexip'), { Identity: 'Pexip' });
    // then it succeeds, a read answers 404, and the tenant is empty
    expect(is2xx(res.status)).toBe(true);
    expectSkypeError(await run.api.call('GET', paths.provider('Pexip')), 404);
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('deletes a provider with a DELETE without a body, as ConfigAPI Remove does', async () => {
    // given a provider
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when it is deleted without a body, then it is gone
    expect(is2xx((await run.api.call('DELETE', paths.provider('Pexip'))).status)).toBe(true);
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')).toBeUndefined();
  });

  it('refuses a DELETE whose body names another provider', async () => {
    // given a provider
    run.emulator.tenant(TENANT).setServiceProvider(PEXIP);
    // when the body's Identity differs from the path's, then nothing is deleted
    expectSkypeError(await run.api.call('DELETE', paths.provider('Pexip'), { Identity: 'Cisco' }), 400, 'Cisco');
    expect(run.emulator.tenant(TENANT).getServiceProvider('Pexip')).toEqual(PEXIP);
  });

  it('answers 404 to a DELETE of a provider that does not exist', async () => {
    // when a provider that was never created is deleted, then the answer is 404
    expectSkypeError(await run.api.call('DELETE', paths.provider('Cisco'), { Identity: 'Cisco' }), 404, '"Cisco"');
  });

  it('stores several app ids as one semicolon-separated string', async () => {
    // when a provider is created with two app ids and spaces around the separator
    const second = 'd46cf366-f046-4291-9ecb-a00b8dc39a83';
    await run.api.call('POST', paths.providers(), { ...PEXIP, AadApplicationIds: `${APP} ; ${second}` });
    // then they are stored and answered as one semicolon-separated string
    expect((await run.api.call('GET', paths.provider('Pexip'))).body.AadApplicationIds).toBe(`${APP};${second}`);
  });

  it('refuses an app id that is not a GUID, naming the entry', async () => {
    // when a provider is created with a malformed app id, then it is refused and nothing stored
    const res = await run.api.call('POST', paths.providers(), { ...PEXIP, AadApplicationIds: `${APP};pexip-bot` });
    expectSkypeError(res, 400, '"pexip-bot" is not a GUID');
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('refuses a field the model does not have, naming it', async () => {
    // when a create carries a misspelt field, then the message names it
    expectSkypeError(await run.api.call('POST', paths.providers(), { ...PEXIP, InstructionUrl: 'https://example.com/{ConfId}' }), 400, 'unknown field "InstructionUrl"');
  });

  it('reads an identity escaped as Uri.EscapeDataString escapes it', async () => {
    // given a provider whose identity holds a space and an apostrophe
    run.emulator.tenant(TENANT).setServiceProvider({ Identity: "Pexip O'Neil", TenantKey: 'teams@contoso.com' });
    // when it is read by its escaped identity, then it answers
    expect(paths.provider("Pexip O'Neil")).toContain('Pexip%20O%27Neil');
    expect((await run.api.call('GET', paths.provider("Pexip O'Neil"))).body.Identity).toBe("Pexip O'Neil");
  });

  it('keeps tenants apart', async () => {
    // given a second tenant
    const other = await connect(run.emulator, '22222222-2222-2222-2222-222222222222');
    // when the first tenant creates a provider, then the second does not see it
    await run.api.call('POST', paths.providers(), PEXIP);
    expect((await other.call('GET', paths.providers())).body).toEqual([]);
  });
});
