import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import './support/matchers';
import {
  CviFederationAllowedDomain,
  CviProvider,
  CviVideoInteropPolicyAssignment,
  CviVideoInteropServiceProvider,
  CVI_PROVIDER_SOURCE,
  DataCviVideoInteropPolicies,
  DataCviVideoInteropServiceProviders,
} from '../../../constructs/cvi';

function synthJson(build: (stack: TerraformStack) => void): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

describe('cvi provider binding', () => {
  test('given a tenant id and endpoint, the provider block carries them in snake_case', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CviProvider(scope, 'cvi', { tenantId: '11111111-2222-3333-4444-555555555555', endpoint: 'http://127.0.0.1:9', operationTimeoutSeconds: 60 });
    });
    expect(synthesized).toHaveProviderWithProperties(CviProvider, {
      tenant_id: '11111111-2222-3333-4444-555555555555',
      endpoint: 'http://127.0.0.1:9',
      operation_timeout_seconds: 60,
    });
  });

  test('when synthesized, the stack requires the provider from the project mirror at 0.1.0', () => {
    const json = synthJson((stack) => new CviProvider(stack, 'cvi'));
    expect(json.terraform.required_providers.cvi).toEqual({ source: CVI_PROVIDER_SOURCE, version: '0.1.0' });
  });

  test('given no configuration, the provider block holds no attributes at all', () => {
    const json = synthJson((stack) => new CviProvider(stack, 'cvi'));
    expect(json.provider.cvi).toEqual([{}]);
  });

  test('a setter on the provider changes its block, e.g. OIDC sign-in for a pipeline', () => {
    const json = synthJson((stack) => {
      const provider = new CviProvider(stack, 'cvi', { tenantId: 't' });
      provider.useOidc = true;
      provider.clientId = 'c';
    });
    expect(json.provider.cvi[0]).toEqual({ tenant_id: 't', use_oidc: true, client_id: 'c' });
  });

  test('given an alias, the provider block and its fqn use it', () => {
    let fqn = '';
    const json = synthJson((stack) => {
      fqn = new CviProvider(stack, 'cvi', { alias: 'contoso' }).fqn;
    });
    expect(json.provider.cvi[0].alias).toBe('contoso');
    expect(fqn).toBe('cvi.contoso');
  });
});

