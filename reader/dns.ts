/**
 * SRV records read over the DNS protocol, as a caller's resolver would see them: node's
 * c-ares resolver (UDP, and TCP when an answer comes back truncated), pointed at one server
 * (`host:port`, e.g. the zone's primary) or the system's resolvers.
 */
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { DnsReadout, missing, Part, read, reasonOf, SrvAnswer, SrvRecordSetRead, unreadable } from './readout';

export interface SrvReadOptions {
  /** `host:port`, `host` (port 53) or `[v6]:port`; undefined: the system's resolvers. */
  readonly server?: string;
  /** Per-query timeout. @default 2000 */
  readonly timeoutMs?: number;
  /** Attempts per server. @default 2 */
  readonly tries?: number;
}

/** Answers that mean "no such record" rather than "could not ask". */
const ABSENT = new Set(['ENOTFOUND', 'ENODATA']);

/** `host:port` to the `ip:port` form c-ares takes (it takes addresses only). */
export async function resolverAddress(server: string): Promise<string> {
  const match = /^\[(.+)\](?::(\d+))?$/.exec(server) ?? /^([^:]+)(?::(\d+))?$/.exec(server) ?? (isIP(server) === 6 ? [server, server, undefined] : null);
  if (!match) throw new Error(`DNS server "${server}" is not host, host:port or [v6]:port`);
  const [, host, portText] = match;
  const port = portText === undefined ? 53 : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`DNS server "${server}": port must be 1 to 65535`);
  const address = isIP(host) ? host : (await dns.lookup(host)).address;
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

export async function readSrvRecordSets(owners: readonly string[], options: SrvReadOptions = {}): Promise<Part<DnsReadout>> {
  const resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 2000, tries: options.tries ?? 2 });
  const server = options.server ?? 'system resolver';
  if (options.server !== undefined) {
    try {
      resolver.setServers([await resolverAddress(options.server)]);
    } catch (err) {
      return unreadable(reasonOf(err));
    }
  }
  const recordSets: SrvRecordSetRead[] = [];
  for (const owner of [...new Set(owners.map((o) => o.toLowerCase()))]) {
    recordSets.push({ owner, answers: await readOne(resolver, owner, server) });
  }
  return read({ server, recordSets });
}

async function readOne(resolver: dns.Resolver, owner: string, server: string): Promise<Part<readonly SrvAnswer[]>> {
  try {
    const answers = await resolver.resolveSrv(owner);
    return read(
      answers
        .map((a) => ({ target: a.name.replace(/\.$/, '').toLowerCase(), port: a.port, priority: a.priority, weight: a.weight }))
        .sort((a, b) => a.target.localeCompare(b.target) || a.port - b.port),
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (ABSENT.has(code)) return missing(`${owner}: no SRV record (${code === 'ENOTFOUND' ? 'no such name' : 'the name holds no SRV record'}) at ${server}`);
    return unreadable(`${owner}: ${server} did not answer (${code || reasonOf(err)})`);
  }
}
