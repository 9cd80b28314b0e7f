/** The import section: each id becomes a Terraform import block on the resource it names. */
import { Testing, TerraformStack } from 'cdktf';
import { CviTenant, CviTenantProps } from '../../../constructs/cvi-tenant';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const GRAPH_SP = '0a1b2c3d-0000-4000-8000-00000000a001';
const VENDOR_SP = '0a1b2c3d-0000-4000-8000-00000000b002';
const GROUP = '0f0e0d0c-0b0a-4908-8706-050403020100';

const pexip = (overrides: Partial<CviTenantProps> = {}): CviTenantProps => ({
  tenant: { id: TENANT_ID, name: 'contoso', domain: 'contoso.com' },
  vendor: 'pexip',
  teams: { assignment: { global: true } },
  dns: { provider: 'rfc2136', zone: 'contoso.com', rfc2136: { server: 'ns1.contoso.com', keyName: 'cvi-key.' }, preset: { name: 'pexip-infinity', nodes: ['px1.contoso.com'], omit: ['h323cs', 'h323ls', 'h323rs'] } },
  federation: { allowedDomain: 'pexip.me' },
  ...overrides,
});

type ImportBlock = { id: string; to: string; provider?: string };

function imports(props: CviTenantProps): Record<string, string> {
  const stack = new TerraformStack(Testing.app(), props.tenant.name);
  new CviTenant(stack, 'tenant', props);
  const json = JSON.parse(Testing.synth(stack));
  // cdktf gathers the import blocks of a stack at the top level of its JSON.
  const blocks: ImportBlock[] = json.import ?? [];
  // Keyed by resource type and id, so tests do not depend on the hashed resource names.
  return Object.fromEntries(blocks.map((b) => [`${b.to.split('.')[0]} ${b.id}`, b.provider ?? '']));
}

const fullImport: CviTenantProps['import'] = {
  teams: { serviceProvider: 'Pexip', policyAssignments: ['global'], federationAllowedDomain: 'pexip.me' },
  consent: {
    [PEXIP_APP]: {
      servicePrincipal: `/servicePrincipals/${VENDOR_SP}`,
      appRoleAssignments: { 'Calls.AccessMedia.All': `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/aaBBcc-1` },
      delegatedGrant: '/oauth2PermissionGrants/gRaNt_1',
    },
  },
  dns: ['_sips._tcp.contoso.com.', '_sip._tcp.contoso.com.'],
};

describe('a tenant with an import section', () => {
  test('every id becomes an import block on the resource of that type, with the resource\'s provider', () => {
    expect(imports(pexip({ import: fullImport }))).toEqual({
      'cvi_video_interop_service_provider Pexip': 'cvi',
      'cvi_video_interop_policy_assignment global': 'cvi',
      'cvi_federation_allowed_domain pexip.me': 'cvi',
      [`azuread_service_principal /servicePrincipals/${VENDOR_SP}`]: 'azuread',
      [`azuread_app_role_assignment /servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/aaBBcc-1`]: 'azuread',
      'azuread_service_principal_delegated_permission_grant /oauth2PermissionGrants/gRaNt_1': 'azuread',
      'dns_srv_record_set _sips._tcp.contoso.com.': 'dns',
      'dns_srv_record_set _sip._tcp.contoso.com.': 'dns',
    });
  });

  test('the import block targets the resource that has the object', () => {
    const stack = new TerraformStack(Testing.app(), 'contoso');
    const tenant = new CviTenant(stack, 'tenant', pexip({ import: { dns: ['_sip._tcp.contoso.com.'] } }));
    const json = JSON.parse(Testing.synth(stack));
    const [block] = json.import as ImportBlock[];
    const recordSet = json.resource.dns_srv_record_set[block.to.split('.')[1]];
    expect(block).toEqual({ id: '_sip._tcp.contoso.com.', to: expect.stringMatching(/^dns_srv_record_set\./), provider: 'dns' });
    expect(recordSet.name).toBe('_sip._tcp');
    expect(tenant.dnsRecords?.ownerNames).toContain('_sip._tcp.contoso.com');
  });

  test('a group assignment is imported by its group id, whatever the case', () => {
    const groups = pexip({ teams: { assignment: { groups: [{ id: GROUP, rank: 1 }] } }, import: { teams: { policyAssignments: [`group/${GROUP.toUpperCase()}`] } } });
    expect(imports(groups)).toEqual({ [`cvi_video_interop_policy_assignment group/${GROUP.toUpperCase()}`]: 'cvi' });
  });

  test('a Poly tenant imports the consent of each RealConnect app onto that app\'s resources', () => {
    const POLY_APPS = ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'];
    const stack = new TerraformStack(Testing.app(), 'fabrikam');
    new CviTenant(stack, 'tenant', {
      tenant: { id: TENANT_ID, name: 'fabrikam', domain: 'fabrikam.com' },
      vendor: 'poly',
      teams: { serviceProvider: { tenantKey: '813878896@t.plcm.vc' }, assignment: { global: true } },
      import: { consent: { [POLY_APPS[0]]: { servicePrincipal: `/servicePrincipals/${VENDOR_SP}` }, [POLY_APPS[1]]: { servicePrincipal: `/servicePrincipals/${GRAPH_SP}` } } },
    });
    const json = JSON.parse(Testing.synth(stack));
    const clientOf = (block: ImportBlock) => json.resource.azuread_service_principal[block.to.split('.')[1]].client_id;

    expect(Object.fromEntries((json.import as ImportBlock[]).map((b) => [clientOf(b), b.id]))).toEqual({
      [POLY_APPS[0]]: `/servicePrincipals/${VENDOR_SP}`,
      [POLY_APPS[1]]: `/servicePrincipals/${GRAPH_SP}`,
    });
  });

  test('without an import section nothing is imported', () => {
    expect(imports(pexip())).toEqual({});
  });
});

