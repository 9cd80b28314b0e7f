/**
 * The typed models of the resources (provider/resources/*-model.ts) and the adapter that serves
 * them as Terraform's objects (resource.ts): decode then encode gives the object back, absent
 * attributes included; a value of the wrong shape is an error naming the attribute; the adapter
 * answers a read that saw nothing with the very object and encodes partial results; import ids
 * that do not parse get the messages the provider has always given.
 */
import { DiagnosticError, PartialApplyError } from '../../../provider/diagnostics';
import { resourceTypes } from '../../../provider/resources';
import { decodeFederationAllowedDomain, encodeFederationAllowedDomain } from '../../../provider/resources/federation-allowed-domain-model';
import { decodePolicyAssignment, encodePolicyAssignment, scopeOfAssignment } from '../../../provider/resources/policy-assignment-model';
import { usersMap } from '../../../provider/resources/policy-users';
import { typedResource, type ResourceContext, type TypedResource } from '../../../provider/resources/resource';
import { decodeServiceProvider, encodeServiceProvider } from '../../../provider/resources/service-provider-model';
import { objectType } from '../../../provider/schema';
import { decodeDynamic, UNKNOWN, type TfObject } from '../../../provider/server/values';
import { createProviderMethods } from '../../../provider/service';

const GROUP = '6a0f7c2e-1111-4222-8333-944455556666';
const POLICY = 'PexipServiceProviderEnabled';
const typeNamed = (name: string) => resourceTypes.find((r) => r.name === name)!;

function thrown(run: () => unknown): DiagnosticError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DiagnosticError);
    return error as DiagnosticError;
  }
  throw new Error('expected an error');
}

describe('the service provider model', () => {
  const full: TfObject = {
    id: 'Pexip',
    identity: 'Pexip',
    tenant_key: 'teams@contoso.com',
    instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}',
    aad_application_ids: ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7'],
    allow_app_guest_joins_as_authenticated: true,
    take_over: true,
  };
  const bare: TfObject = { ...full, instruction_uri: null, aad_application_ids: null, allow_app_guest_joins_as_authenticated: null, take_over: null };

  it('reads every attribute and writes the same object back, absent ones as null', () => {
    expect(decodeServiceProvider(full)).toEqual({
      id: 'Pexip',
      identity: 'Pexip',
      tenantKey: 'teams@contoso.com',
      instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
      aadApplicationIds: ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7'],
      allowAppGuestJoinsAsAuthenticated: true,
      takeOver: true,
    });
    expect(encodeServiceProvider(decodeServiceProvider(full))).toEqual(full);
    expect(encodeServiceProvider(decodeServiceProvider(bare))).toEqual(bare);
    // An empty set is not "no set": the read keeps what the configuration said.
    expect(encodeServiceProvider(decodeServiceProvider({ ...bare, aad_application_ids: [], instruction_uri: '' }))).toEqual({ ...bare, aad_application_ids: [], instruction_uri: '' });
  });

  it('takes the identity from the id where the state has none, as the resource always did', () => {
    expect(decodeServiceProvider({ ...bare, identity: null }).identity).toBe('Pexip');
  });

  it('refuses a value of the wrong shape, naming the type, the attribute, the rule and the value', () => {
    const error = thrown(() => decodeServiceProvider({ ...full, tenant_key: null }));

    expect(error.summary).toBe('Unexpected state');
    expect(error.detail).toBe(
      "cvi_video_interop_service_provider: attribute tenant_key must be a string; got null. The state or plan does not have this resource's shape.",
    );
    expect(error.attribute).toEqual(['tenant_key']);
    expect(thrown(() => decodeServiceProvider({ ...full, aad_application_ids: [1] as unknown as string[] })).detail).toContain('aad_application_ids must be a set of strings or null; got [1]');
    expect(thrown(() => decodeServiceProvider({ ...full, take_over: UNKNOWN })).detail).toContain('take_over must be true or false or null; got a value not known until apply');
  });
});

describe('the policy assignment model', () => {
  const empty: TfObject = { id: 'global', policy_name: POLICY, global: null, group_id: null, group_rank: null, users: null, take_over: null };

  it.each<[string, TfObject]>([
    ['global', { ...empty, global: true }],
    ['group', { ...empty, id: `group/${GROUP}`, group_id: GROUP, group_rank: 3, take_over: true }],
    ['users', { ...empty, id: `users/${POLICY}`, users: usersMap(['alice@contoso.com', 'Bob@contoso.com']) }],
  ])('writes a %s assignment back as it was read', (scope, object) => {
    const model = decodePolicyAssignment(object);

    expect(scopeOfAssignment(model)).toBe(scope);
    expect(encodePolicyAssignment(model)).toEqual(object);
  });

  it('holds the users as the map keys, and writes them as a map without a prototype', () => {
    const model = decodePolicyAssignment({ ...empty, id: `users/${POLICY}`, users: usersMap(['__proto__', 'alice@contoso.com']) });

    expect(model.users).toEqual(['__proto__', 'alice@contoso.com']);
    const users = encodePolicyAssignment(model).users as TfObject;
    expect(Object.getPrototypeOf(users)).toBeNull();
    expect(Object.keys(users)).toEqual(['__proto__', 'alice@contoso.com']);
  });

  it('has no scope when none is set, and writes that back too', () => {
    expect(scopeOfAssignment(decodePolicyAssignment(empty))).toBeUndefined();
    expect(encodePolicyAssignment(decodePolicyAssignment(empty))).toEqual(empty);
  });

  it('refuses a user mapped to anything but true', () => {
    expect(thrown(() => decodePolicyAssignment({ ...empty, users: { 'alice@contoso.com': false } })).detail).toContain(
      'attribute users must be a map of keys to true; got {"alice@contoso.com":false}',
    );
  });

  it('reads state of schema version 0 (users as a set) after the upgrade, unchanged by it', async () => {
    const type = typeNamed('cvi_video_interop_policy_assignment');
    const json = Buffer.from(JSON.stringify({ ...empty, id: `users/${POLICY}`, users: ['a@contoso.com', 'b@contoso.com'] }));

    const answer = await createProviderMethods().UpgradeResourceState({ typeName: type.name, version: 0, rawState: { json } });
    const upgraded = decodeDynamic(answer.upgradedState as { msgpack: Buffer }, objectType(type.schema)) as TfObject;

    expect(decodePolicyAssignment(upgraded).users).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(encodePolicyAssignment(decodePolicyAssignment(upgraded))).toEqual(upgraded);
  });
});

