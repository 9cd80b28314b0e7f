/** The tenant file export writes from a readout: defaults left out, import ids, notes for what it cannot say. */
import { parse } from 'yaml';
import { parseTenantFile } from '../../../../stacks/load-tenants';
import { CVI_MINIMUM_APPLICATION_PERMISSIONS } from '../../../../constructs/vendors';
import type { ConsentReadout, DnsReadout, Part, TeamsReadout } from '../../../../reader/readout';
import { missing, read, unreadable } from '../../../../reader/readout';
import type { ServiceProvider } from '../../../../teams/types';
import { parseExportOptions } from '../../../../scripts/export/options';
import { ExportError, planExport } from '../../../../scripts/export/plan';
import { renderTenantFile } from '../../../../scripts/export/render';
import { exportTenantFile, policyGrantedOnlyToUsers } from '../../../../scripts/export/tenant-file';

const TENANT_ID = '5df714c9-1b0c-491c-8262-705358be54ab';
const PEXIP_APP = '923c9f0a-b883-4efe-af73-54810da59f83';
const POLY_APPS = ['a39192d4-7b9b-4c07-87d7-cbcd3fd97af7', 'd46cf366-f046-4291-9ecb-a00b8dc39a83'];
const GRAPH_SP = '0a1b2c3d-0000-4000-8000-00000000a001';
const GROUP_A = '0f0e0d0c-0b0a-4908-8706-050403020100';
const GROUP_B = '1f0e0d0c-0b0a-4908-8706-050403020101';

const pexipProvider: ServiceProvider = {
  identity: 'Pexip',
  tenantKey: 'teams@contoso.com',
  instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}',
  aadApplicationIds: [PEXIP_APP],
  allowAppGuestJoinsAsAuthenticated: false,
};

const teamsOf = (over: Partial<TeamsReadout> = {}): TeamsReadout => ({
  serviceProviders: [pexipProvider],
  policies: read([]),
  tenantGrant: read('PexipServiceProviderEnabled'),
  groupAssignments: read([]),
  federation: read({ allowFederatedUsers: true, allowAllKnownDomains: true, allowedDomains: [], blockedDomains: [] }),
  users: read([]),
  ...over,
});

const consentOf = (appIds: readonly string[]): Part<ConsentReadout> =>
  read({
    graphServicePrincipalId: GRAPH_SP,
    apps: appIds.map((appId, i) => ({
      appId,
      consent: read({
        appId,
        servicePrincipalId: `0a1b2c3d-0000-4000-8000-00000000b00${i}`,
        applicationPermissions: [...CVI_MINIMUM_APPLICATION_PERMISSIONS].sort(),
        unknownAppRoleIds: [],
        delegatedScopes: ['User.Read'],
        appRoleAssignmentIds: Object.fromEntries(CVI_MINIMUM_APPLICATION_PERMISSIONS.map((p) => [p, `asg-${i}-${p.length}`])),
        delegatedGrantId: `grant-${i}`,
      }),
    })),
  });

function exportText(args: string[], teams: TeamsReadout, consent: Part<ConsentReadout>, dns?: Part<DnsReadout>, holders?: Part<readonly string[]>): string {
  const options = parseExportOptions(['--tenant-id', TENANT_ID, '--name', 'contoso', ...args]);
  const plan = planExport(options, teams);
  return renderTenantFile(TENANT_ID, exportTenantFile(options, plan, teams, consent, dns, holders));
}

