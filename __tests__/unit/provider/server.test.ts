/**
 * The protocol server in-process, as Terraform reaches it: HTTP/2 over TLS on a unix socket,
 * presenting the client certificate from PLUGIN_CLIENT_CERT.
 */
import * as http2 from 'node:http2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTlsIdentity, type TlsIdentity } from '../../../tls/certificate';
import { frame, unframe } from '../../../provider/server/grpc';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../../provider/server/handshake';
import { servePlugin } from '../../../provider/server/plugin';
import { decodeMessage, encodeMessage } from '../../../provider/server/protobuf';
import { providerMethods } from '../../../provider/server/protocol';
import { createProviderMethods } from '../../../provider/service';

interface Started {
  socket: string;
  serverCertPem: string;
  exited: Promise<number>;
}

async function startPlugin(client: TlsIdentity, dir: string): Promise<Started> {
  let line = '';
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const code = await servePlugin({
    env: { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem, PLUGIN_UNIX_SOCKET_DIR: dir },
    loadMethods: async () => createProviderMethods(),
    stdout: (text) => (line += text),
    exit,
  });
  expect(code).toBeUndefined();
  const [, , , socket, , certB64] = line.trim().split('|');
  const body = Buffer.from(certB64, 'base64').toString('base64').replace(/(.{64})/g, '$1\n').trimEnd();
  return { socket, serverCertPem: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`, exited };
}

function call(started: Started, client: TlsIdentity, path: string, request: Buffer): Promise<{ status: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect('https://localhost', {
      path: started.socket,
      ca: started.serverCertPem,
      cert: client.certPem,
      key: client.keyPem,
      servername: 'localhost',
    } as http2.SecureClientSessionOptions);
    session.on('error', reject);
    const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers' });
    const chunks: Buffer[] = [];
    let status = '';
    stream.on('response', (headers) => (status = String(headers['grpc-status'] ?? status)));
    stream.on('trailers', (trailers) => (status = String(trailers['grpc-status'])));
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('error', reject);
    stream.on('close', () => {
      session.close();
      // No grpc-status at all: the server hung up without answering (TLS refused us).
      if (status === '') reject(new Error(`no gRPC answer from ${path}`));
      else resolve({ status, body: unframe(Buffer.concat(chunks)) });
    });
    stream.end(frame(request));
  });
}

describe('the plugin server', () => {
  const terraform = makeTlsIdentity();
  let dir: string;
  let started: Started;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-server-'));
    started = await startPlugin(terraform, dir);
  });

  afterAll(async () => {
    await call(started, terraform, '/plugin.GRPCController/Shutdown', Buffer.alloc(0)).catch(() => undefined);
    await started.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers GetMetadata with the three resource types', async () => {
    const answer = await call(started, terraform, '/tfplugin6.Provider/GetMetadata', Buffer.alloc(0));

    const response = decodeMessage(providerMethods.GetMetadata.response, answer.body);
    expect(answer.status).toBe('0');
    expect((response.resources as { typeName: string }[]).map((r) => r.typeName)).toEqual([
      'cvi_video_interop_service_provider',
      'cvi_video_interop_policy_assignment',
      'cvi_federation_allowed_domain',
    ]);
  });

  it('reports the plugin service as SERVING to a health check', async () => {
    const answer = await call(started, terraform, '/grpc.health.v1.Health/Check', encodeMessage({ service: { no: 1, kind: 'string' } }, { service: 'plugin' }));

    expect(answer.body).toEqual(Buffer.from([0x08, 0x01]));
  });

  it('answers UNIMPLEMENTED (12) for a method it does not serve', async () => {
    const answer = await call(started, terraform, '/tfplugin6.Provider/CallFunction', Buffer.alloc(0));

    expect(answer.status).toBe('12');
  });

  it('refuses a client that presents another certificate than Terraform\'s', async () => {
    const stranger = makeTlsIdentity();

    await expect(call(started, stranger, '/tfplugin6.Provider/GetMetadata', Buffer.alloc(0))).rejects.toThrow(/no gRPC answer|certificate|socket hang up|ECONNRESET/);
  });
});
