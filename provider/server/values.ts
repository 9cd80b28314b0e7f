/**
 * Terraform values on the wire (DynamicValue): msgpack, or JSON for stored state.
 *
 * A value not yet known at plan time travels as a msgpack extension (type 0, or 12 for a
 * "refined" unknown); we read any extension as unknown and always write type 0. Objects are
 * written with every attribute of their type present (null when absent), in schema order.
 */
import { Decoder, Encoder, ExtData, ExtensionCodec } from '@msgpack/msgpack';

/** The "not known until apply" value. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

export type TfValue = null | Unknown | string | number | boolean | TfValue[] | TfObject;
export interface TfObject {
  [attribute: string]: TfValue;
}

/** Terraform type constraints as their JSON form: "string", ["set","string"], ["map","bool"], ["object",{...}]. */
export type TfType = 'string' | 'number' | 'bool' | ['set', TfType] | ['list', TfType] | ['map', TfType] | ['object', Record<string, TfType>];

export const isUnknown = (v: unknown): v is Unknown => v === UNKNOWN;

const codec = new ExtensionCodec();
codec.register({
  type: 0,
  encode: (input: unknown) => (input === UNKNOWN ? new Uint8Array([0]) : null),
  decode: () => UNKNOWN,
});

function fromWire(raw: unknown, type: TfType): TfValue {
  if (raw === null || raw === undefined) return null;
  if (raw === UNKNOWN || raw instanceof ExtData) return UNKNOWN;
  if (type === 'string') return String(raw);
  if (type === 'bool') return Boolean(raw);
  if (type === 'number') return typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : Number(String(raw));
  if (type[0] === 'set' || type[0] === 'list') {
    return (raw as unknown[]).map((item) => fromWire(item, type[1]));
  }
  if (type[0] === 'map') return mapFromWire(raw as Record<string, unknown>, type[1]);
  const out: TfObject = {};
  const rawObject = raw as Record<string, unknown>;
  for (const [name, attrType] of Object.entries(type[1])) out[name] = fromWire(rawObject[name], attrType);
  return out;
}

function toWire(value: TfValue | undefined, type: TfType): unknown {
  if (value === null || value === undefined) return null;
  if (value === UNKNOWN) return UNKNOWN;
  if (type === 'string' || type === 'bool' || type === 'number') return value;
  if (type[0] === 'set' || type[0] === 'list') return (value as TfValue[]).map((item) => toWire(item, type[1]));
  if (type[0] === 'map') return mapToWire(value as TfObject, type[1]);
  const out: Record<string, unknown> = {};
  const object = value as TfObject;
  for (const [name, attrType] of Object.entries(type[1])) out[name] = toWire(object[name], attrType);
  return out;
}

/**
 * A map's keys are data (user names), not attribute names: a plain object would give a key like
 * "__proto__" special meaning, so maps are built without a prototype.
 */
function mapFromWire(raw: Record<string, unknown>, elementType: TfType): TfObject {
  const keys = Object.keys(raw);
  // Users: tens of thousands of keys, each true. Copying them into a new object cost as much as
  // decoding them; a map whose values already have their type is used as the decoder built it
  // (the decoder refuses a "__proto__" key, so the object's own keys are the map's keys).
  if (typeof elementType === 'string' && keys.every((key) => hasPrimitiveType(raw[key], elementType))) return raw as TfObject;
  const out: TfObject = Object.create(null);
  for (const key of keys) out[key] = fromWire(raw[key], elementType);
  return out;
}

function mapToWire(value: TfObject, elementType: TfType): Record<string, unknown> {
  const keys = Object.keys(value);
  if (typeof elementType === 'string' && keys.every((key) => hasPrimitiveType(value[key], elementType))) return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const key of keys) out[key] = toWire(value[key], elementType);
  return out;
}

/** A value that reads and writes as itself: of the element type already, or null. */
function hasPrimitiveType(value: unknown, type: 'string' | 'number' | 'bool'): boolean {
  return value === null || typeof value === (type === 'bool' ? 'boolean' : type);
}

export interface WireDynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

/**
 * One decoder and encoder for the process (calls never interleave inside them: both are
 * synchronous). The decoder's cache of map keys is off: it pays for attribute names repeated
 * across objects, but users are tens of thousands of keys seen once each, which only filled it
 * (50,000 users: decode 252 ms -> 84 ms with the map used as decoded -> 75 ms without the
 * cache; encode 187 -> 51 ms; bench/users/README.md).
 */
const decoder = new Decoder({ extensionCodec: codec, useBigInt64: false, keyDecoder: null });
const encoder = new Encoder({ extensionCodec: codec });

/** Reads a DynamicValue as the given type; an absent value is null. */
export function decodeDynamic(dv: WireDynamicValue | undefined, type: TfType): TfValue {
  if (dv?.msgpack && dv.msgpack.length > 0) return fromWire(decoder.decode(dv.msgpack), type);
  if (dv?.json && dv.json.length > 0) return fromWire(JSON.parse(dv.json.toString('utf8')), type);
  return null;
}

/** Reads state already parsed from JSON (e.g. after a state upgrade) as the given type. */
export function decodeJsonValue(raw: unknown, type: TfType): TfValue {
  return fromWire(raw, type);
}

/** Writes a value of the given type as a msgpack DynamicValue. */
export function encodeDynamic(value: TfValue, type: TfType): WireDynamicValue {
  return { msgpack: Buffer.from(encoder.encode(toWire(value, type))) };
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(value: TfValue): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
