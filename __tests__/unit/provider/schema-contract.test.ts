/**
 * The schema other code is written against (the cdktf bindings in constructs/): attribute
 * names, types and flags exactly as the contract states them.
 */
import { providerConfigSchema } from '../../../provider/config-schema';
import { dataSourceTypes } from '../../../provider/data-sources';
import { resourceTypes } from '../../../provider/resources';
import type { BlockSchema } from '../../../provider/schema';
import { takeOverAttribute } from '../../../provider/resources/adoption';

type Flags = { type: unknown; required?: boolean; optional?: boolean; computed?: boolean };
const flags = (schema: BlockSchema): Record<string, Flags> =>
  Object.fromEntries(
    Object.entries(schema.attributes).map(([name, a]) => [
      name,
      { type: a.type, ...(a.required ? { required: true } : {}), ...(a.optional ? { optional: true } : {}), ...(a.computed ? { computed: true } : {}) },
    ]),
  );
const schemaOf = (name: string) => resourceTypes.find((r) => r.name === name)!.schema;

describe('the cvi provider schema contract', () => {
  it('configures the provider with optional, non-secret attributes only', () => {
    expect(flags(providerConfigSchema)).toEqual({
      tenant_id: { type: 'string', optional: true },
      client_id: { type: 'string', optional: true },
      client_certificate_path: { type: 'string', optional: true },
      use_oidc: { type: 'bool', optional: true },
      use_msi: { type: 'bool', optional: true },
      use_cli: { type: 'bool', optional: true },
      environment: { type: 'string', optional: true },
      endpoint: { type: 'string', optional: true },
      operation_timeout_seconds: { type: 'number', optional: true },
    });
  });

  it('describes cvi_video_interop_service_provider with identity forcing replacement', () => {
    expect(flags(schemaOf('cvi_video_interop_service_provider'))).toEqual({
      id: { type: 'string', computed: true },
      identity: { type: 'string', required: true },
      tenant_key: { type: 'string', required: true },
      instruction_uri: { type: 'string', optional: true },
      aad_application_ids: { type: ['set', 'string'], optional: true },
      allow_app_guest_joins_as_authenticated: { type: 'bool', optional: true, computed: true },
      take_over: { type: 'bool', optional: true },
    });
    expect(schemaOf('cvi_video_interop_service_provider').attributes.identity.forcesReplacement).toBe(true);
  });

  it('describes cvi_video_interop_policy_assignment with its three scopes, users as a map from user to true (schema version 1)', () => {
    expect(flags(schemaOf('cvi_video_interop_policy_assignment'))).toEqual({
      id: { type: 'string', computed: true },
      policy_name: { type: 'string', required: true },
      global: { type: 'bool', optional: true },
      group_id: { type: 'string', optional: true },
      group_rank: { type: 'number', optional: true, computed: true },
      users: { type: ['map', 'bool'], optional: true },
      take_over: { type: 'bool', optional: true },
    });
    expect(schemaOf('cvi_video_interop_policy_assignment').version).toBe(1);
  });

  it('describes cvi_federation_allowed_domain with the domain forcing replacement', () => {
    expect(flags(schemaOf('cvi_federation_allowed_domain'))).toEqual({
      id: { type: 'string', computed: true },
      domain: { type: 'string', required: true },
      allow_opening_federation: { type: 'bool', optional: true },
      allow_all_known_domains: { type: 'bool', computed: true },
      take_over: { type: 'bool', optional: true },
    });
    expect(schemaOf('cvi_federation_allowed_domain').attributes.domain.forcesReplacement).toBe(true);
  });

  it('describes the data sources: an optional filter, the tenant id and a computed list', () => {
    const dataSchema = (name: string) => dataSourceTypes.find((d) => d.name === name)!.schema;
    expect(flags(dataSchema('cvi_video_interop_service_providers'))).toEqual({
      id: { type: 'string', computed: true },
      identity: { type: 'string', optional: true },
      service_providers: {
        type: ['list', ['object', { identity: 'string', tenant_key: 'string', instruction_uri: 'string', aad_application_ids: ['list', 'string'], allow_app_guest_joins_as_authenticated: 'bool' }]],
        computed: true,
      },
    });
    expect(flags(dataSchema('cvi_video_interop_policies'))).toEqual({
      id: { type: 'string', computed: true },
      provider_name: { type: 'string', optional: true },
      policies: { type: ['list', ['object', { name: 'string', description: 'string', provider_name: 'string', enabled: 'bool' }]], computed: true },
    });
  });

  it('gives every resource the same optional take_over opt-in of the adoption rule', () => {
    expect(resourceTypes.map((r) => [r.name, r.schema.attributes.take_over])).toEqual(resourceTypes.map((r) => [r.name, takeOverAttribute]));
  });

  it('marks no attribute sensitive, because no secret is ever an attribute', () => {
    const all = [providerConfigSchema, ...resourceTypes.map((r) => r.schema), ...dataSourceTypes.map((d) => d.schema)].flatMap((s) => Object.keys(s.attributes));

    expect(all.filter((name) => /secret|password|token/i.test(name))).toEqual([]);
  });
});
