/**
 * A minimal gRPC server on node:http2 with mutual TLS, listening on a unix socket.
 *
 * Why not @grpc/grpc-js: loading it costs ~70 ms of every provider start, and we serve a
 * handful of unary methods plus one stream that never sends. gRPC over HTTP/2 is: a POST to
 * /<package.Service>/<Method>, messages framed as 1 byte "compressed" + 4 bytes length +
 * protobuf, and the outcome in the `grpc-status` trailer.
 */
import * as http2 from 'node:http2';

export type UnaryHandler = (request: Buffer) => Promise<Buffer>;

/** Called for a server stream; it may write frames with `send` and is closed on shutdown. */
export type StreamHandler = (request: Buffer, send: (message: Buffer) => void) => void;

export const GRPC_OK = 0;
export const GRPC_INTERNAL = 13;
export const GRPC_UNIMPLEMENTED = 12;
export const GRPC_INVALID_ARGUMENT = 3;

export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GrpcServerOptions {
  keyPem: string;
  certPem: string;
  /** Only a client presenting exactly this certificate (Terraform's) may connect. */
  clientCertPem: string;
  socketPath: string;
  unary: Record<string, UnaryHandler>;
  streams: Record<string, StreamHandler>;
  /** Reports a failed call (to stderr, which Terraform shows under TF_LOG). */
  onError?: (path: string, error: unknown) => void;
}

export function frame(message: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

/** The first message of a request body; gRPC compression is never negotiated with Terraform. */
export function unframe(body: Buffer): Buffer {
  if (body.length === 0) return body; // an empty request message may come with no frame at all
  if (body.length < 5) throw new GrpcError(GRPC_INVALID_ARGUMENT, 'truncated gRPC frame');
  if (body[0] !== 0) throw new GrpcError(GRPC_UNIMPLEMENTED, 'compressed gRPC messages are not supported');
  const size = body.readUInt32BE(1);
  return body.subarray(5, 5 + size);
}

function fail(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed) return;
  stream.respond(
    { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': encodeURIComponent(message) },
    { endStream: true },
  );
}

function reply(stream: http2.ServerHttp2Stream, message: Buffer): void {
  if (stream.destroyed || stream.closed) return;
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(GRPC_OK) }));
  stream.end(frame(message));
}

export interface RunningGrpcServer {
  server: http2.Http2SecureServer;
  /** Ends open streams and stops listening. */
  close(): Promise<void>;
}

export function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const openStreams = new Set<http2.ServerHttp2Stream>();
  const server = http2.createSecureServer({
    key: options.keyPem,
    cert: options.certPem,
    ca: options.clientCertPem,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    allowHTTP1: false,
  });

  server.on('stream', (stream, headers) => {
    const path = String(headers[':path'] ?? '');
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', () => undefined); // a peer that goes away mid-call is not our failure
    const unary = options.unary[path];
    const streaming = options.streams[path];
    if (!unary && !streaming) {
      stream.resume();
      fail(stream, GRPC_UNIMPLEMENTED, `${path} is not served by the cvi provider`);
      return;
    }
    if (streaming) {
      // Server streams are answered at once; the request message is not needed by ours. They
      // end with an OK status on shutdown (a stream cut without trailers is logged as an error).
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(GRPC_OK) }));
      openStreams.add(stream);
      stream.on('close', () => openStreams.delete(stream));
      streaming(Buffer.alloc(0), (message) => stream.write(frame(message)));
      return;
    }
    stream.on('end', () => {
      let request: Buffer;
      try {
        request = unframe(Buffer.concat(chunks));
      } catch (error) {
        fail(stream, error instanceof GrpcError ? error.code : GRPC_INVALID_ARGUMENT, String(error));
        return;
      }
      unary(request).then(
        (response) => reply(stream, response),
        (error: unknown) => {
          options.onError?.(path, error);
          const code = error instanceof GrpcError ? error.code : GRPC_INTERNAL;
          fail(stream, code, error instanceof Error ? error.message : String(error));
        },
      );
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.socketPath, () => {
      server.off('error', reject);
      resolve({
        server,
        close: () =>
          new Promise<void>((done) => {
            for (const s of openStreams) if (!s.destroyed) s.end();
            server.close(() => done());
          }),
      });
    });
  });
}
