import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { tenantFileSchema } from './schema/tenant-file';

/** Where the committed JSON Schema lives (editors pick it up through the yaml-language-server comment). */
export const TENANT_JSON_SCHEMA_PATH = path.join(__dirname, '..', 'schema', 'tenant.schema.json');

/**
 * The JSON Schema of a tenant file, generated from the zod schema so the two never disagree on
 * shape. Cross-field rules (exactly one assignment scope, vendor-specific requirements) are only
 * in zod; the JSON Schema serves completion and early hints.
 */
export function tenantJsonSchema(): string {
  const schema = z.toJSONSchema(tenantFileSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  const document = { ...schema, title: 'cdktf-teams-cvi tenant file (tenants/<name>.yaml)' };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(TENANT_JSON_SCHEMA_PATH), { recursive: true });
  fs.writeFileSync(TENANT_JSON_SCHEMA_PATH, tenantJsonSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), TENANT_JSON_SCHEMA_PATH)}\n`);
}
