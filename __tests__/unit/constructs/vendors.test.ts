import { VENDOR_NAMES, VENDORS, vendorDefaults } from '../../../constructs/vendors';
import { GRAPH_APPLICATION_PERMISSIONS, GRAPH_DELEGATED_PERMISSIONS, editDistance, nearestName } from '../../../constructs/graph-permissions';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the vendor catalog', () => {
  it.each([
    ['pexip', 'Pexip', 'PexipServiceProviderEnabled'],
    ['poly', 'Polycom', 'PolycomServiceProviderEnabled'],
    ['cisco', 'Cisco', 'CiscoServiceProviderEnabled'],
    ['bluejeans', 'BlueJeans', 'BlueJeansServiceProviderEnabled'],
  ] as const)('names the service provider and policy of %s', (vendor, serviceProviderIdentity, policyName) => {
    expect(vendorDefaults(vendor)).toMatchObject({ serviceProviderIdentity, policyName });
  });

  it('knows the Pexip hosted app id and the two Poly RealConnect app ids', () => {
    expect(VENDORS.pexip.appIds).toEqual(['923c9f0a-b883-4efe-af73-54810da59f83']);
    expect(VENDORS.poly.appIds).toEqual(['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83']);
  });

  it('has no app id for Cisco and custom, so the tenant file must give one', () => {
    expect(VENDORS.cisco.appIds).toEqual([]);
    expect(VENDORS.custom.appIds).toEqual([]);
  });

  it('has only well-formed app ids', () => {
    for (const vendor of VENDOR_NAMES) for (const id of VENDORS[vendor].appIds) expect(id).toMatch(GUID);
  });

  it('derives the Pexip tenant key and instruction URI from the domain', () => {
    expect(VENDORS.pexip.tenantKeyFor?.('contoso.example')).toBe('teams@contoso.example');
    expect(VENDORS.pexip.instructionUriFor?.('contoso.example')).toBe('https://pexip.me/teams/contoso.example/{ConfId}');
  });

  it('lets only Pexip and custom tenants publish DNS', () => {
    expect(VENDOR_NAMES.filter((v) => VENDORS[v].customerPublishesDns)).toEqual(['pexip', 'custom']);
  });

  it('defaults every vendor to permissions the Graph name lists know', () => {
    for (const vendor of VENDOR_NAMES) {
      for (const p of VENDORS[vendor].applicationPermissions) expect(GRAPH_APPLICATION_PERMISSIONS.has(p)).toBe(true);
      for (const p of VENDORS[vendor].delegatedPermissions) expect(GRAPH_DELEGATED_PERMISSIONS.has(p)).toBe(true);
    }
  });
});

describe('nearest permission name', () => {
  it('counts edits ignoring case', () => {
    expect(editDistance('User.Read', 'user.raed')).toBe(2);
  });

  it('finds the name one letter away', () => {
    expect(nearestName('Calls.JoinGroupCal.All', GRAPH_APPLICATION_PERMISSIONS)).toBe('Calls.JoinGroupCall.All');
  });

  it('finds nothing for a name unlike any other', () => {
    expect(nearestName('xyzzy-plugh', GRAPH_DELEGATED_PERMISSIONS)).toBeUndefined();
  });
});
