/**
 * One rule, one answer: a value the tenant file schema accepts is a value the constructs and the
 * provider accept, and the other way round, for every rule they share (domain/). Each case runs
 * through the real entry points: the tenant file parser, a construct in a stack, and the
 * provider resource's validation.
 */
import { Testing, TerraformStack } from 'cdktf';
import { CLOUDS } from '../../../domain';
import { TeamsCloud } from '../../../constructs/cvi/provider';
import { FederationAllowedDomain } from '../../../constructs/federation-allowed-domain';
import { VideoInteropServiceProvider, VideoInteropServiceProviderIdentity } from '../../../constructs/video-interop-service-provider';
import { ENVIRONMENTS } from '../../../provider/config-schema';
import { MAX_ASSIGNMENT_USERS, MAX_GROUP_ASSIGNMENTS, parsePolicyAssignmentImportId, SERVICE_PROVIDER_IDENTITIES } from '../../../domain';
import { PolicyAssignmentScope, VideoInteropPolicyAssignment } from '../../../constructs/video-interop-policy-assignment';
import { policyAssignment } from '../../../provider/resources/policy-assignment';
import { federationAllowedDomain } from '../../../provider/resources/federation-allowed-domain';
import { serviceProvider } from '../../../provider/resources/service-provider';
import { parseTenantFile } from '../../../stacks';
import { AUTHORITY_HOSTS, CLOUD_HOSTS } from '../../../teams';
import { stringify } from 'yaml';
import { pexipTenant } from '../stacks/tenant-fixtures';
import { CviTenant } from '../../../constructs/cvi-tenant';
import { CviDnsRecords, DnsZone } from '../../../constructs/dns-records';
import { parseExportOptions } from '../../../scripts/export/options';

type Verdicts = { schema: boolean; construct: boolean; provider: boolean };

/** A policy assignment's configuration for the provider's validation: every attribute null but `edit`'s. */
const assignmentConfig = (edit: Record<string, unknown>) => ({
  id: null,
  policy_name: 'PexipServiceProviderEnabled',
  global: null,
  group_id: null,
  group_rank: null,
  take_over: null,
  users: null,
  ...edit,
});

function schemaAccepts(edit: (tenant: Record<string, any>) => void): boolean {
  const tenant = pexipTenant();
  edit(tenant);
  return parseTenantFile('tenants/contoso.yaml', stringify(tenant)).problems.length === 0;
}

function constructAccepts(build: (stack: TerraformStack) => void): boolean {
  try {
    build(new TerraformStack(Testing.app(), 'test'));
    return true;
  } catch {
    return false;
  }
}

const DOMAINS: Array<[string, boolean]> = [
  ['pexip.me', true],
  ['example.xn--p1ai', true],
  ['vc.contoso.co.uk', true],
  ['a-b.example', true],
  ['localhost', false],
  ['pexip.me.', false],
  ['*.pexip.me', false],
  ['10.0.0.5', false],
  ['-pexip.me', false],
  ['pexip..me', false],
  [' pexip.me', false],
  ['pexip.123', false],
  [`${'a'.repeat(64)}.example`, false],
];

describe('the domain rule', () => {
  test.each(DOMAINS)('%s: schema, construct and provider agree (accepted: %s)', (value, accepted) => {
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.federation = { allowedDomain: value })),
      construct: constructAccepts((s) => new FederationAllowedDomain(s, 'Federation', { domain: value })),
      provider: federationAllowedDomain.validate({ domain: value, allow_opening_federation: null, id: null }).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });
});

const GUIDS: Array<[string, boolean]> = [
  ['923c9f0a-b883-4efe-af73-54810da59f83', true],
  ['923C9F0A-B883-4EFE-AF73-54810DA59F83', true],
  ['923c9f0a-b883-4efe-af73-54810da59f8', false],
  ['923c9f0ab8834efeaf7354810da59f83', false],
  ['{923c9f0a-b883-4efe-af73-54810da59f83}', false],
  ['923c9f0a-b883-4efe-af73-54810da59f8g', false],
  ['pexip', false],
];

