/**
 * data "cvi_video_interop_service_providers": the tenant's video interop service providers
 * (Get-CsVideoInteropServiceProvider), optionally only the one of an identity. One list call per
 * provider process, shared with the resources (tenant-lists.ts).
 */
import type { ServiceProvider } from '../../teams';
import { knownString } from '../plan';
import type { BlockSchema } from '../schema';
import type { TfObject, TfType } from '../server/values';
import type { ResourceContext } from '../resources/resource';
import { sameName, type DataSourceType } from './data-source';

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

function toObject(p: ServiceProvider): TfObject {
  return {
    identity: p.identity,
    tenant_key: p.tenantKey,
    instruction_uri: p.instructionUri ?? null,
    aad_application_ids: [...p.aadApplicationIds],
    allow_app_guest_joins_as_authenticated: p.allowAppGuestJoinsAsAuthenticated,
  };
}

async function read(ctx: ResourceContext, config: TfObject): Promise<TfObject> {
  const wanted = knownString(config.identity);
  const all = await ctx.session.lists.providers();
  const chosen = all
    .filter((p) => wanted === undefined || sameName(p.identity, wanted))
    .sort((a, b) => a.identity.localeCompare(b.identity));
  return { id: ctx.session.tenantId, identity: config.identity ?? null, service_providers: chosen.map(toObject) };
}

export const serviceProvidersDataSource: DataSourceType = {
  name: 'cvi_video_interop_service_providers',
  schema,
  validate: () => [],
  read,
};