describe('cvi resource bindings', () => {
  test('the service provider maps every camelCase prop onto its snake_case attribute', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CviVideoInteropServiceProvider(scope, 'p', {
        identity: 'Pexip',
        tenantKey: 'teams@contoso.com',
        instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
        aadApplicationIds: ['923c9f0a-b883-4efe-af73-54810da59f83'],
        allowAppGuestJoinsAsAuthenticated: true,
      });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropServiceProvider, {
      identity: 'Pexip',
      tenant_key: 'teams@contoso.com',
      instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}',
      aad_application_ids: ['923c9f0a-b883-4efe-af73-54810da59f83'],
      allow_app_guest_joins_as_authenticated: true,
    });
  });

  test('optional service provider attributes that are not set are left out of the JSON', () => {
    const json = synthJson((stack) => new CviVideoInteropServiceProvider(stack, 'p', { identity: 'Cisco', tenantKey: 'acme@m.webex.com' }));
    expect(json.resource.cvi_video_interop_service_provider.p).toEqual({ identity: 'Cisco', tenant_key: 'acme@m.webex.com' });
  });

  test('a setter changes the synthesized attribute', () => {
    const json = synthJson((stack) => {
      const p = new CviVideoInteropServiceProvider(stack, 'p', { identity: 'Pexip', tenantKey: 'teams@a.com' });
      p.tenantKey = 'teams@b.com';
    });
    expect(json.resource.cvi_video_interop_service_provider.p.tenant_key).toBe('teams@b.com');
  });

  test('a getter of a resource attribute is a Terraform reference to it', () => {
    const json = synthJson((stack) => {
      const p = new CviVideoInteropServiceProvider(stack, 'p', { identity: 'Pexip', tenantKey: 'teams@a.com' });
      new CviVideoInteropPolicyAssignment(stack, 'a', { policyName: 'PexipServiceProviderEnabled', global: true, dependsOn: [p] });
      new CviFederationAllowedDomain(stack, 'd', { domain: p.identity });
    });
    expect(json.resource.cvi_federation_allowed_domain.d.domain).toBe('${cvi_video_interop_service_provider.p.identity}');
    expect(json.resource.cvi_video_interop_policy_assignment.a.depends_on).toEqual(['cvi_video_interop_service_provider.p']);
  });

  test('a group policy assignment carries group_id and group_rank and no other scope', () => {
    const json = synthJson((stack) =>
      new CviVideoInteropPolicyAssignment(stack, 'a', { policyName: 'PexipServiceProviderEnabled', groupId: 'g', groupRank: 2 }),
    );
    expect(json.resource.cvi_video_interop_policy_assignment.a).toEqual({ policy_name: 'PexipServiceProviderEnabled', group_id: 'g', group_rank: 2 });
  });

  test('a users policy assignment carries the users as a map from each user to true', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CviVideoInteropPolicyAssignment(scope, 'a', { policyName: 'X', users: ['a@contoso.com', 'b@contoso.com'] });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { users: { 'a@contoso.com': true, 'b@contoso.com': true } });
  });

  test('users known only at apply time become a for-expression building the map', () => {
    const synthesized = Testing.synthScope((scope) => {
      const pilots = new TerraformVariable(scope, 'pilots', { type: 'list(string)' });
      new CviVideoInteropPolicyAssignment(scope, 'a', { policyName: 'X', users: pilots.listValue });
    });
    expect(JSON.parse(synthesized).resource.cvi_video_interop_policy_assignment.a.users).toBe('${{ for key, val in toset(var.pilots): val => true }}');
  });

  test('a user spelled like a template stays literal', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CviVideoInteropPolicyAssignment(scope, 'a', { policyName: 'X', users: ['a${b}@contoso.com'] });
    });
    expect(JSON.parse(synthesized).resource.cvi_video_interop_policy_assignment.a.users).toEqual({ 'a$${b}@contoso.com': true });
  });

  test('the federation allowed domain binds its domain', () => {
    const synthesized = Testing.synthScope((scope) => {
      new CviFederationAllowedDomain(scope, 'd', { domain: 'pexip.me' });
    });
    expect(synthesized).toHaveResourceWithProperties(CviFederationAllowedDomain, { domain: 'pexip.me' });
  });

  test('every resource binding writes takeOver as take_over, and leaves it out when not set', () => {
    const json = synthJson((stack) => {
      new CviVideoInteropServiceProvider(stack, 'p', { identity: 'Pexip', tenantKey: 'teams@a.com', takeOver: true });
      new CviVideoInteropPolicyAssignment(stack, 'a', { policyName: 'PexipServiceProviderEnabled', global: true, takeOver: true });
      const d = new CviFederationAllowedDomain(stack, 'd', { domain: 'pexip.me' });
      d.takeOver = true;
      new CviFederationAllowedDomain(stack, 'e', { domain: 'other.example.com' });
    });
    expect(json.resource.cvi_video_interop_service_provider.p.take_over).toBe(true);
    expect(json.resource.cvi_video_interop_policy_assignment.a.take_over).toBe(true);
    expect(json.resource.cvi_federation_allowed_domain.d.take_over).toBe(true);
    expect(json.resource.cvi_federation_allowed_domain.e).toEqual({ domain: 'other.example.com' });
  });

  test('the HCL rendering names the same attributes as the JSON one', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'hcl');
    new CviProvider(stack, 'cvi', { tenantId: 't' });
    new CviVideoInteropServiceProvider(stack, 'p', { identity: 'Pexip', tenantKey: 'teams@a.com', aadApplicationIds: ['x'] });
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toContain('tenant_key = "teams@a.com"');
    expect(hcl).toMatch(/aad_application_ids = \[\s*"x"\s*\]/);
    expect(hcl).toContain('tenant_id = "t"');
  });

  test('the HCL rendering writes users as a map with quoted keys', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'hcl');
    new CviProvider(stack, 'cvi', { tenantId: 't' });
    new CviVideoInteropPolicyAssignment(stack, 'a', { policyName: 'X', users: ['a@contoso.com'] });
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toMatch(/users = \{\s*"a@contoso\.com" = true\s*\}/);
  });
});

describe('data source bindings', () => {
  test('a service providers data source with an identity synthesizes a data block with the filter', () => {
    const json = synthJson((stack) => new DataCviVideoInteropServiceProviders(stack, 'pexip', { identity: 'Pexip' }));
    expect(json.data.cvi_video_interop_service_providers.pexip).toEqual({ identity: 'Pexip' });
  });

  test('a policies data source without a filter synthesizes an empty data block', () => {
    const json = synthJson((stack) => new DataCviVideoInteropPolicies(stack, 'all'));
    expect(json.data.cvi_video_interop_policies.all).toEqual({});
  });

  test('an element of the listed objects is a reference into the data source', () => {
    const json = synthJson((stack) => {
      const policies = new DataCviVideoInteropPolicies(stack, 'pexip', { providerName: 'Pexip' });
      new CviVideoInteropPolicyAssignment(stack, 'global', { policyName: policies.policies.get(0).name, global: true });
    });
    expect(json.resource.cvi_video_interop_policy_assignment.global.policy_name).toBe('${data.cvi_video_interop_policies.pexip.policies[0].name}');
  });
});
