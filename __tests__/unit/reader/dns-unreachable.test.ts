import { createSocket } from 'node:dgram';
import { readSrvRecordSets, resolverAddress } from '../../../reader';

describe('reading SRV records when no answer can be had', () => {
  test('a server that never answers makes each record set unreadable, not missing', async () => {
    // A bound UDP socket that reads and never answers: the query times out.
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const port = silent.address().port;
    try {
      const dns = await readSrvRecordSets(['_sip._tcp.contoso.example'], { server: `127.0.0.1:${port}`, timeoutMs: 200, tries: 1 });

      expect(dns.status).toBe('read');
      if (dns.status !== 'read') return;
      expect(dns.value.recordSets).toEqual([{ owner: '_sip._tcp.contoso.example', answers: { status: 'unreadable', reason: expect.stringContaining(`127.0.0.1:${port} did not answer`) } }]);
    } finally {
      silent.close();
    }
  });

  test('a server that is not host:port makes the DNS part unreadable naming it', async () => {
    const dns = await readSrvRecordSets(['_sip._tcp.contoso.example'], { server: '127.0.0.1:99999' });

    expect(dns).toEqual({ status: 'unreadable', reason: 'DNS server "127.0.0.1:99999": port must be 1 to 65535' });
  });

  test('server addresses take host, host:port and [v6]:port', async () => {
    expect(await resolverAddress('127.0.0.1')).toBe('127.0.0.1:53');
    expect(await resolverAddress('127.0.0.1:5353')).toBe('127.0.0.1:5353');
    expect(await resolverAddress('[::1]:5353')).toBe('[::1]:5353');
    expect(await resolverAddress('localhost:5353')).toMatch(/^(127\.0\.0\.1:5353|\[::1\]:5353)$/);
  });
});
