/** The data sources read against the emulator with the real client, and through the protocol methods. */
import { dataSourceTypes } from '../../../provider/data-sources';
import type { DataSourceType } from '../../../provider/data-sources/data-source';
import type { ResourceContext } from '../../../provider/resources/resource';
import { objectType } from '../../../provider/schema';
import { SEVERITY_ERROR } from '../../../provider/server/protocol';
import { decodeDynamic, encodeDynamic } from '../../../provider/server/values';
import { createProviderMethods } from '../../../provider/service';
import type { Session } from '../../../provider/session';
import { TenantLists } from '../../../provider/tenant-lists';
import { emulatorPerFile } from '../../support/emulator';
import { emulatorClient } from '../../support/emulator/client';

const TENANT = 'cccccccc-0000-4000-8000-0000000000d5';
const byName = (name: string): DataSourceType => dataSourceTypes.find((d) => d.name === name)!;
const serviceProviders = byName('cvi_video_interop_service_providers');
const policies = byName('cvi_video_interop_policies');

describe('the data sources', () => {
  const emulator = emulatorPerFile();
  let ctx: ResourceContext;

  beforeAll(() => {
    const tenant = emulator.tenant(TENANT);
    tenant.setServiceProvider({ Identity: 'Polycom', TenantKey: '813878896@t.plcm.vc', AadApplicationIds: 'a39192d4-7b9b-4c07-87d7-cbcd3fd97af7;d46cf366-f046-4291-9ecb-a00b8dc39a83' });
    tenant.setServiceProvider({ Identity: 'Pexip', TenantKey: 'teams@contoso.com', InstructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}', AllowAppGuestJoinsAsAuthenticated: true });
    const client = emulatorClient(emulator, TENANT);
    const session = { tenantId: TENANT, client, lists: new TenantLists(client, () => ({})) } as unknown as Session;
    ctx = { session, warn: () => undefined };
  });

  it('list every service provider of the tenant, sorted by identity, with each attribute', async () => {
    const read = await serviceProviders.read(ctx, { identity: null });

    expect(read).toEqual({
      id: TENANT,
      identity: null,
      service_providers: [
        {
          identity: 'Pexip',
          tenant_key: 'teams@contoso.com',
          instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}',
          aad_application_ids: [],
          allow_app_guest_joins_as_authenticated: true,
        },
        {
          identity: 'Polycom',
          tenant_key: '813878896@t.plcm.vc',
          instruction_uri: null,
          aad_application_ids: ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'],
          allow_app_guest_joins_as_authenticated: false,
        },
      ],
    });
  });

  it('narrow the service providers to one identity, compared without case', async () => {
    const read = await serviceProviders.read(ctx, { identity: 'polycom' });

    expect((read.service_providers as { identity: string }[]).map((p) => p.identity)).toEqual(['Polycom']);
  });

  it('list the built-in policies by name without Tag:, and narrow them by provider name', async () => {
    const all = await policies.read(ctx, { provider_name: null });
    const pexip = await policies.read(ctx, { provider_name: 'PEXIP' });

    expect((all.policies as { name: string }[]).map((p) => p.name)).toEqual(expect.arrayContaining(['Global', 'PexipServiceProviderEnabled', 'PolycomServiceProviderEnabled']));
    expect(pexip.policies).toEqual([{ name: 'PexipServiceProviderEnabled', description: 'Pexip video interop enabled', provider_name: 'Pexip', enabled: true }]);
  });
});

describe('the data sources through the protocol methods', () => {
  it('are announced in the metadata and the schema', async () => {
    const methods = createProviderMethods();

    const metadata = await methods.GetMetadata({});
    const schema = await methods.GetProviderSchema({});

    expect(metadata.dataSources).toEqual([{ typeName: 'cvi_video_interop_service_providers' }, { typeName: 'cvi_video_interop_policies' }]);
    expect(Object.keys(schema.dataSourceSchemas as object).sort()).toEqual(['cvi_video_interop_policies', 'cvi_video_interop_service_providers']);
  });

  it('validate a known data source without complaint and name the known ones for an unknown one', async () => {
    const methods = createProviderMethods();
    const config = encodeDynamic({ id: null, provider_name: 'Pexip', policies: null }, objectType(policies.schema));

    const known = await methods.ValidateDataResourceConfig({ typeName: 'cvi_video_interop_policies', config });
    const unknown = await methods.ValidateDataResourceConfig({ typeName: 'cvi_anything' });

    expect(known.diagnostics).toEqual([]);
    expect(unknown.diagnostics).toEqual([
      expect.objectContaining({ severity: SEVERITY_ERROR, detail: 'the cvi provider has no data source "cvi_anything"; it has cvi_video_interop_service_providers, cvi_video_interop_policies' }),
    ]);
  });

  it('answer a read before configuration with an error diagnostic and no state', async () => {
    const methods = createProviderMethods();
    const type = objectType(serviceProviders.schema);

    const answer = await methods.ReadDataSource({ typeName: serviceProviders.name, config: encodeDynamic({ id: null, identity: null, service_providers: null }, type) });

    expect(answer.diagnostics).toEqual([expect.objectContaining({ severity: SEVERITY_ERROR, detail: expect.stringContaining('was not configured') })]);
    expect(decodeDynamic(answer.state as undefined, type)).toBeNull();
  });
});
