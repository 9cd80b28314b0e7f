import { attributeChanges, describeAttribute } from '../../../../scripts/drift/attribute-diff';

describe('attribute changes of one planned resource', () => {
  test('an updated attribute reads before (live) -> after (declared); unchanged ones are left out', () => {
    const change = { before: { identity: 'Pexip', tenant_key: 'b@x' }, after: { identity: 'Pexip', tenant_key: 'a@x' }, after_unknown: {}, before_sensitive: {}, after_sensitive: {} };
    expect(attributeChanges(change)).toEqual([{ name: 'tenant_key', before: 'b@x', after: 'a@x' }]);
  });

  test('a sensitive value is reported as changing without either value', () => {
    const change = { before: { key: 's3cret-old' }, after: { key: 's3cret-new' }, before_sensitive: { key: true }, after_sensitive: { key: true } };
    const changes = attributeChanges(change);
    expect(changes).toEqual([{ name: 'key', sensitive: true }]);
    expect(JSON.stringify(changes)).not.toContain('s3cret');
    expect(describeAttribute(changes[0])).toBe('key: (sensitive value changes)');
  });

  test('an unchanged sensitive value is not reported', () => {
    expect(attributeChanges({ before: { key: 'same' }, after: { key: 'same' }, before_sensitive: { key: true }, after_sensitive: { key: true } })).toEqual([]);
  });

  test('a set is shown as members added and removed, whatever their order', () => {
    const change = { before: { users: ['c@x', 'b@x', 'a@x'] }, after: { users: ['a@x', 'd@x', 'c@x'] } };
    const [users] = attributeChanges(change);
    expect(users).toEqual({ name: 'users', added: ['d@x'], removed: ['b@x'] });
    expect(describeAttribute(users)).toBe('users: +"d@x" -"b@x"');
  });

  test('users as a map from user to true are shown as users added and removed, not one row per key', () => {
    const change = { before: { users: { 'a@x': true, 'b@x': true, constructor: true } }, after: { users: { 'a@x': true, 'd@x': true, constructor: true } } };
    const [users, ...rest] = attributeChanges(change);
    expect(rest).toEqual([]);
    expect(users).toEqual({ name: 'users', added: ['d@x'], removed: ['b@x'] });
    expect(describeAttribute(users)).toBe('users: +"d@x" -"b@x"');
  });

  test('users of a created assignment are listed as added members, not dumped as a map', () => {
    const users = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`u${i}@x`, true]));
    expect(attributeChanges({ before: null, after: { users }, after_unknown: {} })).toEqual([{ name: 'users', added: ['u0@x', 'u1@x', 'u2@x'] }]);
  });

  test('a map with other values still reads key by key', () => {
    expect(attributeChanges({ before: { tags: { a: 'x' } }, after: { tags: { a: 'y' } } })).toEqual([{ name: 'tags.a', before: 'x', after: 'y' }]);
  });

  test('the same members in another order (a list, where order counts) read before -> after', () => {
    expect(attributeChanges({ before: { ids: ['1', '2'] }, after: { ids: ['2', '1'] } })).toEqual([{ name: 'ids', before: ['1', '2'], after: ['2', '1'] }]);
  });

  test('a number reads without quotes, a string with them', () => {
    const [rank] = attributeChanges({ before: { group_rank: 2 }, after: { group_rank: 1 } });
    expect(describeAttribute(rank)).toBe('group_rank: 2 -> 1');
  });

  test('a created resource lists what it declares, not its computed attributes', () => {
    const change = { before: null, after: { policy_name: 'PexipServiceProviderEnabled', group_id: null }, after_unknown: { id: true } };
    expect(attributeChanges(change)).toEqual([{ name: 'policy_name', before: null, after: 'PexipServiceProviderEnabled' }]);
  });

  test('a deleted resource lists no attributes', () => {
    expect(attributeChanges({ before: { identity: 'Pexip' }, after: null })).toEqual([]);
  });

  test('an attribute Terraform learns only on apply reads (known after apply)', () => {
    const [output] = attributeChanges({ before: { output: 'x' }, after: {}, after_unknown: { output: true } });
    expect(describeAttribute(output)).toBe('output: "x" -> (known after apply)');
  });

  test('a nested block is compared field by field, with its path', () => {
    const change = { before: { srv: [{ port: 5061, target: 'a' }] }, after: { srv: [{ port: 5061, target: 'b' }] } };
    expect(attributeChanges(change)).toEqual([{ name: 'srv', added: [{ port: 5061, target: 'b' }], removed: [{ port: 5061, target: 'a' }] }]);
    const object = { before: { settings: { mode: 'a', size: 1 } }, after: { settings: { mode: 'b', size: 1 } } };
    expect(attributeChanges(object)).toEqual([{ name: 'settings.mode', before: 'a', after: 'b' }]);
  });

  test('an attribute in replace_paths is marked as forcing the replacement', () => {
    const [identity] = attributeChanges({ before: { identity: 'Pexip' }, after: { identity: 'Polycom' } }, [['identity']]);
    expect(describeAttribute(identity)).toBe('identity: "Pexip" -> "Polycom" (forces replacement)');
  });
});
