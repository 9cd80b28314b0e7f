import { Testing, TerraformStack } from 'cdktf';
import './support/matchers';
import { CviTenant, CviTenantProps } from '../../../constructs/cvi-tenant';
import { CviFederationAllowedDomain, CviProvider, CviVideoInteropPolicyAssignment, CviVideoInteropServiceProvider } from '../../../constructs/cvi';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { SrvRecordSet } from '@cdktf/provider-dns/lib/srv-record-set';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const POLY_APPS = ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'];
const OWN_APP = '5a0e7d8c-1111-4b2e-9c3d-222233334444';
const GROUP_A = '0f0e0d0c-0b0a-4908-8706-050403020100';
const GROUP_B = '1f0e0d0c-0b0a-4908-8706-050403020101';

const pexip = (overrides: Partial<CviTenantProps> = {}): CviTenantProps => ({
  tenant: { id: TENANT_ID, name: 'contoso', domain: 'contoso.com' },
  vendor: 'pexip',
  teams: { assignment: { global: true } },
  ...overrides,
});

function synth(props: CviTenantProps): string {
  const stack = new TerraformStack(Testing.app(), props.tenant.name);
  new CviTenant(stack, 'tenant', props);
  return Testing.synth(stack);
}

function resources(synthesized: string, type: string): Record<string, any>[] {
  return Object.values(JSON.parse(synthesized).resource?.[type] ?? {});
}

describe('CviTenant with vendor defaults', () => {
  test('a Pexip tenant gets service provider identity Pexip with the tenant key, instruction URI and consent app id from the vendor', () => {
    expect(synth(pexip())).toHaveResourceWithProperties(CviVideoInteropServiceProvider, {
      identity: 'Pexip',
      tenant_key: 'teams@contoso.com',
      instruction_uri: 'https://pexip.me/teams/contoso.com/{ConfId}',
      aad_application_ids: [PEXIP_APP],
    });
  });

  test('a Pexip tenant grants PexipServiceProviderEnabled tenant-wide', () => {
    expect(synth(pexip())).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { policy_name: 'PexipServiceProviderEnabled', global: true });
  });

  test('a Pexip tenant consents to the Pexip app in the tenant', () => {
    expect(synth(pexip())).toHaveResourceWithProperties(ServicePrincipal, { client_id: PEXIP_APP });
  });

  test('the cvi provider block carries the tenant id and the Teams endpoint', () => {
    expect(synth(pexip({ teamsEndpoint: 'http://127.0.0.1:4443' }))).toHaveProviderWithProperties(CviProvider, {
      tenant_id: TENANT_ID,
      endpoint: 'http://127.0.0.1:4443',
    });
  });

  test('the service provider depends on the consent grant: service principal, app role assignments and delegated grant', () => {
    const [provider] = resources(synth(pexip()), 'cvi_video_interop_service_provider');
    const dependsOn: string[] = provider.depends_on;
    expect(dependsOn.some((d) => d.startsWith('azuread_service_principal.'))).toBe(true);
    expect(dependsOn.filter((d) => d.startsWith('azuread_app_role_assignment.'))).toHaveLength(4);
    expect(dependsOn.some((d) => d.startsWith('azuread_service_principal_delegated_permission_grant.'))).toBe(true);
  });

  test('the policy assignment depends on the service provider', () => {
    const synthesized = synth(pexip());
    const [assignment] = resources(synthesized, 'cvi_video_interop_policy_assignment');
    const providerName = Object.keys(JSON.parse(synthesized).resource.cvi_video_interop_service_provider)[0];
    expect(assignment.depends_on).toEqual([`cvi_video_interop_service_provider.${providerName}`]);
  });

  test('a consent app id given in the file flows into aad_application_ids', () => {
    expect(synth(pexip({ consent: { appId: OWN_APP } }))).toHaveResourceWithProperties(CviVideoInteropServiceProvider, { aad_application_ids: [OWN_APP] });
  });

  test('a Poly tenant gets identity Polycom, its policy, and both RealConnect app ids', () => {
    const synthesized = synth({
      tenant: { id: TENANT_ID, name: 'fabrikam', domain: 'fabrikam.com' },
      vendor: 'poly',
      teams: { serviceProvider: { tenantKey: '813878896@t.plcm.vc' }, assignment: { global: true } },
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropServiceProvider, { identity: 'Polycom', tenant_key: '813878896@t.plcm.vc', aad_application_ids: POLY_APPS });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { policy_name: 'PolycomServiceProviderEnabled' });
  });

  test('values in the file win over the vendor defaults', () => {
    const synthesized = synth(
      pexip({
        teams: {
          serviceProvider: { tenantKey: 'vc@video.contoso.com', instructionUri: 'https://join.contoso.com/{ConfId}', allowAppGuestJoinsAsAuthenticated: true },
          assignment: { policyName: 'ServiceProviderDisabled', global: true },
        },
      }),
    );
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropServiceProvider, {
      tenant_key: 'vc@video.contoso.com',
      instruction_uri: 'https://join.contoso.com/{ConfId}',
      allow_app_guest_joins_as_authenticated: true,
    });
    expect(synthesized).toHaveResourceWithProperties(CviVideoInteropPolicyAssignment, { policy_name: 'ServiceProviderDisabled' });
  });

  test('a Cisco tenant without an app id is rejected naming consent.appId', () => {
    expect(() =>
      synth({ tenant: { id: TENANT_ID, name: 'acme', domain: 'acme.com' }, vendor: 'cisco', teams: { serviceProvider: { tenantKey: 'acme@m.webex.com' }, assignment: { global: true } } }),
    ).toThrow(/tenant acme: consent.appId is required for vendor cisco/);
  });

  test('a custom vendor without a service provider identity is rejected naming teams.serviceProvider.identity', () => {
    expect(() =>
      synth({ tenant: { id: TENANT_ID, name: 'acme', domain: 'acme.com' }, vendor: 'custom', teams: { serviceProvider: { tenantKey: 'x@acme.com' }, assignment: { global: true } }, consent: { enabled: false } }),
    ).toThrow(/tenant acme: teams.serviceProvider.identity is required for vendor custom/);
  });
});

