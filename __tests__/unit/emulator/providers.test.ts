import { routes } from '../../../teams/routes';
import { connect, emulatorPerTest } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = {
  Identity: 'Pexip',
  TenantKey: 'teams@contoso.com',
  InstructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
  AadApplicationIds: '923c9f0a-b883-4efe-af73-54810da59f83',
  AllowAppGuestJoinsAsAuthenticated: true,
};

describe('emulated video interop service providers', () => {
  const run = emulatorPerTest(TENANT);

  it('creates a provider and lists it', async () => {
    // given a tenant without providers
    // when a provider is created
    const created = await run.api.call('POST', routes.providers(), PEXIP);
    // then it is answered 201 and listed
    expect(created.status).toBe(201);
    const list = await run.api.call('GET', routes.providers());
    expect(list.body).toEqual([PEXIP]);
  });

  it('rejects a create without TenantKey with a 400 naming the field', async () => {
    // given a provider body without TenantKey
    const { TenantKey: _omit, ...withoutKey } = PEXIP;
    // when it is created
    const res = await run.api.call('POST', routes.providers(), withoutKey);
    // then the service refuses it, naming the field
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/TenantKey is required/);
  });

  it('answers 409 when a provider with the same identity exists', async () => {
    // given an existing Pexip provider
    await run.api.call('POST', routes.providers(), PEXIP);
    // when another Pexip provider is created
    const again = await run.api.call('POST', routes.providers(), { ...PEXIP, TenantKey: 'other@contoso.com' });
    // then it conflicts and the first one is untouched
    expect(again.status).toBe(409);
    expect(run.emulator.tenant(TENANT).getProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
  });

  it('stores several app ids semicolon-separated', async () => {
    // given two app ids with spaces around the separator
    const ids = 'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7 ; d46cf366-f046-4291-9ecb-a00b8dc39a83';
    // when the provider is created
    await run.api.call('POST', routes.providers(), { ...PEXIP, AadApplicationIds: ids });
    // then they are stored as one semicolon-separated string
    expect(run.emulator.tenant(TENANT).getProvider('pexip')?.AadApplicationIds).toBe(
      'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7;d46cf366-f046-4291-9ecb-a00b8dc39a83',
    );
  });

  it('answers 404 to an update of a provider that does not exist', async () => {
    // when a provider that was never created is updated
    const res = await run.api.call('PUT', routes.provider('Cisco'), { TenantKey: 'x@m.webex.com' });
    // then the answer is 404 naming it
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/"Cisco" does not exist/);
  });

  it('updates only the fields a PUT carries', async () => {
    // given a provider
    await run.api.call('POST', routes.providers(), PEXIP);
    // when a PUT carries only TenantKey
    const res = await run.api.call('PUT', routes.provider('Pexip'), { TenantKey: 'video@contoso.com' });
    // then TenantKey changes and every other field stays
    expect(res.status).toBe(200);
    expect(run.emulator.tenant(TENANT).getProvider('Pexip')).toEqual({ ...PEXIP, TenantKey: 'video@contoso.com' });
  });

  it('deletes a provider and then answers 404 to reading it', async () => {
    // given a provider
    await run.api.call('POST', routes.providers(), PEXIP);
    // when it is deleted, then the answer is 204
    expect((await run.api.call('DELETE', routes.provider('Pexip'))).status).toBe(204);
    // and reading it answers 404, leaving the tenant empty
    expect((await run.api.call('GET', routes.provider('Pexip'))).status).toBe(404);
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('refuses an app id that is not a GUID, naming the entry', async () => {
    // when a provider is created with a malformed app id
    const res = await run.api.call('POST', routes.providers(), { ...PEXIP, AadApplicationIds: '923c9f0a-b883-4efe-af73-54810da59f83;pexip-bot' });
    // then the service refuses it, naming the bad entry, and stores nothing
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"pexip-bot" is not a GUID');
    expect(run.emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('refuses a field the service does not know', async () => {
    // when a create carries a misspelt field
    const res = await run.api.call('POST', routes.providers(), { ...PEXIP, InstructionUrl: 'https://example.com/{ConfId}' });
    // then the message names the field and the allowed ones
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('unknown field "InstructionUrl"');
  });

  it('refuses to rename a provider through PUT', async () => {
    // given a Pexip provider
    run.emulator.tenant(TENANT).setProvider(PEXIP);
    // when a PUT on Pexip names Cisco in its body
    const res = await run.api.call('PUT', routes.provider('Pexip'), { Identity: 'Cisco' });
    // then the update is refused
    expect(res.status).toBe(400);
    expect(run.emulator.tenant(TENANT).getProvider('Pexip')).toEqual(PEXIP);
  });

  it('keeps tenants apart', async () => {
    // given a second tenant
    const other = await connect(run.emulator, '22222222-2222-2222-2222-222222222222');
    // when the first tenant creates a provider
    await run.api.call('POST', routes.providers(), PEXIP);
    // then the second tenant does not see it
    expect((await other.call('GET', routes.providers())).body).toEqual([]);
  });
});
