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
