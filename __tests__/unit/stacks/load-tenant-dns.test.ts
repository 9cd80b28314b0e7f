import { parseTenantFile } from '../../../stacks/load-tenants';
import { pexipTenant, toYaml } from './tenant-fixtures';

const FILE = 'tenants/x.yaml';

function problemsWithRecord(change: Record<string, unknown>): string[] {
  const tenant = pexipTenant();
  tenant.dns.records[1] = { ...tenant.dns.records[1], ...change };
  return parseTenantFile(FILE, toYaml(tenant)).problems;
}

describe('SRV records in a tenant file', () => {
  it('rejects a target that is an IP address, with the exact one-line message', () => {
    expect(problemsWithRecord({ target: '10.0.0.5' })).toEqual([
      'tenants/x.yaml: dns.records[1].target: must be a host name, not an IP address (got 10.0.0.5)',
    ]);
  });

  it('rejects an IPv6 target', () => {
    expect(problemsWithRecord({ target: '2001:db8::5' })[0]).toContain('must be a host name, not an IP address');
  });

  it('rejects a target with a trailing wildcard', () => {
    expect(problemsWithRecord({ target: 'px01.contoso.*' })).toEqual([
      'tenants/x.yaml: dns.records[1].target: must be a host name without wildcards (got px01.contoso.*)',
    ]);
  });

  it('rejects a service label written with its underscore', () => {
    expect(problemsWithRecord({ service: '_sip' })[0]).toMatch(
      /dns\.records\[1\]\.service: must be a service label without underscore.* \(got _sip\)$/,
    );
  });

  it('rejects an unknown protocol label', () => {
    expect(problemsWithRecord({ protocol: 'sctp' })).toEqual([
      'tenants/x.yaml: dns.records[1].protocol: must be one of tcp, udp, tls (without underscore) (got sctp)',
    ]);
  });

  it.each([
    ['port', 0, 'must be a whole number from 1 to 65535 (got 0)'],
    ['port', 65536, 'must be a whole number from 1 to 65535 (got 65536)'],
    ['priority', -1, 'must be a whole number from 0 to 65535 (got -1)'],
    ['weight', 70000, 'must be a whole number from 0 to 65535 (got 70000)'],
    ['port', 5060.5, 'must be a whole number from 1 to 65535 (got 5060.5)'],
  ])('rejects %s %p out of range', (field, value, message) => {
    expect(problemsWithRecord({ [field]: value })).toEqual([`tenants/x.yaml: dns.records[1].${field}: ${message}`]);
  });

  it('rejects the same record twice', () => {
    const tenant = pexipTenant();
    tenant.dns.records[1] = { ...tenant.dns.records[0] };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual(['tenants/x.yaml: dns.records[1]: duplicates dns.records[0]']);
  });

  it('rejects a record the preset already publishes', () => {
    const tenant = pexipTenant();
    tenant.dns.preset = { name: 'pexip-infinity', nodes: ['px01.contoso.example'] };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toBe(
      'tenants/x.yaml: dns.records[0]: duplicates a record of preset pexip-infinity',
    );
  });

  it('rejects two TTLs in one record set', () => {
    const tenant = pexipTenant();
    tenant.dns.records[1].ttl = 60;
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: dns.records[1].ttl: must equal 3600, the TTL of dns.records[0]: one TTL per record set (got 60)',
    ]);
  });

  it('rejects a zone that does not hold the tenant key domain', () => {
    const tenant = pexipTenant();
    tenant.dns.zone = 'fabrikam.example';
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: dns.zone: must contain contoso.example, the domain of the tenant key where the SRV records go (got fabrikam.example)',
    ]);
  });

  it('requires the rfc2136 block when the provider is rfc2136', () => {
    const tenant = pexipTenant();
    delete tenant.dns.rfc2136;
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: dns.rfc2136: is required when dns.provider is rfc2136',
    ]);
  });

  it('rejects records when the provider is none', () => {
    const tenant = pexipTenant();
    tenant.dns = { provider: 'none', records: tenant.dns.records };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: dns.records: is only allowed when dns.provider is rfc2136 or azure',
    ]);
  });

  it('requires records or a preset', () => {
    const tenant = pexipTenant();
    delete tenant.dns.records;
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: dns.records: must list records, or set a preset',
    ]);
  });

  it('rejects a TSIG key name without its final dot', () => {
    const tenant = pexipTenant();
    tenant.dns.rfc2136.keyName = 'cvi-key';
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toMatch(/dns\.rfc2136\.keyName: must be a fully qualified TSIG key name/);
  });
});

describe('permissions in a tenant file', () => {
  it('suggests the nearest application permission for a typo', () => {
    const tenant = pexipTenant();
    tenant.consent.applicationPermissions = ['Calls.JoinGroupCal.All'];
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: consent.applicationPermissions[0]: unknown Microsoft Graph application permission; did you mean Calls.JoinGroupCall.All? (got Calls.JoinGroupCal.All)',
    ]);
  });

  it('suggests the nearest delegated permission for a typo', () => {
    const tenant = pexipTenant();
    tenant.consent.delegatedPermissions = ['user.raed'];
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toContain('did you mean User.Read?');
  });

  it('does not suggest anything for a name far from every permission', () => {
    const tenant = pexipTenant();
    tenant.consent.applicationPermissions = ['MakeCoffee'];
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: consent.applicationPermissions[0]: unknown Microsoft Graph application permission (got MakeCoffee)',
    ]);
  });

  it('rejects a permission GUID where a name belongs', () => {
    const tenant = pexipTenant();
    tenant.consent.applicationPermissions = ['f6b49018-60ab-4f81-83bd-22caeabfed2d'];
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toContain('unknown Microsoft Graph application permission');
  });
});

describe('the backend section', () => {
  it('rejects an absolute local state path', () => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'local', local: { path: '/var/state/contoso.tfstate' } };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems[0]).toMatch(
      /^tenants\/x\.yaml: backend\.local\.path: must be a path relative to the stack directory/,
    );
  });

  it('rejects a local state path that stays in the synth output, which cdktf prunes', () => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'local', local: { path: 'terraform.contoso.tfstate' } };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: backend.local.path: must lead out of the synth output folder, which cdktf prunes (e.g. ../../../state/<tenant>.tfstate) (got terraform.contoso.tfstate)',
    ]);
  });

  it('accepts a local state path that leads out of the synth output', () => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'local', local: { path: '../../../states/contoso.tfstate' } };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([]);
  });

  it('requires the azurerm block for the azurerm backend', () => {
    const tenant = pexipTenant();
    tenant.backend = { type: 'azurerm' };
    expect(parseTenantFile(FILE, toYaml(tenant)).problems).toEqual([
      'tenants/x.yaml: backend.azurerm: is required when backend.type is azurerm',
    ]);
  });
});