describe('CviTenant consent for every app id of the vendor', () => {
  const poly = (overrides: Partial<CviTenantProps> = {}): CviTenantProps => ({
    tenant: { id: TENANT_ID, name: 'fabrikam', domain: 'fabrikam.com' },
    vendor: 'poly',
    teams: { serviceProvider: { tenantKey: '813878896@t.plcm.vc' }, assignment: { global: true } },
    ...overrides,
  });
  const byClientId = (synthesized: string) =>
    Object.fromEntries(Object.entries<any>(JSON.parse(synthesized).resource.azuread_service_principal).map(([name, sp]) => [sp.client_id, name]));

  test('a Poly tenant consents both RealConnect apps: a service principal, four app roles and a delegated grant each', () => {
    const synthesized = synth(poly());
    expect(Object.keys(byClientId(synthesized)).sort()).toEqual([...POLY_APPS].sort());
    expect(resources(synthesized, 'azuread_app_role_assignment')).toHaveLength(8);
    expect(resources(synthesized, 'azuread_service_principal_delegated_permission_grant')).toHaveLength(2);
  });

  test('the first app keeps the address a one-app consent had; the second is named after its app id', () => {
    const both = byClientId(synth(poly()));
    const firstOnly = byClientId(synth(poly({ consent: { appId: POLY_APPS[0] } })));
    expect(both[POLY_APPS[0]]).toBe(firstOnly[POLY_APPS[0]]);
    expect(both[POLY_APPS[1]]).toContain(`consent-${POLY_APPS[1]}`);
  });

  test('the service provider waits for both consents', () => {
    const synthesized = synth(poly());
    const [provider] = resources(synthesized, 'cvi_video_interop_service_provider');
    const spNames = Object.values(byClientId(synthesized)).map((n) => `azuread_service_principal.${n}`);
    expect(provider.depends_on).toEqual(expect.arrayContaining(spNames));
    expect(provider.depends_on.filter((d: string) => d.startsWith('azuread_app_role_assignment.'))).toHaveLength(8);
  });

  test('a consent app id in the file narrows consent to that app', () => {
    expect(Object.keys(byClientId(synth(poly({ consent: { appId: POLY_APPS[1] } }))))).toEqual([POLY_APPS[1]]);
  });

  test('a Pexip tenant still has exactly one consent', () => {
    expect(Object.keys(byClientId(synth(pexip())))).toEqual([PEXIP_APP]);
  });
});

