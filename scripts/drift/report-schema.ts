/**
 * The JSON report's schema, in zod: `--merge` validates shard reports with it, and
 * `schema/drift-report.schema.json` is generated from it, so the two never disagree.
 * Regenerate after a change: `npx ts-node --transpile-only scripts/drift/report-schema.ts`.
 * Versioning: adding an optional field keeps `schemaVersion`; renaming, removing or changing
 * the meaning of one bumps it (REPORT_SCHEMA_VERSION in report.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { DriftReport, REPORT_SCHEMA_VERSION } from './report';

export const DRIFT_REPORT_SCHEMA_PATH = path.join(__dirname, '..', '..', 'schema', 'drift-report.schema.json');

const status = z.enum(['in-sync', 'drift', 'unmanaged', 'error']);

const attributeChange = z
  .object({
    name: z.string().describe('Attribute path, e.g. tenant_key or srv.0.port'),
    before: z.unknown().optional().describe('Live value Terraform read (absent when sensitive or shown as members)'),
    after: z.unknown().optional().describe('Value after apply: what the stack declares'),
    sensitive: z.literal(true).optional().describe('The value is sensitive: only the fact that it changes is reported'),
    unknownAfter: z.literal(true).optional().describe('Terraform learns the new value only when applying'),
    added: z.array(z.unknown()).optional().describe('Members a set gains'),
    removed: z.array(z.unknown()).optional().describe('Members a set loses'),
    forcesReplacement: z.literal(true).optional(),
  })
  .strict();

const resource = z
  .object({
    address: z.string(),
    constructPath: z.string().describe('cdktf construct path, e.g. tenant/teams-provider; the address when unknown'),
    action: z.enum(['create', 'update', 'delete', 'replace', 'import']),
    importId: z.string().optional(),
    movedFrom: z.string().optional(),
    reason: z.string().optional().describe("Terraform's action_reason"),
    attributes: z.array(attributeChange),
  })
  .strict();

const unmanaged = z
  .object({
    kind: z.enum(['service-provider', 'group-assignment', 'user-grant', 'federation-domain']),
    object: z.string(),
    detail: z.string(),
    rankedAboveOurs: z.literal(true).optional(),
  })
  .strict();

const tenant = z
  .object({
    tenant: z.string(),
    tenantId: z.string().nullable(),
    status,
    resources: z.array(resource),
    outputs: z.array(z.string()),
    unmanaged: z.array(unmanaged),
    warnings: z.array(z.string()).optional().describe('What the check could not see: the plan\'s warnings and the unmanaged check\'s'),
    error: z.string().optional(),
    seconds: z.number().nonnegative(),
  })
  .strict();

const shard = z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).strict();

export const driftReportSchema = z
  .object({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    status,
    exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    unmanagedChecked: z.boolean(),
    shard: shard.optional(),
    error: z.string().optional(),
    tenants: z.array(tenant),
  })
  .strict();

// The TypeScript model and the schema must describe the same document.
export const modelFitsSchema = (report: DriftReport): z.infer<typeof driftReportSchema> => report;

export function driftReportJsonSchema(): string {
  const schema = z.toJSONSchema(driftReportSchema, { io: 'input', target: 'draft-2020-12' });
  const document = { ...schema, title: `cvi drift --json report, schemaVersion ${REPORT_SCHEMA_VERSION}` };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(DRIFT_REPORT_SCHEMA_PATH, driftReportJsonSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), DRIFT_REPORT_SCHEMA_PATH)}\n`);
}
