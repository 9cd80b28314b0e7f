/**
 * The reader's DNS part against a real BIND 9: an answer too large for UDP comes back complete
 * (the resolver retries over TCP on truncation), and "no such name" is told apart from "a name
 * without SRV records" and from a server that does not answer.
 */
import { readSrvRecordSets } from '../../../reader';
import { BindServer, type SrvRecordData } from '../support/bind';

jest.setTimeout(60_000);

const ZONE = 'dns.example';

describe('SRV records read from BIND 9', () => {
  let bind: BindServer;
  beforeAll(async () => {
    bind = await BindServer.start([ZONE]);
  });
  afterAll(() => bind?.stop());

  test('an answer larger than a UDP message arrives whole (TCP after truncation)', async () => {
    const owner = `_sip._tcp.big.${ZONE}`;
    const records: SrvRecordData[] = Array.from({ length: 80 }, (_, i) => ({ owner, priority: 10, weight: i, port: 5060, target: `conferencing-node-${String(i).padStart(3, '0')}.vc.${ZONE}` }));
    await bind.addSrv(ZONE, records);

    const dns = await readSrvRecordSets([owner], { server: bind.address });

    const answers = dns.status === 'read' ? dns.value.recordSets[0].answers : undefined;
    expect(answers?.status).toBe('read');
    expect(answers?.status === 'read' && answers.value).toHaveLength(80);
    expect(answers?.status === 'read' && answers.value.find((a) => a.weight === 79)).toEqual({ target: `conferencing-node-079.vc.${ZONE}`, port: 5060, priority: 10, weight: 79 });
  });

  test('a name that does not exist and a name holding other records are both missing, each saying which', async () => {
    await bind.update(ZONE, [`update add _h323cs._tcp.other.${ZONE}. 300 IN TXT "not an SRV record"`]);

    const dns = await readSrvRecordSets([`_sip._tcp.nowhere.${ZONE}`, `_h323cs._tcp.other.${ZONE}`], { server: bind.address });

    expect(dns.status === 'read' && dns.value.recordSets.map((s) => s.answers)).toEqual([
      { status: 'missing', reason: `_sip._tcp.nowhere.${ZONE}: no SRV record (no such name) at ${bind.address}` },
      { status: 'missing', reason: `_h323cs._tcp.other.${ZONE}: no SRV record (the name holds no SRV record) at ${bind.address}` },
    ]);
  });
});