describe('export of a Pexip tenant set up as the vendor documents it', () => {
  const text = exportText([], teamsOf(), consentOf([PEXIP_APP]));

  test('is a valid tenant file that leaves every vendor default out', () => {
    expect(parseTenantFile('contoso.yaml', text).problems).toEqual([]);
    const file = parse(text);
    expect(file.tenant).toEqual({ id: TENANT_ID, name: 'contoso', domain: 'contoso.com' });
    expect(file.teams).toEqual({ assignment: { global: true } });
    expect(file.consent).toBeUndefined();
  });

  test('imports the service provider, the tenant-wide grant and each consent object in the azuread 3 formats', () => {
    const file = parse(text);
    expect(file.import.teams).toEqual({ serviceProvider: 'Pexip', policyAssignments: ['global'] });
    expect(file.import.consent[PEXIP_APP].servicePrincipal).toBe('/servicePrincipals/0a1b2c3d-0000-4000-8000-00000000b000');
    expect(file.import.consent[PEXIP_APP].appRoleAssignments['Calls.AccessMedia.All']).toBe(`/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo/asg-0-21`);
    expect(file.import.consent[PEXIP_APP].delegatedGrant).toBe('/oauth2PermissionGrants/grant-0');
  });

  test('says at the top that DNS was not read and that direct user grants are not', () => {
    expect(text).toContain('#   - DNS was not read (no --dns-zone)');
    expect(text).toContain('#   - users holding the policy by direct assignment are not read when the policy is granted tenant-wide or to groups');
  });
});

describe('what the tenant holds beyond one file', () => {
  test('a second service provider needs --vendor, and then is named at the top', () => {
    const poly: ServiceProvider = { identity: 'Polycom', tenantKey: '813878896@t.plcm.vc', aadApplicationIds: POLY_APPS, allowAppGuestJoinsAsAuthenticated: false };
    const teams = teamsOf({ serviceProviders: [pexipProvider, poly] });

    expect(() => exportText([], teams, consentOf([PEXIP_APP]))).toThrow(new ExportError('the tenant has 2 service providers (Pexip, Polycom): give --vendor to choose the one this file manages'));
    expect(exportText(['--vendor', 'pexip'], teams, consentOf([PEXIP_APP]))).toContain('#   - service provider Polycom (tenant key 813878896@t.plcm.vc) is not exported');
  });

  test('groups of the vendor policy in rank order, groups of another policy noted', () => {
    const teams = teamsOf({
      tenantGrant: read(null),
      groupAssignments: read([
        { groupId: GROUP_B, policyName: 'PexipServiceProviderEnabled', rank: 2 },
        { groupId: GROUP_A, policyName: 'PexipServiceProviderEnabled', rank: 1 },
        { groupId: '2f0e0d0c-0b0a-4908-8706-050403020102', policyName: 'ServiceProviderDisabled', rank: 3 },
      ]),
    });
    const text = exportText([], teams, consentOf([PEXIP_APP]));
    const file = parse(text);

    expect(file.teams.assignment).toEqual({ groups: [{ id: GROUP_A, rank: 1 }, { id: GROUP_B, rank: 2 }] });
    expect(file.import.teams.policyAssignments).toEqual([`group/${GROUP_A}`, `group/${GROUP_B}`]);
    expect(text).toContain('#   - group 2f0e0d0c-0b0a-4908-8706-050403020102 holds ServiceProviderDisabled at rank 3: another policy, not exported');
  });

  test('a tenant-wide grant the service will not show is assumed, imported on the user\'s word and said so', () => {
    const text = exportText([], teamsOf({ tenantGrant: unreadable('tenant-wide grant: HTTP 404') }), consentOf([PEXIP_APP]));

    expect(parse(text).import.teams.policyAssignments).toEqual(['global/PexipServiceProviderEnabled']);
    expect(text).toContain('#   - ASSUMED: the tenant-wide grant could not be read (tenant-wide grant: HTTP 404)');
  });

  test('a policy granted nowhere the reader sees is an error, not a guess', () => {
    expect(() => exportText([], teamsOf({ tenantGrant: read(null) }), consentOf([PEXIP_APP]), undefined, unreadable('users holding PexipServiceProviderEnabled: the user search answered 404'))).toThrow(
      'PexipServiceProviderEnabled is granted neither tenant-wide nor to a group, and its users cannot be listed (users holding PexipServiceProviderEnabled: the user search answered 404), so the file\'s assignment cannot be told',
    );
  });

  test('a policy granted user by user exports those users, imported as users/<policy>', () => {
    const teams = teamsOf({ tenantGrant: read(null) });
    const options = parseExportOptions(['--tenant-id', TENANT_ID, '--name', 'contoso']);
    const text = exportText([], teams, consentOf([PEXIP_APP]), undefined, read(['alice@contoso.com', 'bob@contoso.com']));
    const file = parse(text);

    expect(policyGrantedOnlyToUsers(planExport(options, teams), teams)).toBe('PexipServiceProviderEnabled');
    expect(parseTenantFile('contoso.yaml', text).problems).toEqual([]);
    expect(file.teams.assignment).toEqual({ users: ['alice@contoso.com', 'bob@contoso.com'] });
    expect(file.import.teams.policyAssignments).toEqual(['users/PexipServiceProviderEnabled']);
  });

  test('the user search is needed only where neither a tenant-wide grant nor a group holds the policy', () => {
    const options = parseExportOptions(['--tenant-id', TENANT_ID, '--name', 'contoso']);
    const global = teamsOf();
    const unknownGlobal = teamsOf({ tenantGrant: unreadable('404') });

    expect(policyGrantedOnlyToUsers(planExport(options, global), global)).toBeUndefined();
    expect(policyGrantedOnlyToUsers(planExport(options, unknownGlobal), unknownGlobal)).toBeUndefined();
  });

  test('a Poly tenant consents and imports both RealConnect apps', () => {
    const poly: ServiceProvider = { identity: 'Polycom', tenantKey: '813878896@t.plcm.vc', aadApplicationIds: POLY_APPS, allowAppGuestJoinsAsAuthenticated: false };
    const text = exportText(['--domain', 'fabrikam.com'], teamsOf({ serviceProviders: [poly], tenantGrant: read('PolycomServiceProviderEnabled') }), consentOf(POLY_APPS));
    const file = parse(text);

    expect(parseTenantFile('contoso.yaml', text).problems).toEqual([]);
    expect(file.vendor).toBe('poly');
    expect(file.teams.serviceProvider).toEqual({ tenantKey: '813878896@t.plcm.vc' });
    expect(Object.keys(file.import.consent)).toEqual(POLY_APPS);
  });

  test('consent Graph would not show leaves consent unmanaged, with the reason at the top', () => {
    const text = exportText([], teamsOf(), unreadable('Microsoft Graph: HTTP 403'));

    expect(parse(text).consent).toEqual({ enabled: false });
    expect(text).toContain('#   - consent is not managed by this file: it could not be read (Microsoft Graph: HTTP 403)');
  });

  test('an app never consented is consented by the first deploy, and said so', () => {
    const consent = read({ graphServicePrincipalId: GRAPH_SP, apps: [{ appId: PEXIP_APP, consent: missing('no service principal for app id') }] });
    const text = exportText([], teamsOf(), consent as Part<ConsentReadout>);

    expect(parse(text).import.consent).toBeUndefined();
    expect(text).toContain(`#   - app ${PEXIP_APP} has not been consented`);
  });
});

