import * as fs from 'fs';
import { TENANT_JSON_SCHEMA_PATH, tenantJsonSchema } from '../../../stacks/json-schema';

describe('schema/tenant.schema.json', () => {
  it('is what the zod schema generates today (run `npm run schema` after changing it)', () => {
    expect(fs.readFileSync(TENANT_JSON_SCHEMA_PATH, 'utf8')).toBe(tenantJsonSchema());
  });

  it('forbids unknown top-level sections so editors flag typos', () => {
    const schema = JSON.parse(tenantJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['tenant', 'vendor', 'teams']);
  });
});