describe('import ids that name nothing the tenant declares', () => {
  const attempt = (given: CviTenantProps['import'], overrides: Partial<CviTenantProps> = {}) => () => imports(pexip({ ...overrides, import: given }));

  test('a service provider of another identity', () => {
    expect(attempt({ teams: { serviceProvider: 'Polycom' } })).toThrow('tenant contoso: import.teams.serviceProvider: must be the identity of the service provider the file declares, Pexip (got Polycom)');
  });

  test('a group assignment the file does not declare', () => {
    expect(attempt({ teams: { policyAssignments: [`group/${GROUP}`] } })).toThrow(`tenant contoso: import.teams.policyAssignments[0]: names no policy assignment the file declares (global) (got group/${GROUP})`);
  });

  test('an assignment id in no form the provider takes (the construct library takes ids the schema never saw)', () => {
    expect(attempt({ teams: { policyAssignments: ['users'] } })).toThrow(
      'tenant contoso: import.teams.policyAssignments[0]: must be "global", "group/<group object id>" or "users/<policy name>" (got users)',
    );
  });

  test('an app the tenant does not consent', () => {
    expect(attempt({ consent: { '11111111-2222-4333-8444-555555555555': { servicePrincipal: `/servicePrincipals/${VENDOR_SP}` } } })).toThrow(
      `tenant contoso: import.consent.11111111-2222-4333-8444-555555555555: names no app the tenant consents (${PEXIP_APP})`,
    );
  });

  test('a permission the tenant does not grant', () => {
    const given = { [PEXIP_APP]: { servicePrincipal: `/servicePrincipals/${VENDOR_SP}`, appRoleAssignments: { 'User.Read.All': `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/x` } } };
    expect(attempt({ consent: given })).toThrow(/import.consent.923c9f0a-b883-4efe-af73-54810da59f83.appRoleAssignments: names a permission the tenant does not grant \(Calls.JoinGroupCall.All, .*\) \(got User.Read.All\)/);
  });

  test('a record set the file does not declare', () => {
    expect(attempt({ dns: ['_h323cs._tcp.contoso.com.'] })).toThrow(
      'tenant contoso: import.dns[0]: names no record set the file declares (_sips._tcp.contoso.com., _sip._tcp.contoso.com.) (got _h323cs._tcp.contoso.com.)',
    );
  });

  test('a federation domain without a federation section', () => {
    expect(attempt({ teams: { federationAllowedDomain: 'pexip.me' } }, { federation: undefined })).toThrow(
      'tenant contoso: import.teams.federationAllowedDomain: needs a federation section that declares the domain (got pexip.me)',
    );
  });
});