describe('CviTenant without consent (Teams only)', () => {
  const teamsOnly = pexip({ consent: { enabled: false } });

  test('no azuread provider and no consent resources are synthesized', () => {
    const synthesized = synth(teamsOnly);
    expect(synthesized).not.toHaveProvider(AzureadProvider);
    expect(synthesized).not.toHaveResource(ServicePrincipal);
  });

  test('the Teams provider still carries the vendor app id and has no dependency', () => {
    const [provider] = resources(synth(teamsOnly), 'cvi_video_interop_service_provider');
    expect(provider.aad_application_ids).toEqual([PEXIP_APP]);
    expect(provider.depends_on).toBeUndefined();
  });
});

describe('CviTenant assignment scopes', () => {
  test('groups become one assignment per group with its rank', () => {
    const synthesized = synth(pexip({ teams: { assignment: { groups: [{ id: GROUP_A, rank: 1 }, { id: GROUP_B, rank: 2 }] } } }));
    const assignments = resources(synthesized, 'cvi_video_interop_policy_assignment').map((a) => [a.group_id, a.group_rank]);
    expect(assignments).toEqual(expect.arrayContaining([[GROUP_A, 1], [GROUP_B, 2]]));
    expect(assignments).toHaveLength(2);
  });

  test('users become one assignment holding every user', () => {
    expect(synth(pexip({ teams: { assignment: { users: ['pilot1@contoso.com', 'pilot2@contoso.com'] } } }))).toHaveResourceWithProperties(
      CviVideoInteropPolicyAssignment,
      { policy_name: 'PexipServiceProviderEnabled', users: { 'pilot1@contoso.com': true, 'pilot2@contoso.com': true } },
    );
  });

  test('a group keeps its resource name when another group is added', () => {
    const name = (s: string) => Object.keys(JSON.parse(s).resource.cvi_video_interop_policy_assignment).find((k) => JSON.parse(s).resource.cvi_video_interop_policy_assignment[k].group_id === GROUP_A);
    const before = name(synth(pexip({ teams: { assignment: { groups: [{ id: GROUP_A, rank: 1 }] } } })));
    const after = name(synth(pexip({ teams: { assignment: { groups: [{ id: GROUP_B, rank: 1 }, { id: GROUP_A, rank: 2 }] } } })));
    expect(after).toBe(before);
  });

  test('two scopes at once are rejected naming both', () => {
    expect(() => synth(pexip({ teams: { assignment: { global: true, users: ['a@contoso.com'] } } }))).toThrow(
      'tenant contoso: teams.assignment must set exactly one of global, groups, users; got global and users',
    );
  });
});

