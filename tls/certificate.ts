/**
 * A TLS identity for local servers: an EC P-256 key and a self-signed certificate for
 * "localhost", made fresh on every start. The provider serves Terraform's AutoMTLS with it, the
 * emulator its HTTPS endpoints; it lives apart from both so neither imports the other.
 *
 * Why by hand: Node can generate keys and sign but not build certificates. An RSA key takes
 * ~100 ms+ to generate; P-256 takes about one. The DER below is the few X.509 fields Go's
 * crypto/x509 (Terraform's side of the handshake) needs to trust the certificate as its
 * own root: SAN localhost, CA true, key usage for signing, server and client auth.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const octets = (b: Buffer) => tlv(0x04, b);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const explicit = (n: number, c: Buffer) => tlv(0xa0 | n, c);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const body: number[] = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [];
    let v = part;
    do {
      chunk.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80;
    body.push(...chunk);
  }
  return tlv(0x06, Buffer.from(body));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  // UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5).
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

const ECDSA_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const LOCALHOST_NAME = sequence(set(sequence(oid('2.5.4.3'), utf8('localhost'))));

export interface TlsIdentity {
  keyPem: string;
  certPem: string;
  /** DER of the certificate: its base64 without padding is the handshake line's last field. */
  certDer: Buffer;
}

export function makeTlsIdentity(now = new Date()): TlsIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01; // positive and non-zero
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  const extensions = sequence(
    extension('2.5.29.19', true, sequence(bool(true))), // basic constraints: CA
    // key usage: digitalSignature | keyCertSign (bits 0 and 5; 2 unused trailing bits)
    extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x02, 0x84]))),
    // extended key usage: serverAuth, clientAuth
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    // subject alternative names: DNS localhost, IP 127.0.0.1
    extension('2.5.29.17', false, sequence(tlv(0x82, Buffer.from('localhost')), tlv(0x87, Buffer.from([127, 0, 0, 1])))),
  );
  const tbs = sequence(
    explicit(0, tlv(0x02, Buffer.from([2]))), // version 3
    tlv(0x02, serial),
    ECDSA_SHA256,
    LOCALHOST_NAME,
    sequence(time(notBefore), time(notAfter)),
    LOCALHOST_NAME,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certDer = sequence(tbs, ECDSA_SHA256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const body = certDer.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd();
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    certPem: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    certDer,
  };
}
