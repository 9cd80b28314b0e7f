/** The tfplugin6 methods called directly (no transport): what Terraform gets back. */
import { SEVERITY_ERROR } from '../../../provider/server/protocol';
import { decodeDynamic, encodeDynamic, type TfType } from '../../../provider/server/values';
import { createProviderMethods } from '../../../provider/service';
import { objectType } from '../../../provider/schema';
import { resourceTypes } from '../../../provider/resources';
import { PartialApplyError } from '../../../provider/diagnostics';
import { providerConfigSchema } from '../../../provider/config-schema';

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
    expect(decodeDynamic(answer.upgradedState as { msgpack: Buffer }, federationType)).toEqual({ id: 'pexip.me', domain: 'pexip.me', allow_opening_federation: null, allow_all_known_domains: false, take_over: null });
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
});

describe('an apply that fails after writing', () => {
  it('answers with the written state and the error, so Terraform records the object', async () => {
    const methods = createProviderMethods();
    const federation = resourceTypes.find((r) => r.name === FEDERATION)!;
    const written = { id: 'pexip.me', domain: 'pexip.me', allow_opening_federation: null, allow_all_known_domains: false, take_over: null };
    const create = jest.spyOn(federation, 'create').mockRejectedValue(new PartialApplyError(written, new Error('replication lag: pexip.me not seen yet')));
    process.env.ARM_CLIENT_SECRET = 'unit-test-secret';
    const configured = await methods.ConfigureProvider({
      config: encodeDynamic({ tenant_id: 'aaaaaaaa-0000-4000-8000-000000000001', client_id: 'bbbbbbbb-0000-4000-8000-000000000001' }, objectType(providerConfigSchema)),
    });
    delete process.env.ARM_CLIENT_SECRET;
    expect(configured.diagnostics).toEqual([]);

    const answer = await methods.ApplyResourceChange({
      typeName: FEDERATION,
      priorState: encodeDynamic(null, federationType),
      plannedState: encodeDynamic(written, federationType),
      config: encodeDynamic(written, federationType),
    });
    create.mockRestore();

    expect(decodeDynamic(answer.newState as { msgpack: Buffer }, federationType)).toEqual(written);
    expect(answer.diagnostics).toEqual([expect.objectContaining({ severity: SEVERITY_ERROR, detail: 'replication lag: pexip.me not seen yet' })]);
  });
});