describe('CviTenant DNS and federation', () => {
  test('an RFC 2136 zone with the Pexip Infinity preset writes SRV record sets under the tenant key domain', () => {
    const synthesized = synth(
      pexip({ dns: { provider: 'rfc2136', zone: 'contoso.com', rfc2136: { server: 'ns1.contoso.com', keyName: 'cvi-key.' }, preset: { name: 'pexip-infinity', nodes: ['px1.contoso.com'] } } }),
    );
    expect(synthesized).toHaveResourceWithProperties(SrvRecordSet, { name: '_sip._tcp', zone: 'contoso.com.' });
    expect(resources(synthesized, 'dns_srv_record_set')).toHaveLength(5);
  });

  test('dns provider none writes no records', () => {
    expect(synth(pexip({ dns: { provider: 'none' } }))).not.toHaveResource(SrvRecordSet);
  });

  test('a zone that does not hold the tenant key domain is rejected', () => {
    expect(() =>
      synth(pexip({ dns: { provider: 'rfc2136', zone: 'fabrikam.com', rfc2136: { server: 'ns1', keyName: 'k.' }, records: [{ service: 'sip', protocol: 'tcp', port: 5060, target: 'px.fabrikam.com' }] } })),
    ).toThrow(/dns.zone must contain contoso.com/);
  });

  test('a federation section adds the allowed domain after the consent grant', () => {
    const synthesized = synth(pexip({ federation: { allowedDomain: 'pexip.me' } }));
    expect(synthesized).toHaveResourceWithProperties(CviFederationAllowedDomain, { domain: 'pexip.me' });
    const [domain] = resources(synthesized, 'cvi_federation_allowed_domain');
    expect(domain.depends_on.some((d: string) => d.startsWith('azuread_service_principal.'))).toBe(true);
  });
});

describe('CviTenant and secrets', () => {
  test('credentials in the environment never reach the synthesized JSON', () => {
    const saved = { ...process.env };
    process.env.ARM_CLIENT_SECRET = 'client-secret-value-41';
    process.env.DNS_UPDATE_KEYSECRET = 'tsig-secret-value-42';
    try {
      const synthesized = synth(pexip({ dns: { provider: 'rfc2136', zone: 'contoso.com', rfc2136: { server: 'ns1.contoso.com', keyName: 'cvi-key.' }, preset: { name: 'pexip-infinity', nodes: ['px1.contoso.com'] } } }));
      expect(synthesized).not.toContain('client-secret-value-41');
      expect(synthesized).not.toContain('tsig-secret-value-42');
      expect(synthesized).not.toMatch(/secret/i);
    } finally {
      process.env = saved;
    }
  });
});

describe('two tenants in one stack', () => {
  const second: CviTenantProps = {
    tenant: { id: '11111111-86f1-41af-91ab-2d7cd011db47', name: 'fabrikam', domain: 'fabrikam.com' },
    vendor: 'pexip',
    teams: { assignment: { global: true } },
    consent: { enabled: false },
  };

  test('without their own providers, the second tenant is refused with what to do', () => {
    const stack = new TerraformStack(Testing.app(), 'shared');
    new CviTenant(stack, 'contoso', pexip({ consent: { enabled: false } }));
    expect(() => new CviTenant(stack, 'fabrikam', second)).toThrow(
      'tenant fabrikam: the stack already has a default cvi provider (shared/contoso/cvi); pass providers.cvi with an aliased provider to put a second tenant in this stack',
    );
  });

  test('with an aliased cvi provider, each tenant\'s objects use their own provider block', () => {
    const stack = new TerraformStack(Testing.app(), 'shared');
    new CviTenant(stack, 'contoso', pexip({ consent: { enabled: false } }));
    const fabrikamProvider = new CviProvider(stack, 'fabrikam-cvi', { alias: 'fabrikam', tenantId: second.tenant.id });
    new CviTenant(stack, 'fabrikam', { ...second, providers: { cvi: fabrikamProvider } });
    const json = JSON.parse(Testing.synth(stack));
    const providersUsed = Object.values(json.resource.cvi_video_interop_service_provider).map((r: any) => r.provider);
    expect(providersUsed.sort()).toEqual(['cvi', 'cvi.fabrikam']);
  });
});
