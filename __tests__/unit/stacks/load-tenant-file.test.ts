import { parseTenantFile } from '../../../stacks/load-tenants';
import { ciscoTenant, pexipTenant, toYaml } from './tenant-fixtures';

const FILE = 'tenants/x.yaml';

function problemsOf(tenant: unknown): string[] {
  return parseTenantFile(FILE, toYaml(tenant)).problems;
}

describe('a valid tenant file', () => {
  it('loads with no problems and keeps its values', () => {
    // given a valid Pexip tenant / when it is parsed
    const result = parseTenantFile(FILE, toYaml(pexipTenant()));
    // then there is a config and no problem
    expect(result.problems).toEqual([]);
    expect(result.config?.tenant.name).toBe('contoso');
  });
});

describe('malformed YAML', () => {
  it('is reported with its line and column', () => {
    // given YAML with an unclosed flow mapping
    const text = 'tenant: { id: 1, name: d\nvendor: poly\n';
    // when it is parsed
    const { problems } = parseTenantFile(FILE, text);
    // then the problem names the file, the place and the cause
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^tenants\/x\.yaml: line 2, column 1: malformed YAML: /);
  });

  it('reports a key given twice', () => {
    const { problems } = parseTenantFile(FILE, 'vendor: pexip\nvendor: poly\n');
    expect(problems[0]).toMatch(/^tenants\/x\.yaml: line 2, column 1: malformed YAML: Map keys must be unique/);
  });

  it('reports an empty file', () => {
    expect(parseTenantFile(FILE, '# nothing\n').problems).toEqual([
      'tenants/x.yaml: (top level): is empty; a tenant file needs tenant, vendor and teams',
    ]);
  });

  it('reports a document that is not a mapping', () => {
    expect(parseTenantFile(FILE, '- a\n- b\n').problems[0]).toContain('(top level): must be a mapping of sections');
  });
});

describe('fields', () => {
  it('names an unknown field and suggests the one probably meant', () => {
    const tenant = pexipTenant();
    tenant.dns.recrods = tenant.dns.records;
    delete tenant.dns.records;
    expect(problemsOf(tenant)).toContain('tenants/x.yaml: dns.recrods: unknown field (did you mean records?)');
  });

  it('says a missing required field is required', () => {
    const tenant = pexipTenant();
    delete tenant.tenant.domain;
    expect(problemsOf(tenant)).toEqual(['tenants/x.yaml: tenant.domain: is required']);
  });

  it('rejects a tenant id that is not a GUID', () => {
    const tenant = pexipTenant();
    tenant.tenant.id = '1234-not-a-guid';
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: tenant.id: must be a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e (got 1234-not-a-guid)',
    ]);
  });

  it('rejects a domain with an underscore', () => {
    const tenant = pexipTenant();
    tenant.tenant.domain = 'contoso_example.com';
    expect(problemsOf(tenant)[0]).toMatch(/^tenants\/x\.yaml: tenant\.domain: must be a domain .* \(got contoso_example\.com\)$/);
  });

  it('rejects an unknown vendor with the allowed list', () => {
    const tenant = pexipTenant();
    tenant.vendor = 'pexipp';
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: vendor: must be one of pexip, poly, cisco, bluejeans, custom (got pexipp)',
    ]);
  });

  it('rejects a federation domain that is an IP address', () => {
    const tenant = pexipTenant();
    tenant.federation = { allowedDomain: '192.0.2.7' };
    expect(problemsOf(tenant)[0]).toMatch(/^tenants\/x\.yaml: federation\.allowedDomain: must be a domain/);
  });
});

