import { Testing, TerraformVariable } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { SrvRecordSet } from '@cdktf/provider-dns/lib/srv-record-set';
import { DnsSrvRecord } from '@cdktf/provider-azurerm/lib/dns-srv-record';
import { CviDnsRecords, CviDnsRecordsProps, DnsZone, srvRecordsFromPreset } from '../../../constructs/dns-records';

Testing.setupJest();

function synth(props: CviDnsRecordsProps): string {
  return Testing.synthScope((scope) => {
    new CviDnsRecords(scope, 'dns', props);
  });
}

const SIP = { service: 'sip', protocol: 'tcp', port: 5060, target: 'px01.contoso.example' } as const;

describe('CviDnsRecords over RFC 2136', () => {
  it('writes one dns_srv_record_set with absolute zone and target names', () => {
    const json = synth({ zone: DnsZone.rfc2136('contoso.example'), records: [SIP] });
    expect(json).toHaveResourceWithProperties(SrvRecordSet, {
      name: '_sip._tcp',
      zone: 'contoso.example.',
      ttl: 3600,
      srv: [{ port: 5060, priority: 10, weight: 10, target: 'px01.contoso.example.' }],
    });
  });

  it('puts records of one service and protocol into one record set', () => {
    const json = synth({
      zone: DnsZone.rfc2136('contoso.example'),
      records: [SIP, { ...SIP, target: 'px02.contoso.example', priority: 20, weight: 5 }],
    });
    expect(Object.keys(JSON.parse(json).resource.dns_srv_record_set)).toHaveLength(1);
    expect(json).toHaveResourceWithProperties(SrvRecordSet, {
      srv: [
        { port: 5060, priority: 10, weight: 10, target: 'px01.contoso.example.' },
        { port: 5060, priority: 20, weight: 5, target: 'px02.contoso.example.' },
      ],
    });
  });

  it('publishes under a sub-domain of the zone when given a relative name', () => {
    const json = synth({ zone: DnsZone.rfc2136('contoso.example'), relativeName: 'vc', records: [SIP], ttl: 300 });
    expect(json).toHaveResourceWithProperties(SrvRecordSet, { name: '_sip._tcp.vc', ttl: 300 });
  });
});

describe('CviDnsRecords in Azure DNS', () => {
  it('writes azurerm_dns_srv_record into the zone and resource group', () => {
    const json = synth({ zone: DnsZone.azure('contoso.example', 'dns-rg'), records: [{ ...SIP, target: 'px01.contoso.example.' }] });
    expect(json).toHaveResourceWithProperties(DnsSrvRecord, {
      name: '_sip._tcp',
      zone_name: 'contoso.example',
      resource_group_name: 'dns-rg',
      ttl: 3600,
      record: [{ port: 5060, priority: 10, weight: 10, target: 'px01.contoso.example' }],
    });
  });

  it('writes no RFC 2136 record set', () => {
    const json = synth({ zone: DnsZone.azure('contoso.example', 'dns-rg'), records: [SIP] });
    expect(json).not.toHaveResource(SrvRecordSet);
  });
});

describe('the pexip-infinity preset', () => {
  it('gives every node one record per service with the documented ports', () => {
    const records = srvRecordsFromPreset('pexip-infinity', { nodes: ['px01.contoso.example', 'px02.contoso.example'] });
    expect(records).toHaveLength(10);
    expect(records.filter((r) => r.target === 'px01.contoso.example').map((r) => `_${r.service}._${r.protocol}:${r.port}`)).toEqual([
      '_sips._tcp:5061',
      '_sip._tcp:5060',
      '_h323cs._tcp:1720',
      '_h323ls._udp:1719',
      '_h323rs._udp:1719',
    ]);
  });

  it('uses priority 10 and weight 10 by default', () => {
    const records = srvRecordsFromPreset('pexip-infinity', { nodes: ['px01.contoso.example'] });
    expect(new Set(records.map((r) => `${r.priority}/${r.weight}`))).toEqual(new Set(['10/10']));
  });

  it('lets ports, priority and weight be overridden and services be left out', () => {
    const records = srvRecordsFromPreset('pexip-infinity', {
      nodes: ['px01.contoso.example'],
      ports: { sips: 5062 },
      omit: ['h323rs', 'h323ls'],
      priority: 5,
      weight: 50,
    });
    expect(records.map((r) => `${r.service}:${r.port}:${r.priority}:${r.weight}`)).toEqual([
      'sips:5062:5:50',
      'sip:5060:5:50',
      'h323cs:1720:5:50',
    ]);
  });
});

describe('CviDnsRecords validation', () => {
  const zone = DnsZone.rfc2136('contoso.example');

  it('rejects an IP address as target, naming the record', () => {
    expect(() => synth({ zone, records: [{ ...SIP, target: '192.0.2.10' }] })).toThrow(
      'dns.records[0].target: must be a host name, not an IP address (got 192.0.2.10)',
    );
  });

  it('rejects a port out of range', () => {
    expect(() => synth({ zone, records: [{ ...SIP, port: 0 }] })).toThrow('dns.records[0].port: must be a whole number from 1 to 65535 (got 0)');
  });

  it('rejects a service label with its underscore', () => {
    expect(() => synth({ zone, records: [{ ...SIP, service: '_sip' }] })).toThrow('dns.records[0].service');
  });

  it('rejects records of one set with different TTLs', () => {
    expect(() => synth({ zone, records: [SIP, { ...SIP, target: 'px02.contoso.example', ttl: 60 }] })).toThrow(
      'records of one service must share a TTL (got 3600, 60)',
    );
  });

  it('rejects an empty record list', () => {
    expect(() => synth({ zone, records: [] })).toThrow('dns.records: must hold at least one SRV record');
  });

  it('accepts a target that is an unresolved token and passes it through', () => {
    const json = Testing.synthScope((scope) => {
      const target = new TerraformVariable(scope, 'target', { type: 'string' });
      new CviDnsRecords(scope, 'dns', { zone: DnsZone.azure('contoso.example', 'rg'), records: [{ ...SIP, target: target.stringValue }] });
    });
    expect(json).toHaveResourceWithProperties(DnsSrvRecord, { record: [expect.objectContaining({ target: '${var.target}' })] });
  });
});

describe('CviDnsRecords attributes', () => {
  it('exposes the owner names it publishes', () => {
    let records: CviDnsRecords | undefined;
    Testing.synthScope((scope) => {
      records = new CviDnsRecords(scope, 'dns', {
        zone: DnsZone.rfc2136('contoso.example.'),
        relativeName: 'vc',
        records: [SIP, { ...SIP, service: 'h323cs', port: 1720 }],
      });
    });
    expect(records?.ownerNames).toEqual(['_sip._tcp.vc.contoso.example', '_h323cs._tcp.vc.contoso.example']);
  });
});
