import { Testing } from 'cdktf';
import { CviTenant, tenantSrvRecords, type CviTenantProps } from '../../../constructs';

const contoso: CviTenantProps = {
  tenant: { id: '5df714c9-1b0c-491c-8262-705358be54ab', name: 'contoso', domain: 'contoso.example' },
  vendor: 'pexip',
  teams: { serviceProvider: { tenantKey: 'teams@vc.contoso.example' }, assignment: { global: true } },
  dns: {
    provider: 'rfc2136',
    zone: 'Contoso.Example.',
    rfc2136: { server: 'ns1.contoso.example', keyName: 'cvi-key.' },
    preset: { name: 'pexip-infinity', nodes: ['PX01.vc.contoso.example.'], omit: ['h323rs'], weight: 30 },
    records: [{ service: 'sip', protocol: 'tls', port: 5061, target: 'edge.contoso.example', priority: 5 }],
  },
};

describe('tenantSrvRecords', () => {
  test('expands the preset and the file records to absolute owner names under the tenant key domain, defaults applied', () => {
    const published = tenantSrvRecords(contoso)!;

    expect(published.zone).toBe('contoso.example');
    expect(published.relativeName).toBe('vc');
    expect(published.declared).toEqual([
      { owner: '_sips._tcp.vc.contoso.example', service: 'sips', protocol: 'tcp', target: 'px01.vc.contoso.example', port: 5061, priority: 10, weight: 30 },
      { owner: '_sip._tcp.vc.contoso.example', service: 'sip', protocol: 'tcp', target: 'px01.vc.contoso.example', port: 5060, priority: 10, weight: 30 },
      { owner: '_h323cs._tcp.vc.contoso.example', service: 'h323cs', protocol: 'tcp', target: 'px01.vc.contoso.example', port: 1720, priority: 10, weight: 30 },
      { owner: '_h323ls._udp.vc.contoso.example', service: 'h323ls', protocol: 'udp', target: 'px01.vc.contoso.example', port: 1719, priority: 10, weight: 30 },
      { owner: '_sip._tls.vc.contoso.example', service: 'sip', protocol: 'tls', target: 'edge.contoso.example', port: 5061, priority: 5, weight: 10 },
    ]);
  });

  test('answers nothing for a tenant whose vendor owns DNS', () => {
    expect(tenantSrvRecords({ ...contoso, dns: { provider: 'none' } })).toBeUndefined();
    expect(tenantSrvRecords({ ...contoso, dns: undefined })).toBeUndefined();
  });

  test('refuses a zone that does not hold the tenant key domain, naming the field', () => {
    expect(() => tenantSrvRecords({ ...contoso, dns: { ...contoso.dns!, zone: 'fabrikam.example' } })).toThrow(
      'tenant contoso: dns.zone must contain vc.contoso.example',
    );
  });

  test('CviTenant writes exactly the record sets the function declares', () => {
    const stack = JSON.parse(Testing.synthScope((scope) => new CviTenant(scope, 'contoso', contoso))) as {
      resource: { dns_srv_record_set: Record<string, { name: string; zone: string; srv: { target: string; port: number; priority: number; weight: number }[] }> };
    };
    const written = Object.values(stack.resource.dns_srv_record_set).flatMap((set) =>
      set.srv.map((r) => `${set.name}.${set.zone.replace(/\.$/, '')} ${r.priority} ${r.weight} ${r.port} ${r.target.replace(/\.$/, '').toLowerCase()}`),
    );
    const declared = tenantSrvRecords(contoso)!.declared.map((r) => `${r.owner} ${r.priority} ${r.weight} ${r.port} ${r.target}`);

    expect(written.sort()).toEqual(declared.sort());
  });
});