describe('the GUID rule (application ids)', () => {
  test.each(GUIDS)('%s: schema, construct and provider agree (accepted: %s)', (value, accepted) => {
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.serviceProvider.aadApplicationIds = [value])),
      construct: constructAccepts(
        (s) =>
          new VideoInteropServiceProvider(s, 'Provider', {
            identity: VideoInteropServiceProviderIdentity.PEXIP,
            tenantKey: 'teams@contoso.example',
            aadApplicationIds: [value],
          }),
      ),
      provider: serviceProvider.validate({ identity: 'Pexip', tenant_key: 'teams@contoso.example', aad_application_ids: [value] }).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });
});

describe('the users limit of one assignment', () => {
  const users = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@contoso.example`);

  test.each([
    [MAX_ASSIGNMENT_USERS, true],
    [MAX_ASSIGNMENT_USERS + 1, false],
  ])('%d users: schema, construct and provider agree (accepted: %s)', (count, accepted) => {
    const list = users(count);
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.assignment = { users: list })),
      construct: constructAccepts((s) => new VideoInteropPolicyAssignment(s, 'Pilot', { policyName: 'PexipServiceProviderEnabled', scope: PolicyAssignmentScope.users(list) })),
      provider: policyAssignment.validate(assignmentConfig({ users: Object.fromEntries(list.map((u) => [u, true])) })).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });
});

describe('exactly one assignment scope', () => {
  const GROUP = '09ee50af-2b59-41d0-a324-2cd7726c57ad';
  const USER = 'alice@contoso.example';
  // Each scope as the tenant file (and CviTenant) writes it, and as the provider's attributes do.
  const fileScope = { global: { global: true }, groups: { groups: [{ id: GROUP, rank: 1 }] }, users: { users: [USER] } } as const;
  const providerScope = { global: { global: true }, groups: { group_id: GROUP }, users: { users: { [USER]: true } } } as const;
  type Name = keyof typeof fileScope;

  test.each<[Name[], boolean]>([
    [[], false],
    [['global'], true],
    [['groups'], true],
    [['users'], true],
    [['global', 'users'], false],
    [['groups', 'users'], false],
    [['global', 'groups', 'users'], false],
  ])('%j: schema, construct and provider agree (accepted: %s)', (scopes, accepted) => {
    const assignment = Object.assign({}, ...scopes.map((s) => fileScope[s]));
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.assignment = assignment)),
      construct: constructAccepts(
        (s) =>
          new CviTenant(s, 'Tenant', {
            tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47', name: 'contoso', domain: 'contoso.example' },
            vendor: 'pexip',
            teams: { assignment },
          }),
      ),
      provider: policyAssignment.validate(assignmentConfig(Object.assign({}, ...scopes.map((s) => providerScope[s])))).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });
});

describe('the service provider object', () => {
  const providerConfig = (edit: Record<string, unknown>) => ({ identity: 'Pexip', tenant_key: 'teams@contoso.example', aad_application_ids: null, instruction_uri: null, ...edit });
  const construct = (edit: Record<string, unknown>) =>
    constructAccepts((s) => new VideoInteropServiceProvider(s, 'Provider', { identity: VideoInteropServiceProviderIdentity.PEXIP, tenantKey: 'teams@contoso.example', ...edit }));

  test.each<[string, boolean]>([
    ['https://pexip.me/teams/contoso.com/{ConfId}', true],
    ['https://dialin.plcm.vc/teams/?key=604218573&conf={ConfId}', true],
    ['https://{ConfId}.vc.contoso.example/', true],
    ['https://pexip.me/teams/contoso.com/', false],
    ['http://pexip.me/{ConfId}', false],
    ['javascript:alert(1)//{ConfId}', false],
    ['//pexip.me/{ConfId}', false],
    [' https://pexip.me/{ConfId}', false],
  ])('instruction URI %j: schema, construct and provider agree (accepted: %s)', (uri, accepted) => {
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.serviceProvider.instructionUri = uri)),
      construct: construct({ instructionUri: uri }),
      provider: serviceProvider.validate(providerConfig({ instruction_uri: uri })).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });

  test.each<[string, boolean]>([
    ['teams@contoso.example', true],
    ['604218573@t.plcm.vc', true],
    ['northwind@m.webex.com', true],
    ['teams', false],
    ['', false],
    ['@contoso.example', false],
    ['teams@localhost', false],
    ['tea ms@contoso.example', false],
  ])('tenant key %j: schema, construct and provider agree (accepted: %s)', (tenantKey, accepted) => {
    const verdicts: Verdicts = {
      // Without a dns section: the schema also wants the key's domain in the DNS zone.
      schema: schemaAccepts((t) => {
        t.teams.serviceProvider.tenantKey = tenantKey;
        delete t.dns;
      }),
      construct: construct({ tenantKey }),
      provider: serviceProvider.validate(providerConfig({ tenant_key: tenantKey })).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });

  // The tenant file and the constructs take the platforms Teams knows; the provider takes any
  // well-formed identity (it warns at plan time when no policy names it): the evidence for the
  // list is documentation only. What is malformed is refused by all three.
  test.each<[string, { schema: boolean; construct: boolean; provider: boolean }]>([
    ['Pexip', { schema: true, construct: true, provider: true }],
    ['BlueJeans', { schema: true, construct: true, provider: true }],
    ['Modality', { schema: false, construct: false, provider: true }],
    ['Pexip ', { schema: false, construct: false, provider: false }],
    ['..', { schema: false, construct: false, provider: false }],
    ['a/b', { schema: false, construct: false, provider: false }],
    ['', { schema: false, construct: false, provider: false }],
  ])('identity %j: the tenant level takes the platform list, the provider any well-formed name', (identity, expected) => {
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.serviceProvider.identity = identity)),
      construct: construct({ identity }),
      provider: serviceProvider.validate(providerConfig({ identity })).length === 0,
    };
    expect(verdicts).toEqual(expected);
  });

  test('the construct enum is the list of domain/', () => {
    expect(Object.values(VideoInteropServiceProviderIdentity)).toEqual([...SERVICE_PROVIDER_IDENTITIES]);
  });
});

describe('the policy assignment', () => {
  const groupConfig = (edit: Record<string, unknown>) => assignmentConfig({ group_id: '09ee50af-2b59-41d0-a324-2cd7726c57ad', group_rank: 1, ...edit });

  test.each<[string, boolean]>([
    ['PexipServiceProviderEnabled', true],
    ['Cisco-CVI-2', true],
    ['Tag:PexipServiceProviderEnabled', false],
    ['', false],
    [' ', false],
    ['Pexip Enabled', false],
    ['Pexip/Enabled', false],
  ])('policy name %j: schema, construct and provider agree (accepted: %s)', (policyName, accepted) => {
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.assignment = { policyName, global: true })),
      construct: constructAccepts((s) => new VideoInteropPolicyAssignment(s, 'A', { policyName, scope: PolicyAssignmentScope.global() })),
      provider: policyAssignment.validate(groupConfig({ policy_name: policyName })).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });

  test.each<[number, boolean]>([
    [1, true],
    [MAX_GROUP_ASSIGNMENTS, true],
    [0, false],
    [MAX_GROUP_ASSIGNMENTS + 1, false],
    [1.5, false],
  ])('group rank %d: schema, construct and provider agree (accepted: %s)', (rank, accepted) => {
    const group = '09ee50af-2b59-41d0-a324-2cd7726c57ad';
    // The schema also wants ranks 1 to N without gaps: one group of rank r is accepted only at r = 1,
    // so the schema is asked with r groups whose last one has rank r.
    const groups = Number.isInteger(rank) && rank >= 1
      ? Array.from({ length: rank }, (_, i) => ({ id: `09ee50af-2b59-41d0-a324-${String(i).padStart(12, '0')}`, rank: i + 1 }))
      : [{ id: group, rank }];
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.assignment = { groups })),
      construct: constructAccepts((s) => new VideoInteropPolicyAssignment(s, 'A', { policyName: 'PexipServiceProviderEnabled', scope: PolicyAssignmentScope.group(group, rank) })),
      provider: policyAssignment.validate(groupConfig({ group_rank: rank })).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });
});

describe('a user of a users assignment', () => {
  test.each<[string, boolean]>([
    ['alice@contoso.example', true],
    ['sip:alice@contoso.example', true],
    ['50423882-9d62-4870-9b0f-3b72d95ee7a8', true],
    ['alice', false],
    ['alice@contoso.example/x', false],
    ['..', false],
    ['alice smith@contoso.example', false],
    ['sip:alice', false],
  ])('%j: schema, construct and provider agree (accepted: %s)', (user, accepted) => {
    const verdicts: Verdicts = {
      schema: schemaAccepts((t) => (t.teams.assignment = { users: [user] })),
      construct: constructAccepts((s) => new VideoInteropPolicyAssignment(s, 'Pilot', { policyName: 'PexipServiceProviderEnabled', scope: PolicyAssignmentScope.users([user]) })),
      provider: policyAssignment.validate(assignmentConfig({ users: { [user]: true } })).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
  });
});

describe('a policy assignment import id (tenant file and provider)', () => {
  test.each<[string, boolean]>([
    ['global', true],
    ['global/PexipServiceProviderEnabled', true],
    ['group/09ee50af-2b59-41d0-a324-2cd7726c57ad', true],
    ['users/PexipServiceProviderEnabled/alice@contoso.example', true],
    ['group/sales', false],
    ['global/a/b', false],
    ['users/', false],
    ['Global', false],
  ])('%j: the schema takes what the provider parses (accepted: %s)', (id, accepted) => {
    const verdicts = {
      schema: schemaAccepts((t) => (t.import = { teams: { policyAssignments: [id] } })),
      provider: parsePolicyAssignmentImportId(id).ok,
    };
    expect(verdicts).toEqual({ schema: accepted, provider: accepted });
  });
});

describe('the SRV service label (schema and construct; the provider writes no DNS)', () => {
  test.each<[string, boolean]>([
    ['sip', true],
    ['h323cs', true],
    ['sips', true],
    ['a'.repeat(15), true],
    ['a'.repeat(16), false],
    ['_sip', false],
    ['SIP', false],
    ['sip-', false],
    ['', false],
  ])('%j: schema and construct agree (accepted: %s)', (service, accepted) => {
    const record = { service, protocol: 'tcp' as const, port: 5060, target: 'px01.contoso.example' };
    const verdicts = {
      schema: schemaAccepts((t) => (t.dns.records = [record])),
      construct: constructAccepts((s) => new CviDnsRecords(s, 'Dns', { zone: DnsZone.rfc2136('contoso.example'), records: [record] })),
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted });
  });
});

describe('the tenant name (schema and cvi export --name, so an exported file loads)', () => {
  const exportAccepts = (name: string) => {
    try {
      parseExportOptions(['--tenant-id', '6b0e7c1a-2f4d-4c8e-9a51-3d7f2e8b1c40', '--name', name]);
      return true;
    } catch {
      return false;
    }
  };
  test.each<[string, boolean]>([
    ['contoso', true],
    ['contoso-eu-2', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['Contoso', false],
    ['-contoso', false],
    ['contoso_eu', false],
  ])('%j: schema and export agree (accepted: %s)', (name, accepted) => {
    const verdicts = { schema: schemaAccepts((t) => (t.tenant.name = name)), export: exportAccepts(name) };
    expect(verdicts).toEqual({ schema: accepted, export: accepted });
  });
});

describe('the clouds', () => {
  test('the construct enum, the provider environments and the client hosts name the same clouds', () => {
    const sorted = (names: Iterable<string>) => [...names].sort();
    expect(sorted(Object.values(TeamsCloud))).toEqual(sorted(CLOUDS));
    expect(sorted(ENVIRONMENTS)).toEqual(sorted(CLOUDS));
    expect(sorted(Object.keys(CLOUD_HOSTS))).toEqual(sorted(CLOUDS));
    expect(sorted(Object.keys(AUTHORITY_HOSTS))).toEqual(sorted(CLOUDS));
  });
});
