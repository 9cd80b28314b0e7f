import * as fs from 'fs';
import { VERIFY_REPORT_SCHEMA_PATH, verifyReportJsonSchema, verifyReportSchema } from '../../../scripts/verify/report-schema';
import { buildReport } from '../../../scripts/verify/model';

describe('schema/verify-report.schema.json', () => {
  test('is what the zod schema generates today (regenerate: npx ts-node --transpile-only scripts/verify/report-schema.ts)', () => {
    expect(fs.readFileSync(VERIFY_REPORT_SCHEMA_PATH, 'utf8')).toBe(verifyReportJsonSchema());
  });

  test('pins the schema version and accepts a report the command builds', () => {
    expect(JSON.parse(verifyReportJsonSchema()).properties.schemaVersion.const).toBe(1);
    const report = buildReport([{ tenant: 'x', tenantId: 'id', file: 'f', status: 'different', checks: [{ area: 'dns', subject: 's', status: 'different', differences: [{ field: 'weight', expected: 10, found: 30 }] }] }], 'system resolver');
    expect(verifyReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });
});
