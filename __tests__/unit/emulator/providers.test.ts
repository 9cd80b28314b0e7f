import { routes } from '../../../teams/routes';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { connect, type TestCaller } from './api-client';

const TENANT = '11111111-1111-1111-1111-111111111111';
const PEXIP = {
  Identity: 'Pexip',
  TenantKey: 'teams@contoso.com',
  InstructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
  AadApplicationIds: '923c9f0a-b883-4efe-af73-54810da59f83',
  AllowAppGuestJoinsAsAuthenticated: true,
};

describe('emulated video interop service providers', () => {
  let emulator: RunningEmulator;
  let api: TestCaller;

  beforeEach(async () => {
    emulator = await startEmulator();
    api = await connect(emulator, TENANT);
  });
  afterEach(() => emulator.stop());

  it('creates a provider and lists it', async () => {
    // given a tenant without providers
    // when a provider is created
    const created = await api.call('POST', routes.providers(), PEXIP);
    // then it is answered 201 and listed
    expect(created.status).toBe(201);
    const list = await api.call('GET', routes.providers());
    expect(list.body).toEqual([PEXIP]);
  });

  it('rejects a create without TenantKey with a 400 naming the field', async () => {
    const { TenantKey: _omit, ...withoutKey } = PEXIP;
    const res = await api.call('POST', routes.providers(), withoutKey);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/TenantKey is required/);
  });

  it('answers 409 when a provider with the same identity exists', async () => {
    await api.call('POST', routes.providers(), PEXIP);
    const again = await api.call('POST', routes.providers(), { ...PEXIP, TenantKey: 'other@contoso.com' });
    expect(again.status).toBe(409);
    expect(emulator.tenant(TENANT).getProvider('Pexip')?.TenantKey).toBe('teams@contoso.com');
  });

  it('stores several app ids semicolon-separated', async () => {
    const ids = 'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7 ; d46cf366-f046-4291-9ecb-a00b8dc39a83';
    await api.call('POST', routes.providers(), { ...PEXIP, AadApplicationIds: ids });
    expect(emulator.tenant(TENANT).getProvider('pexip')?.AadApplicationIds).toBe(
      'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7;d46cf366-f046-4291-9ecb-a00b8dc39a83',
    );
  });

  it('answers 404 to an update of a provider that does not exist', async () => {
    const res = await api.call('PUT', routes.provider('Cisco'), { TenantKey: 'x@m.webex.com' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/"Cisco" does not exist/);
  });

  it('updates only the fields a PUT carries', async () => {
    await api.call('POST', routes.providers(), PEXIP);
    const res = await api.call('PUT', routes.provider('Pexip'), { TenantKey: 'video@contoso.com' });
    expect(res.status).toBe(200);
    expect(emulator.tenant(TENANT).getProvider('Pexip')).toEqual({ ...PEXIP, TenantKey: 'video@contoso.com' });
  });

  it('deletes a provider and then answers 404 to reading it', async () => {
    await api.call('POST', routes.providers(), PEXIP);
    expect((await api.call('DELETE', routes.provider('Pexip'))).status).toBe(204);
    expect((await api.call('GET', routes.provider('Pexip'))).status).toBe(404);
    expect(emulator.tenant(TENANT).isEmpty()).toBe(true);
  });

  it('keeps tenants apart', async () => {
    const other = await connect(emulator, '22222222-2222-2222-2222-222222222222');
    await api.call('POST', routes.providers(), PEXIP);
    expect((await other.call('GET', routes.providers())).body).toEqual([]);
  });
});
