/**
 * data "cvi_video_interop_policies": the tenant's TeamsVideoInteropServicePolicy instances
 * (Get-CsTeamsVideoInteropServicePolicy), optionally only those of one service provider name.
 * The policies are pre-built by Microsoft: this is how a configuration finds the name to grant.
 */
import type { BlockSchema } from '../schema';
import type { ResourceContext } from '../resources/resource';
import { sameName, typedDataSource } from './data-source';
import { decodePoliciesConfig, encodePolicies, POLICIES, type PoliciesConfig, type PoliciesRead } from './policies-model';

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

async function read(ctx: ResourceContext, config: PoliciesConfig): Promise<PoliciesRead> {
  const wanted = config.providerName;
  const all = await ctx.session.lists.policies();
  const chosen = all
    .filter((p) => wanted === null || sameName(p.providerName, wanted))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { id: ctx.session.tenantId, providerName: config.providerName, policies: chosen };
}

export const policiesDataSource = typedDataSource({
  name: POLICIES,
  schema,
  validate: () => [],
  decodeConfig: decodePoliciesConfig,
  encode: encodePolicies,
  read,
});