describe('SRV records read from the zone', () => {
  const dns = (sets: Record<string, { target: string; port: number; priority: number; weight: number }[]>): Part<DnsReadout> =>
    read({ server: '127.0.0.1:5353', recordSets: Object.entries(sets).map(([owner, answers]) => ({ owner, answers: answers.length > 0 ? read(answers) : missing('NXDOMAIN') })) });

  test('become records of an rfc2136 section, with each record set imported by its absolute name', () => {
    const text = exportText(
      ['--dns-zone', 'contoso.com', '--dns-server', '127.0.0.1:5353', '--dns-key-name', 'cvi-key.'],
      teamsOf(),
      consentOf([PEXIP_APP]),
      dns({
        '_sip._tcp.contoso.com': [
          { target: 'px02.contoso.com', port: 5060, priority: 10, weight: 20 },
          { target: 'px01.contoso.com', port: 5060, priority: 10, weight: 10 },
        ],
        '_h323cs._tcp.contoso.com': [],
      }),
    );
    const file = parse(text);

    expect(parseTenantFile('contoso.yaml', text).problems).toEqual([]);
    expect(file.dns).toEqual({
      provider: 'rfc2136',
      zone: 'contoso.com',
      rfc2136: { server: '127.0.0.1', port: 5353, keyName: 'cvi-key.' },
      records: [
        { service: 'sip', protocol: 'tcp', port: 5060, target: 'px01.contoso.com', priority: 10, weight: 10 },
        { service: 'sip', protocol: 'tcp', port: 5060, target: 'px02.contoso.com', priority: 10, weight: 20 },
      ],
    });
    expect(file.import.dns).toEqual(['_sip._tcp.contoso.com.']);
  });

  test('a zone that does not hold the tenant key domain is refused before anything is read', () => {
    expect(() => exportText(['--dns-zone', 'fabrikam.com', '--dns-server', '127.0.0.1', '--dns-key-name', 'k.'], teamsOf(), consentOf([PEXIP_APP]))).toThrow(
      '--dns-zone fabrikam.com does not hold contoso.com, the domain of the tenant key where the SRV records are',
    );
  });
});

