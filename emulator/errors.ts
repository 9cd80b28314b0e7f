import type { ServerResponse, IncomingMessage } from 'node:http';
import { errorFamily } from './router';

/**
 * An answer the emulated service gives instead of a result, in the body shape of the route's
 * family (router.ts `errorFamily`, evidence §10), so the client's error reading is exercised
 * for both shapes.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly action = '',
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);
export const notFound = (message: string) => new ApiError(404, 'NotFound', message);
export const conflict = (message: string) => new ApiError(409, 'Conflict', message);

/** Largest body accepted: a 5,000-user batch is ~250 KB, so 4 MB leaves room without risk. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'RequestTooLarge', `request body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON object body; anything else is the 400 the service gives for a malformed request. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) throw badRequest('request body is empty; a JSON object is required');
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError, path: string): void {
  const body =
    errorFamily(path) === 'teams'
      ? { error: { code: err.code, message: err.message, target: null, correlationId: null, timeStampUtc: new Date().toISOString() } }
      : { code: err.code, message: err.message, action: err.action };
  sendJson(res, err.status, body, err.headers);
}
