import { Testing, TerraformStack } from 'cdktf';
import './support/matchers';
import { Construct } from 'constructs';
import { CviFederationAllowedDomain, CviVideoInteropPolicyAssignment, CviVideoInteropServiceProvider } from '../../../constructs/cvi';
import { VideoInteropServiceProvider, VideoInteropServiceProviderIdentity } from '../../../constructs/video-interop-service-provider';
import { PolicyAssignmentScope, VideoInteropPolicyAssignment } from '../../../constructs/video-interop-policy-assignment';
import { FederationAllowedDomain } from '../../../constructs/federation-allowed-domain';

const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const GROUP = '0f0e0d0c-0b0a-4908-8706-050403020100';

function inStack(build: (scope: Construct) => void): Construct {
  const stack = new TerraformStack(Testing.app(), 'test');
  build(stack);
  return stack;
}

describe('VideoInteropServiceProvider', () => {
  test('given a Pexip provider, the resource carries identity, tenant key, instruction URI and app ids', () => {
    const synthesized = Testing.synthScope((scope) => {
      new VideoInteropServiceProvider(scope, 'Provider', {
        identity: VideoInteropServiceProviderIdentity.PEXIP,
        tenantKey: 'teams@contoso.com',
        instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
        aadApplicationIds: [PEXIP_APP],
        allowAppGuestJoinsAsAuthenticated: true,
      });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropServiceProvider, {
      identity: 'Pexip',
      tenant_key: 'teams@contoso.com',
      instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}',
      aad_application_ids: [PEXIP_APP],
      allow_app_guest_joins_as_authenticated: true,
    });
  });

  test('an instruction URI without the {ConfId} placeholder is rejected with the prop and the value', () => {
    expect(() =>
      inStack((s) => new VideoInteropServiceProvider(s, 'Provider', { identity: VideoInteropServiceProviderIdentity.PEXIP, tenantKey: 'teams@contoso.com', instructionUri: 'https://pexip.me/teams/contoso.com' })),
    ).toThrow(/test\/Provider: instructionUri must contain the \{ConfId\} placeholder Teams fills with the conference id; got "https:\/\/pexip.me\/teams\/contoso.com"/);
  });

  test('an instruction URI that is not https is rejected', () => {
    expect(() =>
      inStack((s) => new VideoInteropServiceProvider(s, 'Provider', { identity: VideoInteropServiceProviderIdentity.PEXIP, tenantKey: 'teams@contoso.com', instructionUri: 'http://x/{ConfId}' })),
    ).toThrow(/instructionUri must be an https: URL such as/);
  });

  test('a tenant key without @ is rejected', () => {
    expect(() => inStack((s) => new VideoInteropServiceProvider(s, 'Provider', { identity: VideoInteropServiceProviderIdentity.CISCO, tenantKey: 'contoso' }))).toThrow(
      /tenantKey must be the vendor's IVR address/,
    );
  });

  test('an app id that is not a GUID is rejected with its index', () => {
    expect(() =>
      inStack((s) => new VideoInteropServiceProvider(s, 'Provider', { identity: VideoInteropServiceProviderIdentity.PEXIP, tenantKey: 'teams@contoso.com', aadApplicationIds: [PEXIP_APP, 'pexip'] })),
    ).toThrow(/aadApplicationIds\[1\] must be a GUID/);
  });

  test('an identity outside the known platforms is rejected with the allowed list and what a hosted service uses', () => {
    expect(() =>
      inStack((s) => new VideoInteropServiceProvider(s, 'Provider', { identity: 'Zoom' as VideoInteropServiceProviderIdentity, tenantKey: 'teams@contoso.com' })),
    ).toThrow(/identity must name a CVI platform Teams knows \(Pexip, Polycom, Cisco, BlueJeans\); a hosted CVI service uses the identity of the platform it runs on.*; got "Zoom"/);
  });

  test('a tenant key that is a token is not validated at synth time', () => {
    const synthesized = Testing.synthScope((scope) => {
      const other = new CviVideoInteropServiceProvider(scope, 'Other', { identity: 'Cisco', tenantKey: 'a@m.webex.com' });
      new VideoInteropServiceProvider(scope, 'Provider', { identity: VideoInteropServiceProviderIdentity.PEXIP, tenantKey: other.tenantKey });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropServiceProvider, { tenant_key: '${cvi_video_interop_service_provider.Other.tenant_key}' });
  });
});

describe('VideoInteropPolicyAssignment', () => {
  test('with no scope given, the policy is granted to the whole tenant', () => {
    const synthesized = Testing.synthScope((scope) => {
      new VideoInteropPolicyAssignment(scope, 'Assignment', { policyName: 'PexipServiceProviderEnabled' });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { policy_name: 'PexipServiceProviderEnabled', global: true });
  });

  test('a group scope carries the group id and its rank and no global flag', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        new VideoInteropPolicyAssignment(scope, 'Assignment', { policyName: 'PexipServiceProviderEnabled', scope: PolicyAssignmentScope.group(GROUP, 3) });
      }),
    );
    const resource = Object.values(json.resource.cvi_video_interop_policy_assignment)[0];
    expect(resource).toEqual({ policy_name: 'PexipServiceProviderEnabled', group_id: GROUP, group_rank: 3 });
  });

  test('a group scope without a rank gets rank 1', () => {
    const synthesized = Testing.synthScope((scope) => {
      new VideoInteropPolicyAssignment(scope, 'Assignment', { policyName: 'P', scope: PolicyAssignmentScope.group(GROUP) });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { group_rank: 1 });
  });

  test('a users scope carries the users', () => {
    const synthesized = Testing.synthScope((scope) => {
      new VideoInteropPolicyAssignment(scope, 'Assignment', { policyName: 'P', scope: PolicyAssignmentScope.users(['pilot@contoso.com']) });
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { users: { 'pilot@contoso.com': true } });
  });

  test('a users scope over 50,000 users is rejected, naming the limit and the count', () => {
    const users = Array.from({ length: 50_001 }, (_, i) => `user${i}@contoso.com`);
    expect(() => inStack((s) => new VideoInteropPolicyAssignment(s, 'Assignment', { policyName: 'P', scope: PolicyAssignmentScope.users(users) }))).toThrow(
      /scope\.users may name at most 50000 users \(assign a group instead\); got "50001 users"/,
    );
  });

  test('a policy name with the Tag: prefix is rejected', () => {
    expect(() => inStack((s) => new VideoInteropPolicyAssignment(s, 'Assignment', { policyName: 'Tag:PexipServiceProviderEnabled' }))).toThrow(
      /policyName must be written without the Tag: prefix, e.g. "PexipServiceProviderEnabled"; got "Tag:PexipServiceProviderEnabled"/,
    );
  });

  test('a group rank of zero is rejected', () => {
    expect(() => inStack((s) => new VideoInteropPolicyAssignment(s, 'A', { policyName: 'P', scope: PolicyAssignmentScope.group(GROUP, 0) }))).toThrow(
      /scope.groupRank must be a whole number from 1 \(the highest precedence\) to 64/,
    );
  });

  test('a group id that is not a GUID is rejected', () => {
    expect(() => inStack((s) => new VideoInteropPolicyAssignment(s, 'A', { policyName: 'P', scope: PolicyAssignmentScope.group('pilots') }))).toThrow(
      /scope.groupId must be a GUID \(8-4-4-4-12 hex digits\); got "pilots"/,
    );
  });

  test('an empty users scope is rejected', () => {
    expect(() => inStack((s) => new VideoInteropPolicyAssignment(s, 'A', { policyName: 'P', scope: PolicyAssignmentScope.users([]) }))).toThrow(
      /scope.users must name at least one user/,
    );
  });
});