describe('the federation allow-list', () => {
  const listing = (domains: string[]) => teamsOf({ federation: read({ allowFederatedUsers: true, allowAllKnownDomains: false, allowedDomains: domains, blockedDomains: [] }) });

  test('the vendor domain given is managed and imported; the other entries are noted', () => {
    const text = exportText(['--federation-domain', 'pexip.me'], listing(['partner.example', 'pexip.me']), consentOf([PEXIP_APP]));
    const file = parse(text);

    expect(parseTenantFile('contoso.yaml', text).problems).toEqual([]);
    expect(file.federation).toEqual({ allowedDomain: 'pexip.me' });
    expect(file.import.teams.federationAllowedDomain).toBe('pexip.me');
    expect(text).toContain('#   - federation allow-list entries not exported: partner.example');
  });

  test('a domain the allow-list does not hold is refused', () => {
    expect(() => exportText(['--federation-domain', 'pexip.me'], listing(['partner.example']), consentOf([PEXIP_APP]))).toThrow(
      '--federation-domain pexip.me is not on the tenant\'s federation allow-list (partner.example)',
    );
  });
});

describe('a custom vendor', () => {
  test('takes the policy that names its service provider, and says so in the file', () => {
    const teams = teamsOf({
      policies: read([
        { name: 'PexipServiceProviderEnabled', providerName: 'Pexip', enabled: true },
        { name: 'ServiceProviderDisabled', providerName: 'DefaultProvider', enabled: false },
      ]),
    });
    const text = exportText(['--vendor', 'custom', '--domain', 'contoso.com'], teams, consentOf([PEXIP_APP]));
    const file = parse(text);

    expect(parseTenantFile('contoso.yaml', text).problems).toEqual([]);
    expect(file.teams.assignment).toEqual({ policyName: 'PexipServiceProviderEnabled', global: true });
    expect(file.teams.serviceProvider).toEqual({ identity: 'Pexip', tenantKey: 'teams@contoso.com', instructionUri: 'https://pexip.me/teams/contoso.com/{ConfId}', aadApplicationIds: [PEXIP_APP] });
  });

  test('writes the service provider in the current spelling, which loads back as read, with no warning', () => {
    const teams = teamsOf({ policies: read([{ name: 'PexipServiceProviderEnabled', providerName: 'Pexip', enabled: true }]) });
    const text = exportText(['--vendor', 'custom', '--domain', 'contoso.com'], teams, consentOf([PEXIP_APP]));

    expect(text).toMatch(/^teams:\n {2}serviceProvider:\n {4}identity: Pexip\n/m);
    expect(text).not.toMatch(/^ {2}provider:/m);
    expect(text).not.toMatch(/^ {4}name:/m);
    const loaded = parseTenantFile('contoso.yaml', text);
    expect(loaded).toEqual(expect.objectContaining({ problems: [], warnings: [] }));
    expect(loaded.config?.teams.serviceProvider).toEqual({
      identity: pexipProvider.identity,
      tenantKey: pexipProvider.tenantKey,
      instructionUri: pexipProvider.instructionUri,
      aadApplicationIds: pexipProvider.aadApplicationIds,
    });
  });
});
