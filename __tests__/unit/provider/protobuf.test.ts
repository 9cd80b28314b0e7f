import fc from 'fast-check';
import { decodeMessage, encodeMessage, type MessageDescriptor } from '../../../provider/server/protobuf';
import { Diagnostic, providerMethods } from '../../../provider/server/protocol';

const Inner: MessageDescriptor = { name: { no: 1, kind: 'string' }, count: { no: 2, kind: 'int64' } };
const Outer: MessageDescriptor = {
  title: { no: 1, kind: 'string' },
  payload: { no: 2, kind: 'bytes' },
  flag: { no: 3, kind: 'bool' },
  inner: { no: 4, kind: 'message', type: () => Inner },
  items: { no: 5, kind: 'message', type: () => Inner, repeated: true },
  byName: { no: 6, kind: 'map', type: () => Inner },
};

describe('the protobuf codec', () => {
  it('decodes what it encodes, nested messages, repeated fields and maps included', () => {
    const message = {
      title: 'tenant',
      payload: Buffer.from([1, 2, 3]),
      flag: true,
      inner: { name: 'a', count: 300 },
      items: [{ name: 'b', count: 1 }, { name: 'c', count: 2 }],
      byName: { x: { name: 'x', count: 7 } },
    };

    expect(decodeMessage(Outer, encodeMessage(Outer, message))).toEqual(message);
  });

  it('leaves proto3 default values off the wire', () => {
    expect(encodeMessage(Outer, { title: '', flag: false, payload: Buffer.alloc(0), inner: undefined }).length).toBe(0);
  });

  it('skips fields the descriptor does not name, as a newer Terraform may send them', () => {
    const Newer: MessageDescriptor = { ...Inner, extra: { no: 9, kind: 'string' }, wide: { no: 10, kind: 'int64' } };
    const bytes = encodeMessage(Newer, { name: 'n', count: 5, extra: 'unknown to us', wide: 2 ** 40 });

    expect(decodeMessage(Inner, bytes)).toEqual({ name: 'n', count: 5 });
  });

  it('encodes a known tfplugin6 message byte for byte (Diagnostic: severity 1, summary "x")', () => {
    expect(encodeMessage(Diagnostic, { severity: 1, summary: 'x' })).toEqual(Buffer.from([0x08, 0x01, 0x12, 0x01, 0x78]));
  });

  it('round-trips any string, 53-bit integer and byte string', () => {
    fc.assert(
      fc.property(fc.string(), fc.maxSafeInteger(), fc.uint8Array(), (name, count, payload) => {
        const decoded = decodeMessage(Outer, encodeMessage(Outer, { title: name, inner: { name, count }, payload: Buffer.from(payload) }));
        expect(decoded.inner).toEqual({ ...(name ? { name } : {}), ...(count !== 0 ? { count } : {}) });
      }),
    );
  });

  it('rejects a truncated message instead of reading past its end', () => {
    const bytes = encodeMessage(Outer, { title: 'a long enough title' });

    expect(() => decodeMessage(Outer, bytes.subarray(0, 5))).toThrow('truncated');
  });

  it('describes every method Terraform 1.11 calls', () => {
    const called = ['GetMetadata', 'GetProviderSchema', 'ValidateProviderConfig', 'ValidateResourceConfig', 'ValidateDataResourceConfig', 'UpgradeResourceState', 'ConfigureProvider', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange', 'ImportResourceState', 'StopProvider'];

    expect(Object.keys(providerMethods)).toEqual(expect.arrayContaining(called));
  });
});
