/** The tfplugin6 methods called directly (no transport): what Terraform gets back. */
import { SEVERITY_ERROR } from '../../../provider/server/protocol';
import { decodeDynamic, encodeDynamic, type TfType } from '../../../provider/server/values';
import { createProviderMethods } from '../../../provider/service';
import { objectType } from '../../../provider/schema';
import { resourceTypes } from '../../../provider/resources';

const FEDERATION = 'cvi_federation_allowed_domain';
const federationType: TfType = objectType(resourceTypes.find((r) => r.name === FEDERATION)!.schema);

describe('the provider methods', () => {
  it('let Terraform reuse its cached schema', async () => {
    const methods = createProviderMethods();

    const schema = await methods.GetProviderSchema({});

    expect(schema.serverCapabilities).toEqual({ getProviderSchemaOptional: true });
    expect(Object.keys(schema.resourceSchemas as object)).toHaveLength(3);
  });

  it('upgrade stored JSON state to msgpack of the current schema', async () => {
    const methods = createProviderMethods();
    const json = Buffer.from(JSON.stringify({ id: 'pexip.me', domain: 'pexip.me', allow_all_known_domains: false }));

    const answer = await methods.UpgradeResourceState({ typeName: FEDERATION, version: 0, rawState: { json } });

    // State written before allow_opening_federation existed reads it as not set.
    expect(decodeDynamic(answer.upgradedState as { msgpack: Buffer }, federationType)).toEqual({ id: 'pexip.me', domain: 'pexip.me', allow_opening_federation: null, allow_all_known_domains: false });
    expect(answer.diagnostics).toEqual([]);
  });

  it('plan a destroy as a null object', async () => {
    const methods = createProviderMethods();
    const prior = encodeDynamic({ id: 'pexip.me', domain: 'pexip.me', allow_all_known_domains: false }, federationType);

    const answer = await methods.PlanResourceChange({ typeName: FEDERATION, priorState: prior, proposedNewState: encodeDynamic(null, federationType), config: encodeDynamic(null, federationType) });

    expect(decodeDynamic(answer.plannedState as { msgpack: Buffer }, federationType)).toBeNull();
  });

  it('answer a read before configuration with an error diagnostic, not a crash', async () => {
    const methods = createProviderMethods();
    const state = encodeDynamic({ id: 'pexip.me', domain: 'pexip.me', allow_all_known_domains: false }, federationType);

    const answer = await methods.ReadResource({ typeName: FEDERATION, currentState: state });

    expect(answer.diagnostics).toEqual([expect.objectContaining({ severity: SEVERITY_ERROR, detail: expect.stringContaining('was not configured') })]);
  });

  it('say that the provider has no data sources', async () => {
    const methods = createProviderMethods();

    const answer = await methods.ValidateDataResourceConfig({ typeName: 'cvi_anything' });

    expect(answer.diagnostics).toEqual([expect.objectContaining({ detail: 'the cvi provider has no data source "cvi_anything"' })]);
  });
});
