/** SRV records read back as the preset they came from, only when they are exactly one. */
import { srvRecordsFromPreset } from '../../../../constructs/dns-records';
import { presetOf, type ExportedSrvRecord } from '../../../../scripts/export/dns-preset';

const NODES = ['px01.vc.contoso.com', 'px02.vc.contoso.com'];
const expand = (options: Parameters<typeof srvRecordsFromPreset>[1]): ExportedSrvRecord[] =>
  srvRecordsFromPreset('pexip-infinity', options).map((r) => ({ service: r.service, protocol: r.protocol, port: r.port, target: r.target, priority: r.priority ?? 10, weight: r.weight ?? 10 }));

describe('records written back as a preset', () => {
  test('the preset of two nodes with its defaults is just its name and nodes', () => {
    expect(presetOf('pexip-infinity', expand({ nodes: NODES }))).toEqual({ name: 'pexip-infinity', nodes: NODES });
  });

  test('an omitted service, another port, priority and weight come back as the options that made them', () => {
    const options = { nodes: NODES, omit: ['h323rs'], ports: { sips: 5062 }, priority: 20, weight: 5 };
    expect(presetOf('pexip-infinity', expand(options))).toEqual({ name: 'pexip-infinity', ...options });
  });

  test('a node missing under one service is no preset', () => {
    const records = expand({ nodes: NODES }).filter((r) => !(r.service === 'sip' && r.target === NODES[1]));
    expect(presetOf('pexip-infinity', records)).toBeUndefined();
  });

  test('one record of another weight, or a service outside the preset, is no preset', () => {
    const records = expand({ nodes: NODES });
    expect(presetOf('pexip-infinity', records.map((r, i) => (i === 0 ? { ...r, weight: 30 } : r)))).toBeUndefined();
    expect(presetOf('pexip-infinity', [...records, { service: 'turn', protocol: 'udp', port: 3478, target: NODES[0], priority: 10, weight: 10 }])).toBeUndefined();
  });
});
