/**
 * `cvi drift --merge a.json b.json ...`: the shard reports of one night joined into one report
 * and one exit code, as if one job had checked every tenant. A shard that is missing, given
 * twice, or a tenant reported by two shards makes the merged report an error: tenants may have
 * gone unchecked, and "no drift" must never be read from an incomplete night.
 */
import * as fs from 'fs';
import { buildReport, DriftReport, StackReport } from './report';
import { driftReportSchema } from './report-schema';

/** Reads and validates one report; throws one line naming the file, the field and the rule. */
export function readReport(file: string): DriftReport {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not a readable JSON report (${(err as Error).message})`);
  }
  const parsed = driftReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new Error(`${file}: ${where}: ${issue.message} (see schema/drift-report.schema.json)`);
  }
  return parsed.data as DriftReport;
}

function shardProblems(reports: readonly { file: string; report: DriftReport }[]): string[] {
  const sharded = reports.filter((r) => r.report.shard);
  if (sharded.length === 0) return [];
  const problems: string[] = [];
  if (sharded.length !== reports.length) problems.push('some reports are shards and some are not: merge the shards of one run');
  const counts = [...new Set(sharded.map((r) => r.report.shard!.count))];
  if (counts.length > 1) {
    problems.push(`the shards were cut differently (${counts.map((c) => `/${c}`).join(', ')}): merge the shards of one run`);
    return problems;
  }
  const count = counts[0];
  const seen = new Map<number, string>();
  for (const { file, report } of sharded) {
    const index = report.shard!.index;
    if (seen.has(index)) problems.push(`shard ${index}/${count} given twice (${seen.get(index)} and ${file})`);
    seen.set(index, file);
  }
  for (let i = 1; i <= count; i++) if (!seen.has(i)) problems.push(`shard ${i}/${count} is missing: its tenants were not checked`);
  return problems;
}

export function mergeReports(inputs: readonly { file: string; report: DriftReport }[]): DriftReport {
  const problems = shardProblems(inputs);
  const byTenant = new Map<string, { file: string; tenant: StackReport }>();
  for (const { file, report } of inputs) {
    if (report.error !== undefined) problems.push(`${file}: ${report.error}`);
    for (const tenant of report.tenants) {
      const earlier = byTenant.get(tenant.tenant);
      if (earlier) problems.push(`tenant ${tenant.tenant} is in ${earlier.file} and in ${file}`);
      else byTenant.set(tenant.tenant, { file, tenant });
    }
  }
  return buildReport(
    [...byTenant.values()].map((t) => t.tenant),
    { unmanagedChecked: inputs.every((i) => i.report.unmanagedChecked), ...(problems.length > 0 ? { error: problems.join('\n') } : {}) },
  );
}
