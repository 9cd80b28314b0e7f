/**
 * The provider process as Terraform starts it (the launcher in the mirror), on the edges of its
 * life: a client certificate it cannot use, and the signals that end it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerLayout } from '../../../scripts/install-provider';
import { makeTlsIdentity } from '../../../tls/certificate';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../../provider/server/handshake';

let socketDir: string;
beforeEach(() => (socketDir = mkdtempSync(join(tmpdir(), 'cvi-sockets-'))));
afterEach(() => rmSync(socketDir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(clientCert: string): Running {
  const env = { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_CLIENT_CERT: clientCert, PLUGIN_UNIX_SOCKET_DIR: socketDir };
  const child = spawn(providerLayout().launcher, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, closed };
}

async function handshake(running: Running): Promise<string> {
  while (!running.stdout().includes('\n')) {
    if (running.child.exitCode !== null) throw new Error(`provider exited: ${running.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return running.stdout().split('|')[3];
}

describe('a bad PLUGIN_CLIENT_CERT', () => {
  it.each([
    ['garbage that only names a certificate', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n'],
    ['a truncated certificate', makeTlsIdentity().certPem.slice(0, 200) + '\n-----END CERTIFICATE-----\n'],
  ])('(%s) ends the provider at once with one line, no handshake and no socket', async (_what, cert) => {
    const running = start(cert);
    const { code } = await running.closed;

    expect(code).toBe(1);
    expect(running.stdout()).toBe('');
    expect(running.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^cvi provider: PLUGIN_CLIENT_CERT is not a usable certificate \(not a PEM X\.509 certificate: .+\); /)]);
    expect(readdirSync(socketDir)).toEqual([]);
  });
});

describe('the provider ended by a signal', () => {
  it('removes its socket and exits on SIGTERM', async () => {
    const running = start(makeTlsIdentity().certPem);
    const socket = await handshake(running);
    expect(existsSync(socket)).toBe(true);

    running.child.kill('SIGTERM');
    const { code } = await running.closed;

    expect(code).toBe(143);
    expect(existsSync(socket)).toBe(false);
    expect(readdirSync(socketDir)).toEqual([]);
  });

  it('removes its socket on the first SIGINT but keeps running for Terraform, and exits on the second', async () => {
    const running = start(makeTlsIdentity().certPem);
    const socket = await handshake(running);

    running.child.kill('SIGINT');
    while (existsSync(socket)) await new Promise((r) => setTimeout(r, 20));
    expect(running.child.exitCode).toBeNull();
    running.child.kill('SIGINT');
    const { code } = await running.closed;

    expect(code).toBe(130);
    expect(readdirSync(socketDir)).toEqual([]);
  });
});
