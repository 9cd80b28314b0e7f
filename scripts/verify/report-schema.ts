/**
 * The JSON report's schema, in zod; `schema/verify-report.schema.json` is generated from it so
 * the two never disagree. Regenerate after a change:
 * `npx ts-node --transpile-only scripts/verify/report-schema.ts`.
 * Versioning: adding an optional field keeps `schemaVersion`; renaming, removing or changing
 * the meaning of one bumps it (VERIFY_REPORT_SCHEMA_VERSION in model.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { CHECK_STATUSES, VERIFY_REPORT_SCHEMA_VERSION, type VerifyReport } from './model';

export const VERIFY_REPORT_SCHEMA_PATH = path.join(__dirname, '..', '..', 'schema', 'verify-report.schema.json');

const status = z.enum(CHECK_STATUSES as [string, ...string[]]);

const check = z
  .object({
    area: z.enum(['dns', 'consent', 'teams']),
    subject: z.string().describe('What was checked, e.g. SRV _sip._tcp.contoso.com -> px01.contoso.com:5060'),
    status,
    differences: z
      .array(z.object({ field: z.string(), expected: z.unknown(), found: z.unknown() }).strict())
      .optional()
      .describe('Fields that differ, with the value the tenant file declares and the value found'),
    reason: z.string().optional().describe('Why a check is missing, unreadable or unchecked; a note on an ok one'),
  })
  .strict();

const tenant = z
  .object({
    tenant: z.string(),
    tenantId: z.string(),
    file: z.string(),
    status: z.enum(['ok', 'different', 'unreadable']),
    checks: z.array(check),
  })
  .strict();

export const verifyReportSchema = z
  .object({
    schemaVersion: z.literal(VERIFY_REPORT_SCHEMA_VERSION),
    exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    dnsServer: z.string(),
    counts: z.object(Object.fromEntries(CHECK_STATUSES.map((s) => [s, z.number().int().nonnegative()]))).strict(),
    tenants: z.array(tenant),
    error: z.string().optional(),
  })
  .strict();

// The TypeScript model and the schema must describe the same document.
export const modelFitsSchema = (report: VerifyReport): z.infer<typeof verifyReportSchema> => report;

export function verifyReportJsonSchema(): string {
  const schema = z.toJSONSchema(verifyReportSchema, { io: 'input', target: 'draft-2020-12' });
  const document = { ...schema, title: `cvi verify --json report, schemaVersion ${VERIFY_REPORT_SCHEMA_VERSION}` };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(VERIFY_REPORT_SCHEMA_PATH, verifyReportJsonSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), VERIFY_REPORT_SCHEMA_PATH)}\n`);
}