describe('the teams section', () => {
  it('rejects a tenant key that is not an address', () => {
    const tenant = pexipTenant();
    tenant.teams.serviceProvider.tenantKey = 'teams.contoso.example';
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.serviceProvider.tenantKey: must be an address such as teams@contoso.com (got teams.contoso.example)',
    ]);
  });

  it('rejects an instruction URI without {ConfId}', () => {
    const tenant = pexipTenant();
    tenant.teams.serviceProvider.instructionUri = 'https://pexip.me/teams/contoso.example/';
    expect(problemsOf(tenant)[0]).toMatch(/teams\.serviceProvider\.instructionUri: must contain the \{ConfId\} placeholder/);
  });

  it('rejects an instruction URI that is not https', () => {
    const tenant = pexipTenant();
    tenant.teams.serviceProvider.instructionUri = 'http://pexip.me/teams/contoso.example/{ConfId}';
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.serviceProvider.instructionUri: must be an https: URL such as https://pexip.me/teams/contoso.com/{ConfId} (got http://pexip.me/teams/contoso.example/{ConfId})',
    ]);
  });

  it('rejects an empty app id list', () => {
    const tenant = pexipTenant();
    tenant.teams.serviceProvider.aadApplicationIds = [];
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.serviceProvider.aadApplicationIds: must list at least one entry',
    ]);
  });

  it('rejects an app id listed twice, whatever its case', () => {
    const tenant = pexipTenant();
    const id = tenant.teams.serviceProvider.aadApplicationIds[0];
    tenant.teams.serviceProvider.aadApplicationIds = [id, id.toUpperCase()];
    expect(problemsOf(tenant)[0]).toMatch(/teams\.serviceProvider\.aadApplicationIds\[1\]: duplicate app id, already at \[0\]/);
  });

  it('rejects more than one assignment scope', () => {
    const tenant = pexipTenant();
    tenant.teams.assignment = { global: true, users: ['alice@contoso.example'] };
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.assignment: must set exactly one of global, groups, users; got global and users',
    ]);
  });

  it('rejects an assignment with no scope', () => {
    const tenant = pexipTenant();
    tenant.teams.assignment = {};
    expect(problemsOf(tenant)[0]).toContain('teams.assignment: must set exactly one of global, groups, users; got none');
  });

  it('rejects a group rank below 1', () => {
    const tenant = pexipTenant();
    tenant.teams.assignment = { groups: [{ id: '0b6f4d2e-8a1c-4e3b-9f7d-5c2a1e0d3b48', rank: 0 }] };
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.assignment.groups[0].rank: must be a whole number from 1 to 64 (got 0)',
    ]);
  });

  it('rejects the same user twice in different case', () => {
    const tenant = pexipTenant();
    tenant.teams.assignment = { users: ['Alice@Contoso.example', 'alice@contoso.example'] };
    expect(problemsOf(tenant)[0]).toMatch(/teams\.assignment\.users\[1\]: duplicate user .* \(got alice@contoso\.example\)$/);
  });

  it('rejects a user that is neither a UPN nor an object id', () => {
    const tenant = pexipTenant();
    tenant.teams.assignment = { users: ['alice'] };
    expect(problemsOf(tenant)[0]).toContain('teams.assignment.users[0]: must be a user principal name');
  });
});

describe('vendor requirements', () => {
  it('requires an app id for Cisco, whose app id is not published', () => {
    const tenant = ciscoTenant();
    delete tenant.consent;
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: consent.appId: is required for vendor cisco: its app id is not published (or set teams.serviceProvider.aadApplicationIds)',
    ]);
  });

  it('requires a tenant key for Cisco, naming its shape', () => {
    const tenant = ciscoTenant();
    delete tenant.teams.serviceProvider;
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.serviceProvider.tenantKey: is required for vendor cisco (shape <sub>@m.webex.com)',
    ]);
  });

  it('requires provider name and policy name for a custom vendor', () => {
    const tenant = ciscoTenant();
    tenant.vendor = 'custom';
    expect(problemsOf(tenant)).toEqual([
      'tenants/x.yaml: teams.serviceProvider.identity: is required for vendor custom',
      'tenants/x.yaml: teams.assignment.policyName: is required for vendor custom',
    ]);
  });

  it('rejects DNS records for a vendor that owns DNS', () => {
    const tenant = ciscoTenant();
    tenant.dns = pexipTenant().dns;
    expect(problemsOf(tenant)[0]).toMatch(/^tenants\/x\.yaml: dns\.provider: must be none for vendor cisco: .* \(got rfc2136\)$/);
  });
});
