import { ConflictError, NotFoundError, InvalidInputError } from '../../../teams';
import { Harness, PEXIP, startHarness } from '../../support/emulator/client';

describe('TeamsAdminClient providers against the emulator', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('given no provider, when listing providers, then the list is empty', async () => {
    expect(await h.client.listServiceProviders()).toEqual([]);
  });

  test('given no provider, when getting it, then the answer is undefined', async () => {
    expect(await h.client.getServiceProvider('Pexip')).toBeUndefined();
  });

  test('when creating a provider, then the service stores it with semicolon-joined app ids', async () => {
    await h.client.createServiceProvider({ ...PEXIP, aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83', 'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7'] });

    expect(h.tenant.getServiceProvider('Pexip')).toEqual({
      Identity: 'Pexip',
      TenantKey: 'teams@contoso.com',
      InstructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
      AadApplicationIds: '923c9f0a-b883-4efe-af73-54810da59f83;a39192d4-7b9b-4c07-87d7-cbcd3fd97af7',
      AllowAppGuestJoinsAsAuthenticated: true,
    });
  });

  test('given a stored provider, when getting it, then the domain object has app ids as a list', async () => {
    h.tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@contoso.com', AadApplicationIds: 'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7;923c9f0a-b883-4efe-af73-54810da59f83' });

    const p = await h.client.getServiceProvider('Pexip');

    expect(p).toEqual({
      identity: 'Pexip',
      tenantKey: 'teams@contoso.com',
      aadApplicationIds: ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', '923c9f0a-b883-4efe-af73-54810da59f83'],
      allowAppGuestJoinsAsAuthenticated: false,
    });
  });

  test('given a stored provider, when listing providers, then it is listed', async () => {
    h.tenant.setServiceProvider({ Identity: 'Cisco', TenantKey: 'sub@m.webex.com' });

    expect((await h.client.listServiceProviders()).map((p) => p.identity)).toEqual(['Cisco']);
  });

  test('given a provider exists, when creating it again, then a ConflictError says to import it', async () => {
    h.tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@other.com' });

    const err = await h.client.createServiceProvider(PEXIP).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toMatch(new RegExp(`tenant ${h.tenantId}: provider Pexip: already exists: import it`));
  });

  test('when creating a provider without a tenant key, then an InvalidInputError names the field', async () => {
    const err = await h.client.createServiceProvider({ ...PEXIP, tenantKey: '' }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(/tenantKey is required/);
  });

  test('given the service rejects an app id, when creating, then InvalidInputError carries the service message', async () => {
    const err = await h.client.createServiceProvider({ ...PEXIP, aadApplicationIds: ['not-a-guid'] }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toMatch(/AadApplicationIds entry "not-a-guid" is not a GUID/);
  });

  test('given a provider, when updating it, then every field is replaced and a cleared uri is cleared', async () => {
    await h.client.createServiceProvider(PEXIP);

    await h.client.updateServiceProvider({ identity: 'Pexip', tenantKey: 'teams@fabrikam.com', aadApplicationIds: [], allowAppGuestJoinsAsAuthenticated: false });

    expect(h.tenant.getServiceProvider('Pexip')).toEqual({
      Identity: 'Pexip',
      TenantKey: 'teams@fabrikam.com',
      InstructionUri: null,
      AadApplicationIds: null,
      AllowAppGuestJoinsAsAuthenticated: false,
    });
  });

  test('given no provider, when updating it, then a NotFoundError names the provider', async () => {
    const err = await h.client.updateServiceProvider(PEXIP).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toMatch(/provider Pexip: not found/);
  });

  test('given a provider, when deleting it, then the service no longer holds it', async () => {
    await h.client.createServiceProvider(PEXIP);

    await h.client.deleteServiceProvider('Pexip');

    expect(h.tenant.getServiceProvider('Pexip')).toBeUndefined();
  });

  test('given no provider, when deleting it, then the delete succeeds as already done', async () => {
    await expect(h.client.deleteServiceProvider('Pexip')).resolves.toBeUndefined();
  });

  test('given a replication lag on the create, when creating, then the call returns only once reads agree', async () => {
    h.emulator.faults.add({ kind: 'replicationLag', method: 'POST', ms: 150, times: 1 });

    await h.client.createServiceProvider(PEXIP);

    expect(await h.client.getServiceProvider('Pexip')).toEqual(PEXIP);
  });
});
