import * as fs from 'fs';
import { DRIFT_REPORT_SCHEMA_PATH, driftReportJsonSchema } from '../../../../scripts/drift/report-schema';

describe('schema/drift-report.schema.json', () => {
  test('is what the zod schema generates today (regenerate: npx ts-node --transpile-only scripts/drift/report-schema.ts)', () => {
    expect(fs.readFileSync(DRIFT_REPORT_SCHEMA_PATH, 'utf8')).toBe(driftReportJsonSchema());
  });

  test('pins the schema version and refuses unknown fields, so a reader notices a change', () => {
    const schema = JSON.parse(driftReportJsonSchema());
    expect(schema.properties.schemaVersion.const).toBe(1);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['schemaVersion', 'status', 'exitCode', 'unmanagedChecked', 'tenants']);
  });
});
