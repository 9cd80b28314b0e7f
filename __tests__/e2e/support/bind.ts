/**
 * A real DNS server for tests: BIND 9 (`named`, Debian's bind9) on 127.0.0.1 at a free high
 * port, serving test zones that accept RFC 2136 updates signed with a TSIG key (hmac-sha256),
 * the way the dns Terraform provider writes records. Records are written by `nsupdate -y`
 * (bind9-dnsutils) with that key. Starting fails loudly, never skips: a missing `named` is an
 * error naming the packages to install (.ci/run installs them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { promises as dns } from 'node:dns';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runProcess } from '../../../scripts/run-process';

export const BIND_PACKAGES = 'bind9 bind9-utils bind9-dnsutils';

/** The first of `name` on PATH or in the sbin folders (named lives in /usr/sbin, not always on PATH). */
export function findTool(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  const found = dirs.filter((d) => d !== '').map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found) throw new Error(`${name} is not installed: apt-get install ${BIND_PACKAGES} (Debian; .ci/run does this when named is missing)`);
  return found;
}

export interface TsigKey {
  readonly name: string;
  readonly algorithm: 'hmac-sha256';
  /** Base64, as DNS_UPDATE_KEYSECRET carries it. */
  readonly secret: string;
}

export interface SrvRecordData {
  readonly owner: string;
  readonly ttl?: number;
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  readonly target: string;
}

/** A port free for both TCP and UDP on 127.0.0.1 (named listens on both). */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const p = (server.address() as { port: number }).port;
        server.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree && port > 1024) return port;
  }
  throw new Error('no free port for named on 127.0.0.1');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class BindServer {
  private exited = false;
  private output = '';

  private constructor(
    readonly port: number,
    readonly zones: readonly string[],
    readonly key: TsigKey,
    private readonly dir: string,
    private readonly process: ChildProcess,
  ) {
    process.stdout?.on('data', (c: Buffer) => (this.output += c.toString()));
    process.stderr?.on('data', (c: Buffer) => (this.output += c.toString()));
    process.once('exit', () => (this.exited = true));
  }

  /** `127.0.0.1:<port>`, as `cvi verify --dns-server` takes it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts named with `zones` (each with an SOA and NS only) and waits until it answers. */
  static async start(zones: readonly string[], keyName = 'cvi-key.'): Promise<BindServer> {
    const named = findTool('named');
    findTool('nsupdate');
    const key: TsigKey = { name: keyName, algorithm: 'hmac-sha256', secret: randomBytes(32).toString('base64') };
    let lastError: Error | undefined;
    // A port found free can be taken before named binds it: try a few.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), 'cvi-bind-'));
      writeFileSync(join(dir, 'named.conf'), namedConf(dir, port, zones, key));
      for (const zone of zones) writeFileSync(join(dir, `${zone}.zone`), zoneFile(zone));
      const child = spawn(named, ['-g', '-c', join(dir, 'named.conf'), '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
      const server = new BindServer(port, zones, key, dir, child);
      try {
        await server.waitUntilServing();
        return server;
      } catch (err) {
        lastError = err as Error;
        await server.stop();
      }
    }
    throw lastError ?? new Error('named did not start');
  }

  /** Adds SRV records by a TSIG-signed RFC 2136 update. */
  async addSrv(zone: string, records: readonly SrvRecordData[]): Promise<void> {
    await this.update(zone, records.map((r) => `update add ${r.owner}. ${r.ttl ?? 300} IN SRV ${r.priority} ${r.weight} ${r.port} ${r.target}.`));
  }

  /** Deletes one SRV record (exact data) by a TSIG-signed RFC 2136 update. */
  async deleteSrv(zone: string, record: SrvRecordData): Promise<void> {
    await this.update(zone, [`update delete ${record.owner}. IN SRV ${record.priority} ${record.weight} ${record.port} ${record.target}.`]);
  }

  /** Sends one update message of `lines` with `nsupdate -y`; throws with its output unless it succeeded. */
  async update(zone: string, lines: readonly string[], key: TsigKey = this.key): Promise<void> {
    const script = [`server 127.0.0.1 ${this.port}`, `zone ${zone}`, ...lines, 'send', ''].join('\n');
    const file = join(this.dir, `update-${randomBytes(4).toString('hex')}.txt`);
    writeFileSync(file, script);
    const result = await runProcess(findTool('nsupdate'), ['-y', `${key.algorithm}:${key.name}:${key.secret}`, '-t', '5', file], { cwd: this.dir, timeoutMs: 20_000 });
    if (result.code !== 0) throw new Error(`nsupdate failed (exit ${result.code}): ${(result.stderr || result.stdout).trim()}`);
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      let timer: NodeJS.Timeout | undefined;
      const gone = new Promise((resolve) => this.process.once('exit', resolve));
      this.process.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
      clearTimeout(timer);
      if (!this.exited) {
        this.process.kill('SIGKILL');
        await gone;
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitUntilServing(): Promise<void> {
    const resolver = new dns.Resolver({ timeout: 300, tries: 1 });
    resolver.setServers([this.address]);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`named exited at start:\n${this.output.trim().split('\n').slice(-15).join('\n')}`);
      try {
        await resolver.resolveSoa(this.zones[0]);
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`named did not answer for ${this.zones[0]} at ${this.address} within 15 s:\n${this.output.trim().split('\n').slice(-15).join('\n')}`);
  }
}

function namedConf(dir: string, port: number, zones: readonly string[], key: TsigKey): string {
  const zoneBlocks = zones.map((z) => `zone "${z}" { type primary; file "${join(dir, `${z}.zone`)}"; allow-update { key "${key.name}"; }; };`);
  return [
    'options {',
    `  directory "${dir}";`,
    `  pid-file "${join(dir, 'named.pid')}";`,
    `  session-keyfile "${join(dir, 'session.key')}";`,
    `  managed-keys-directory "${dir}";`,
    `  listen-on port ${port} { 127.0.0.1; };`,
    '  listen-on-v6 { none; };',
    '  recursion no;',
    '  dnssec-validation no;',
    '  notify no;',
    '  allow-transfer { none; };',
    '};',
    'controls { };',
    `key "${key.name}" { algorithm ${key.algorithm}; secret "${key.secret}"; };`,
    ...zoneBlocks,
    '',
  ].join('\n');
}

function zoneFile(zone: string): string {
  return [
    '$TTL 300',
    `@ IN SOA ns1.${zone}. hostmaster.${zone}. 1 3600 600 86400 300`,
    `@ IN NS ns1.${zone}.`,
    'ns1 IN A 127.0.0.1',
    '',
  ].join('\n');
}
