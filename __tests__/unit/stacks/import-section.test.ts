/** The import section of a tenant file: id formats checked at load, one line per problem. */
import { parseTenantFile } from '../../../stacks/load-tenants';
import { pexipTenant, toYaml } from './tenant-fixtures';

const FILE = 'tenants/x.yaml';
const SP = '0a1b2c3d-0000-4000-8000-00000000b002';
const GRAPH_SP = '0a1b2c3d-0000-4000-8000-00000000a001';
const APP = '923c9f0a-b883-4efe-af73-54810da59f83';

function withImport(section: unknown): string[] {
  const tenant = pexipTenant();
  tenant.import = section;
  return parseTenantFile(FILE, toYaml(tenant)).problems;
}

describe('an import section', () => {
  it('with ids in each provider\'s format loads without problems', () => {
    expect(
      withImport({
        teams: { serviceProvider: 'Pexip', policyAssignments: ['global'], federationAllowedDomain: 'pexip.me' },
        consent: { [APP]: { servicePrincipal: `/servicePrincipals/${SP}`, appRoleAssignments: { 'Calls.AccessMedia.All': `/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/Zbm-cUeD_3ee` }, delegatedGrant: '/oauth2PermissionGrants/abc-DEF_1' } },
        dns: ['_sip._tcp.contoso.com.'],
      }),
    ).toEqual([]);
  });

  it('refuses a bare object id where azuread 3 takes /servicePrincipals/<id>', () => {
    expect(withImport({ consent: { [APP]: { servicePrincipal: SP } } })).toEqual([
      `${FILE}: import.consent.${APP}.servicePrincipal: must be /servicePrincipals/<object id of the service principal> (got ${SP})`,
    ]);
  });

  it('refuses a record set name without the final dot', () => {
    expect(withImport({ dns: ['_sip._tcp.contoso.com'] })).toEqual([
      `${FILE}: import.dns[0]: must be the absolute name of an SRV record set ending in a dot, such as _sip._tcp.contoso.com. (got _sip._tcp.contoso.com)`,
    ]);
  });

  it('refuses a policy assignment id of no known scope', () => {
    expect(withImport({ teams: { policyAssignments: ['tenant'] } })).toEqual([
      `${FILE}: import.teams.policyAssignments[0]: must be global, global/<policy>, group/<group id>, users/<policy> or users/<policy>/<user>,<user> (got tenant)`,
    ]);
  });

  it('names an unknown key of the section', () => {
    expect(withImport({ provider: 'Pexip' })[0]).toMatch(/^tenants\/x\.yaml: import(\.provider)?: /);
  });
});