describe('FederationAllowedDomain', () => {
  test('the domain is written in lower case so plans stay stable', () => {
    const synthesized = Testing.synthScope((scope) => {
      new FederationAllowedDomain(scope, 'Federation', { domain: 'Pexip.ME' });
    });
    expect(synthesized).toHaveResourceWithProperties(CviFederationAllowedDomain, { domain: 'pexip.me' });
  });

  test('takeOver reaches take_over on each Teams construct, and is absent unless set', () => {
    const json = JSON.parse(
      Testing.synthScope((scope) => {
        new VideoInteropServiceProvider(scope, 'Provider', { identity: VideoInteropServiceProviderIdentity.PEXIP, tenantKey: 'teams@contoso.com', takeOver: true });
        new VideoInteropPolicyAssignment(scope, 'Assignment', { policyName: 'PexipServiceProviderEnabled', scope: PolicyAssignmentScope.group(GROUP), takeOver: true });
        new FederationAllowedDomain(scope, 'Federation', { domain: 'pexip.me', takeOver: true });
        new FederationAllowedDomain(scope, 'Other', { domain: 'other.example.com' });
      }),
    );
    const takeOver = (type: string) => Object.values(json.resource[type] as Record<string, { take_over?: boolean }>).map((r) => r.take_over);
    expect(takeOver('cvi_video_interop_service_provider')).toEqual([true]);
    expect(takeOver('cvi_video_interop_policy_assignment')).toEqual([true]);
    expect(takeOver('cvi_federation_allowed_domain').sort()).toEqual([true, undefined]);
  });

  test('a value that is not a domain is rejected', () => {
    expect(() => inStack((s) => new FederationAllowedDomain(s, 'Federation', { domain: 'https://pexip.me' }))).toThrow(
      /domain must be a DNS domain name such as "example.com"; got "https:\/\/pexip.me"/,
    );
  });
});
