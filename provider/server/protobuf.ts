/**
 * A small protobuf (proto3) wire codec driven by plain descriptors written in TypeScript.
 *
 * Why not protobufjs with a .proto file: parsing a schema at start-up costs tens of
 * milliseconds per provider start, and Terraform starts the provider several times per plan.
 * The subset of tfplugin6 we serve needs only strings, bytes, bools, 64-bit ints that fit a
 * JS number, enums, nested messages, repeated fields and string-keyed maps.
 */

export type FieldKind = 'string' | 'bytes' | 'bool' | 'int64' | 'enum' | 'message' | 'map';

export interface FieldDescriptor {
  /** Field number on the wire: must match the peer's definition. */
  readonly no: number;
  readonly kind: FieldKind;
  readonly repeated?: boolean;
  /** For `message` fields and the values of `map` fields (string keys only). */
  readonly type?: () => MessageDescriptor;
}

/** Field name (as used in our JS objects) to its wire description. */
export type MessageDescriptor = Readonly<Record<string, FieldDescriptor>>;

/** A decoded message: field names to JS values. Absent fields are absent. */
export type Message = Record<string, unknown>;

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

class Writer {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  varint(value: number): void {
    const bytes: number[] = [];
    // Negative int64 values take ten bytes in two's complement; none of our fields uses them,
    // but encode them correctly rather than loop forever.
    let big = BigInt.asUintN(64, BigInt(Math.trunc(value)));
    do {
      let byte = Number(big & 0x7fn);
      big >>= 7n;
      if (big !== 0n) byte |= 0x80;
      bytes.push(byte);
    } while (big !== 0n);
    this.push(Buffer.from(bytes));
  }

  tag(no: number, wire: number): void {
    this.varint(no * 8 + wire);
  }

  lengthDelimited(no: number, payload: Buffer): void {
    this.tag(no, WIRE_LEN);
    this.varint(payload.length);
    this.push(payload);
  }

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function encodeScalar(w: Writer, no: number, field: FieldDescriptor, value: unknown): void {
  switch (field.kind) {
    case 'string':
      w.lengthDelimited(no, Buffer.from(String(value), 'utf8'));
      return;
    case 'bytes':
      w.lengthDelimited(no, Buffer.from(value as Uint8Array));
      return;
    case 'bool':
      w.tag(no, WIRE_VARINT);
      w.varint(value ? 1 : 0);
      return;
    case 'int64':
    case 'enum':
      w.tag(no, WIRE_VARINT);
      w.varint(Number(value));
      return;
    case 'message':
      w.lengthDelimited(no, encodeMessage(field.type!(), value as Message));
      return;
    case 'map':
      throw new Error('map fields are encoded by encodeMessage');
  }
}

/** proto3 leaves default scalar values off the wire; messages are sent whenever present. */
function isDefault(field: FieldDescriptor, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  switch (field.kind) {
    case 'string':
      return value === '';
    case 'bytes':
      return (value as Uint8Array).length === 0;
    case 'bool':
      return value === false;
    case 'int64':
    case 'enum':
      return Number(value) === 0;
    default:
      return false;
  }
}

export function encodeMessage(descriptor: MessageDescriptor, message: Message): Buffer {
  const w = new Writer();
  for (const [name, field] of Object.entries(descriptor)) {
    const value = message[name];
    if (value === undefined || value === null) continue;
    if (field.kind === 'map') {
      const entryType: MessageDescriptor = {
        key: { no: 1, kind: 'string' },
        value: { no: 2, kind: 'message', type: field.type },
      };
      for (const [key, entry] of Object.entries(value as Record<string, Message>)) {
        w.lengthDelimited(field.no, encodeMessage(entryType, { key, value: entry }));
      }
    } else if (field.repeated) {
      for (const item of value as unknown[]) encodeScalar(w, field.no, field, item);
    } else if (!isDefault(field, value)) {
      encodeScalar(w, field.no, field, value);
    }
  }
  return w.finish();
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('protobuf: truncated varint');
      const byte = this.buf[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new Error('protobuf: varint too long');
    }
  }

  bytes(): Buffer {
    const length = Number(this.varint());
    const end = this.pos + length;
    if (end > this.buf.length) throw new Error('protobuf: truncated field');
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  skip(wire: number): void {
    if (wire === WIRE_VARINT) this.varint();
    else if (wire === WIRE_I64) this.pos += 8;
    else if (wire === WIRE_LEN) this.bytes();
    else if (wire === WIRE_I32) this.pos += 4;
    else throw new Error(`protobuf: unsupported wire type ${wire}`);
  }
}

function decodeScalar(r: Reader, field: FieldDescriptor, wire: number): unknown {
  switch (field.kind) {
    case 'string':
      return r.bytes().toString('utf8');
    case 'bytes':
      return Buffer.from(r.bytes());
    case 'bool':
      return r.varint() !== 0n;
    case 'int64':
    case 'enum':
      return Number(BigInt.asIntN(64, r.varint()));
    case 'message':
      return decodeMessage(field.type!(), r.bytes());
    case 'map':
      throw new Error(`protobuf: map decoded as scalar (wire ${wire})`);
  }
}

/** Decodes `buf`; fields the descriptor does not name are skipped (newer peers add fields). */
export function decodeMessage(descriptor: MessageDescriptor, buf: Buffer): Message {
  const byNumber = new Map<number, [string, FieldDescriptor]>();
  for (const [name, field] of Object.entries(descriptor)) byNumber.set(field.no, [name, field]);
  const out: Message = {};
  const r = new Reader(buf);
  while (!r.done) {
    const tag = Number(r.varint());
    const no = tag >>> 3;
    const wire = tag & 7;
    const known = byNumber.get(no);
    if (!known) {
      r.skip(wire);
      continue;
    }
    const [name, field] = known;
    if (field.kind === 'map') {
      const entry = decodeMessage(
        { key: { no: 1, kind: 'string' }, value: { no: 2, kind: 'message', type: field.type } },
        r.bytes(),
      );
      const map = (out[name] as Record<string, unknown> | undefined) ?? {};
      map[String(entry.key ?? '')] = entry.value ?? {};
      out[name] = map;
    } else if (field.repeated) {
      const list = (out[name] as unknown[] | undefined) ?? [];
      list.push(decodeScalar(r, field, wire));
      out[name] = list;
    } else {
      out[name] = decodeScalar(r, field, wire);
    }
  }
  return out;
}