describe('the federation allowed domain model', () => {
  const state: TfObject = { id: 'pexip.me', domain: 'pexip.me', allow_opening_federation: true, allow_all_known_domains: false, take_over: null };

  it('writes the object back as it was read', () => {
    expect(encodeFederationAllowedDomain(decodeFederationAllowedDomain(state))).toEqual(state);
    const unset = { ...state, allow_opening_federation: null, allow_all_known_domains: null };
    expect(encodeFederationAllowedDomain(decodeFederationAllowedDomain(unset))).toEqual(unset);
  });

  it('keeps allow_all_known_domains unknown in a planned create, until the service answers', () => {
    const planned: TfObject = { ...state, allow_all_known_domains: UNKNOWN };

    expect(decodeFederationAllowedDomain(planned).allowAllKnownDomains).toBe(UNKNOWN);
    expect(encodeFederationAllowedDomain(decodeFederationAllowedDomain(planned))).toEqual(planned);
  });

  it('takes the domain from the id where the state has none, as the resource always did', () => {
    expect(decodeFederationAllowedDomain({ ...state, domain: null }).domain).toBe('pexip.me');
  });
});

describe('a typed resource as Terraform sees it', () => {
  interface Thing {
    readonly id: string;
    readonly size: number | null;
  }
  const model = {
    decode: (o: TfObject): Thing => ({ id: String(o.id), size: typeof o.size === 'number' ? o.size : null }),
    encode: (t: Thing): TfObject => ({ id: t.id, size: t.size }),
  };
  const calls: string[] = [];
  const thing: TypedResource<Thing> = {
    name: 'cvi_thing',
    schema: { version: 0, description: 'a thing', attributes: { id: { type: 'string', computed: true, description: 'id' } } },
    model,
    validate: () => [],
    plan: async (input) => ({ planned: input.proposed, requiresReplace: [] }),
    create: async (_ctx, planned) => ({ ...planned, size: 1 }),
    read: async (_ctx, state) => (state.id === 'unseen' ? state : state.id === 'gone' ? null : { ...state, size: 2 }),
    update: async (_ctx, _prior, planned) => {
      throw new PartialApplyError<Thing>({ ...planned, size: 5 }, new Error('half done'));
    },
    delete: async (_ctx, state) => void calls.push(`delete ${state.id}`),
    import: async (_ctx, id) => ({ id, size: null }),
  };
  const type = typedResource(thing);
  const ctx = {} as ResourceContext;

  it('decodes on the way in and encodes on the way out', async () => {
    expect(await type.create(ctx, { id: 'a', size: null })).toEqual({ id: 'a', size: 1 });
    expect(await type.read(ctx, { id: 'a', size: null })).toEqual({ id: 'a', size: 2 });
    expect(await type.read(ctx, { id: 'gone', size: null })).toBeNull();
    expect(await type.import(ctx, 'b')).toEqual({ id: 'b', size: null });
    await type.delete(ctx, { id: 'c', size: 3 });
    expect(calls).toEqual(['delete c']);
  });

  it('answers a read that returned the state itself with the very object it was given', async () => {
    const state = { id: 'unseen', size: 4 };

    expect(await type.read(ctx, state)).toBe(state);
  });

  it('encodes the state of a partial result and keeps its reason', async () => {
    const error = await type.update(ctx, { id: 'a', size: 1 }, { id: 'a', size: 9 }).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(PartialApplyError);
    expect((error as PartialApplyError).state).toEqual({ id: 'a', size: 5 });
    expect(((error as PartialApplyError).reason as Error).message).toBe('half done');
  });
});

describe('import ids that do not parse', () => {
  const ctx = {} as ResourceContext;

  it.each(['foo', 'global/', 'users/P/', 'group'])('are refused by the policy assignment as always: %j', async (id) => {
    await expect(typeNamed('cvi_video_interop_policy_assignment').import(ctx, id)).rejects.toMatchObject({
      summary: 'Invalid import id',
      detail: `cvi_video_interop_policy_assignment: the import id must be "global", "group/<group object id>" or "users/<policy name>"; got "${id}".`,
    });
  });

  it('are refused by the federation allowed domain as always', async () => {
    await expect(typeNamed('cvi_federation_allowed_domain').import(ctx, 'not a domain')).rejects.toMatchObject({
      summary: 'Invalid import id',
      detail: 'cvi_federation_allowed_domain: the import id is the domain, e.g. pexip.me; got "not a domain".',
    });
  });
});
