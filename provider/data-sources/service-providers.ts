/**
 * data "cvi_video_interop_service_providers": the tenant's video interop service providers
 * (Get-CsVideoInteropServiceProvider), optionally only the one of an identity. One list call per
 * provider process, shared with the resources (tenant-lists.ts).
 */
import type { BlockSchema } from '../schema';
import type { TfType } from '../server/values';
import type { ResourceContext } from '../resources/resource';
import { sameName, typedDataSource } from './data-source';
import { decodeServiceProvidersConfig, encodeServiceProviders, SERVICE_PROVIDERS, type ServiceProvidersConfig, type ServiceProvidersRead } from './service-providers-model';

const serviceProviderObject: TfType = [
  'object',
  {
    identity: 'string',
    tenant_key: 'string',
    instruction_uri: 'string',
    aad_application_ids: ['list', 'string'],
    allow_app_guest_joins_as_authenticated: 'bool',
  },
];

const schema: BlockSchema = {
  version: 0,
  description: "The tenant's Teams video interop service providers, as the service holds them. Needs the Teams Administrator role.",
  attributes: {
    id: { type: 'string', computed: true, description: 'The tenant id the list was read from.' },
    identity: {
      type: 'string',
      optional: true,
      description: 'Only the service provider of this identity (compared without regard to case); default every one.',
    },
    service_providers: {
      type: ['list', serviceProviderObject],
      computed: true,
      description:
        'Each service provider, sorted by identity: identity, tenant_key, instruction_uri (null when unset), aad_application_ids (as the service lists them), allow_app_guest_joins_as_authenticated.',
    },
  },
};

async function read(ctx: ResourceContext, config: ServiceProvidersConfig): Promise<ServiceProvidersRead> {
  const wanted = config.identity;
  const all = await ctx.session.lists.serviceProviders();
  const chosen = all
    .filter((p) => wanted === null || sameName(p.identity, wanted))
    .sort((a, b) => a.identity.localeCompare(b.identity));
  return { id: ctx.session.tenantId, identity: config.identity, serviceProviders: chosen };
}

export const serviceProvidersDataSource = typedDataSource({
  name: SERVICE_PROVIDERS,
  schema,
  validate: () => [],
  decodeConfig: decodeServiceProvidersConfig,
  encode: encodeServiceProviders,
  read,
});
