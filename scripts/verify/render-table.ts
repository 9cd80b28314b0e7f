/**
 * The report as text for a terminal or a CI log of 100 columns: per tenant a heading, then one
 * row per check (status, area, subject) and under a row what differs, with both values.
 */
import { wrap } from '../drift/render-table';
import { describeDifference, type Check, type VerifyReport } from './model';

export const TABLE_WIDTH = 100;
const STATUS_WIDTH = 10;
const AREA_WIDTH = 7;
const DETAIL_INDENT = STATUS_WIDTH + AREA_WIDTH + 4;

function rowLines(check: Check, width: number): string[] {
  const subjectWidth = width - DETAIL_INDENT;
  const [first, ...more] = wrap(check.subject, subjectWidth);
  const lines = [`${check.status.toUpperCase().padEnd(STATUS_WIDTH)}  ${check.area.padEnd(AREA_WIDTH)}  ${first}`.trimEnd()];
  for (const m of more) lines.push(`${' '.repeat(DETAIL_INDENT)}${m}`);
  const details = [...(check.differences ?? []).map(describeDifference), ...(check.reason && check.status !== 'ok' ? [check.reason] : [])];
  for (const d of details) for (const t of wrap(d, width - DETAIL_INDENT - 2)) lines.push(`${' '.repeat(DETAIL_INDENT + 2)}${t}`);
  return lines;
}

export function renderTable(report: VerifyReport, width = TABLE_WIDTH): string {
  const lines: string[] = [];
  for (const t of report.tenants) {
    lines.push(...wrap(`tenant ${t.tenant} (${t.tenantId}, ${t.file}): ${t.status}`, width));
    lines.push(`${'STATUS'.padEnd(STATUS_WIDTH)}  ${'AREA'.padEnd(AREA_WIDTH)}  CHECK`);
    for (const c of t.checks) lines.push(...rowLines(c, width));
    lines.push('');
  }
  const c = report.counts;
  lines.push(`${report.tenants.length} tenant(s), DNS via ${report.dnsServer}: ${c.ok} ok, ${c.missing} missing, ${c.different} different, ${c.unreadable} unreadable, ${c.unchecked} unchecked`);
  if (report.error !== undefined) lines.push(...wrap(`error: ${report.error}`, width));
  return lines.join('\n');
}
