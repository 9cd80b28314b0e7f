/** A tiny scripted HTTP server for unit tests of the pipeline: records requests, answers from a script. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers one request: status/body/headers, or 'reset' to drop the connection. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'reset';

export interface FakeService {
  url: string;
  seen: SeenRequest[];
  stop: () => Promise<void>;
}

/** The host discovery answers (evidence §1: a host such as admin2a.online.lync.com), and the header the client then sends. */
export const ADMIN_HOST = 'admin2a.example.test';
export const ADMIN_ENDPOINT = `https://${ADMIN_HOST}`;

/** Discovery is answered automatically; every other request goes to `script`. */
export async function startFakeService(script: (req: SeenRequest, index: number) => Answer): Promise<FakeService> {
  const seen: SeenRequest[] = [];
  let index = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(r);
      const answer: Answer = r.path.endsWith('/Teams.Tenant/serviceDiscovery') ? { status: 200, body: { Endpoints: { AdminServiceEndpoint: ADMIN_HOST } } } : script(r, index++);
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
