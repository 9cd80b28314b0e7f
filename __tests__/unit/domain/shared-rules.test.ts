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
import { MAX_ASSIGNMENT_USERS } from '../../../domain';
import { PolicyAssignmentScope, VideoInteropPolicyAssignment } from '../../../constructs/video-interop-policy-assignment';
import { policyAssignment } from '../../../provider/resources/policy-assignment';
import { federationAllowedDomain } from '../../../provider/resources/federation-allowed-domain';
import { serviceProvider } from '../../../provider/resources/service-provider';
import { parseTenantFile } from '../../../stacks';
import { AUTHORITY_HOSTS, CLOUD_HOSTS } from '../../../teams';
import { stringify } from 'yaml';
import { pexipTenant } from '../stacks/tenant-fixtures';

type Verdicts = { schema: boolean; construct: boolean; provider: boolean };

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
      provider:
        policyAssignment.validate({
          id: null,
          policy_name: 'PexipServiceProviderEnabled',
          global: null,
          group_id: null,
          group_rank: null,
          take_over: null,
          users: Object.fromEntries(list.map((u) => [u, true])),
        }).length === 0,
    };
    expect(verdicts).toEqual({ schema: accepted, construct: accepted, provider: accepted });
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
