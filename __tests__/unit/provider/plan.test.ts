import { planFromSchema, sameValue } from '../../../provider/plan';
import type { BlockSchema } from '../../../provider/schema';
import { UNKNOWN } from '../../../provider/server/values';

const schema: BlockSchema = {
  version: 0,
  description: 'test',
  attributes: {
    id: { type: 'string', computed: true, description: '' },
    name: { type: 'string', required: true, forcesReplacement: true, description: '' },
    note: { type: 'string', optional: true, description: '' },
    flag: { type: 'bool', optional: true, computed: true, default: false, description: '' },
  },
};

describe('the default planner', () => {
  it('plans computed attributes as unknown and defaults as their value on create', () => {
    const outcome = planFromSchema(schema, { prior: null, proposed: { id: null, name: 'a', note: null, flag: null }, config: { name: 'a' } });

    expect(outcome).toEqual({ planned: { id: UNKNOWN, name: 'a', note: null, flag: false }, requiresReplace: [] });
  });

  it('plans the default again when a value changed by hand is not configured, so the drift shows', () => {
    const prior = { id: 'a', name: 'a', note: null, flag: true };

    const outcome = planFromSchema(schema, { prior, proposed: { ...prior }, config: { name: 'a' } });

    expect(outcome.planned.flag).toBe(false);
  });

  it('keeps the prior value of a computed attribute on update', () => {
    const prior = { id: 'a', name: 'a', note: null, flag: false };

    const outcome = planFromSchema(schema, { prior, proposed: { ...prior, note: 'x' }, config: { name: 'a', note: 'x' } });

    expect(outcome).toEqual({ planned: { id: 'a', name: 'a', note: 'x', flag: false }, requiresReplace: [] });
  });

  it('requires replacement when an attribute that forces it changes', () => {
    const prior = { id: 'a', name: 'a', note: null, flag: false };

    const outcome = planFromSchema(schema, { prior, proposed: { ...prior, name: 'b' }, config: { name: 'b' } });

    expect(outcome.requiresReplace).toEqual(['name']);
  });
});

describe('value equality', () => {
  it('compares sets regardless of order', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'c'])).toBe(false);
  });

  it('never treats unknown as equal to a value', () => {
    expect(sameValue(UNKNOWN, 'a')).toBe(false);
  });
});
