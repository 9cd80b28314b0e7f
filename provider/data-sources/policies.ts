/**
 * data "cvi_video_interop_policies": the tenant's TeamsVideoInteropServicePolicy instances
 * (Get-CsTeamsVideoInteropServicePolicy), optionally only those of one service provider name.
 * The policies are pre-built by Microsoft: this is how a configuration finds the name to grant.
 */
import type { VideoInteropPolicy } from '../../teams';
import { knownString } from '../plan';
import type { BlockSchema } from '../schema';
import type { TfObject } from '../server/values';
import type { ResourceContext } from '../resources/resource';
import { sameName, type DataSourceType } from './data-source';

const schema: BlockSchema = {
  version: 0,
  description: "The tenant's Teams video interop service policies (pre-built by Microsoft). Needs the Teams Administrator role.",
  attributes: {
    id: { type: 'string', computed: true, description: 'The tenant id the list was read from.' },
    provider_name: {
      type: 'string',
      optional: true,
      description: 'Only the policies of this service provider name, e.g. Pexip (compared without regard to case); default every policy.',
    },
    policies: {
      type: ['list', ['object', { name: 'string', description: 'string', provider_name: 'string', enabled: 'bool' }]],
      computed: true,
      description: 'Each policy, sorted by name: name (without Tag:, the value policy_name takes), description (null when none), provider_name, enabled.',
    },
  },
};

function toObject(p: VideoInteropPolicy): TfObject {
  return { name: p.name, description: p.description ?? null, provider_name: p.providerName, enabled: p.enabled };
}

async function read(ctx: ResourceContext, config: TfObject): Promise<TfObject> {
  const wanted = knownString(config.provider_name);
  const all = await ctx.session.lists.policies();
  const chosen = all
    .filter((p) => wanted === undefined || sameName(p.providerName, wanted))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { id: ctx.session.tenantId, provider_name: config.provider_name ?? null, policies: chosen.map(toObject) };
}

export const policiesDataSource: DataSourceType = {
  name: 'cvi_video_interop_policies',
  schema,
  validate: () => [],
  read,
};
