import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { constructPathOf, parseStackConfig, readStackConfig } from '../../../../scripts/drift/stack-config';

const TENANT_ID = 'a1a1a1a1-0000-4000-8000-00000000a1fa';
const GROUP = '1d2e3f40-0000-4000-8000-000000000001';

/** The shape cdktf synthesizes for a Pexip tenant with one group (trimmed to what drift reads). */
const stack = {
  provider: { cvi: [{ endpoint: 'http://127.0.0.1:9', tenant_id: TENANT_ID }] },
  resource: {
    cvi_video_interop_policy_assignment: {
      [`tenant_assignment-group-${GROUP}_5C24B8C6`]: {
        '//': { metadata: { path: `alpha/tenant/assignment-group-${GROUP}/Resource` } },
        group_id: GROUP,
        group_rank: 2,
        policy_name: 'PexipServiceProviderEnabled',
      },
    },
    cvi_video_interop_service_provider: {
      'tenant_teams-provider_F52F7836': { '//': { metadata: { path: 'alpha/tenant/teams-provider/Resource' } }, identity: 'Pexip', tenant_key: 'teams@alpha.example' },
    },
  },
  terraform: { backend: { local: { path: 'terraform.alpha.tfstate' } }, required_providers: { cvi: { source: 'terraform.local/teams-cvi/cvi', version: '0.1.0' } } },
};

describe('what drift reads from a synthesized stack', () => {
  test('the construct path drops the stack name and the L1 Resource child', () => {
    expect(constructPathOf('alpha/tenant/teams-provider/Resource', 'alpha')).toBe('tenant/teams-provider');
    expect(constructPathOf('alpha/tenant/records', 'alpha')).toBe('tenant/records');
  });

  test('construct paths by type.name, the tenant id and the provider endpoint', () => {
    const config = parseStackConfig(JSON.stringify(stack), 'alpha');
    expect(config.constructPaths.get('cvi_video_interop_service_provider.tenant_teams-provider_F52F7836')).toBe('tenant/teams-provider');
    expect(config.tenantId).toBe(TENANT_ID);
    expect(config.connection).toEqual({ tenantId: TENANT_ID, endpoint: 'http://127.0.0.1:9', environment: undefined });
  });

  test('the Teams objects it declares, in Teams terms', () => {
    expect(parseStackConfig(JSON.stringify(stack), 'alpha').teams).toEqual({
      serviceProviders: ['Pexip'],
      assignments: [{ policyName: 'PexipServiceProviderEnabled', groupId: GROUP, groupRank: 2 }],
      federationDomains: [],
    });
  });

  test('users declared as a map from user to true (the escaped template spelling undone), or as a list in an older synth', () => {
    const withUsers = (users: unknown) =>
      JSON.stringify({ ...stack, resource: { cvi_video_interop_policy_assignment: { pilot: { policy_name: 'PexipServiceProviderEnabled', users } } } });

    expect(parseStackConfig(withUsers({ 'a@x': true, 'b$${c}@x': true }), 'alpha').teams?.assignments).toEqual([{ policyName: 'PexipServiceProviderEnabled', users: ['a@x', 'b${c}@x'] }]);
    expect(parseStackConfig(withUsers(['a@x']), 'alpha').teams?.assignments).toEqual([{ policyName: 'PexipServiceProviderEnabled', users: ['a@x'] }]);
  });

  test('a stack without Teams objects declares none, so it has nothing to compare live objects with', () => {
    const config = parseStackConfig(JSON.stringify({ resource: { terraform_data: { x: { input: 'y' } } } }), 'lab');
    expect(config.teams).toBeUndefined();
    expect(config.tenantId).toBeUndefined();
  });

  test('a stack file that cannot be read is one line naming the file and what to do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cvi-stack-config-'));
    try {
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{ not json');
      expect(() => readStackConfig(dir, 'x')).toThrow(new RegExp(`^${path.join(dir, 'cdk.tf.json')}: cannot read the synthesized stack \\(.*\\); synth again$`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
