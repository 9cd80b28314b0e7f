/**
 * The report as a fixed-width table for a terminal of 100 columns: one row per finding with the
 * tenant name and id, and under it the lines that say what changed, wrapped, never cut.
 */
import { countLine, DriftReport, STATUS_LABEL } from './report';
import { reportRows } from './report-rows';

export const TABLE_WIDTH = 100;
const DETAIL_INDENT = 4;

/** Where a long word may break: after a path, name or GUID separator. */
const SEPARATORS = ['/', '_', '-', '.', ','];

/** Splits text into lines of at most `width`: at a space, else after a separator, else mid-word. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const separator = Math.max(...SEPARATORS.map((s) => rest.lastIndexOf(s, width - 1) + 1));
    const cut = space > width / 3 ? space : separator > width / 3 ? separator : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

export function renderTable(report: DriftReport, width = TABLE_WIDTH): string {
  const rows = report.tenants.flatMap(reportRows);
  const header = { tenant: 'TENANT', id: 'TENANT ID', status: 'STATUS', object: 'OBJECT (ACTION)' };
  const w0 = Math.max(header.tenant.length, ...rows.map((r) => r.tenant.length));
  const w1 = Math.max(header.id.length, ...rows.map((r) => (r.tenantId ?? '-').length));
  const w2 = Math.max(header.status.length, ...rows.map((r) => STATUS_LABEL[r.status].length));
  const prefix = w0 + w1 + w2 + 6;
  const objectWidth = Math.max(20, width - prefix);
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c.padEnd(w2)}  ${d}`.trimEnd();

  const lines = [line(header.tenant, header.id, header.status, header.object)];
  for (const row of rows) {
    const action = row.action && row.action !== 'error' ? ` (${row.action})` : '';
    // An object too long for its column goes under the row at full width rather than be cut
    // into pieces (construct paths of group assignments carry a GUID).
    const fits = row.status === 'error' || `${row.object}${action}`.length <= objectWidth;
    const [first, ...more] = fits ? wrap(`${row.object}${action}`, objectWidth) : [action.trim()];
    lines.push(line(row.tenant, row.tenantId ?? '-', STATUS_LABEL[row.status], first));
    for (const m of more) lines.push(line('', '', '', m));
    for (const detail of fits ? row.details : [row.object, ...row.details]) {
      const [head] = wrap(detail, width - DETAIL_INDENT);
      lines.push(`${' '.repeat(DETAIL_INDENT)}${head}`);
      // Continuation lines sit two further in, so a wrapped value does not read as a new attribute.
      const rest = detail.slice(head.length).trimStart();
      if (rest) for (const t of wrap(rest, width - DETAIL_INDENT - 2)) lines.push(`${' '.repeat(DETAIL_INDENT + 2)}${t}`);
    }
  }
  lines.push('');
  // What a check could not see: printed after the table so "in sync" is never the whole story.
  for (const t of report.tenants) for (const w of t.warnings ?? []) lines.push(...wrap(`warning: ${t.tenant}: ${w}`, width));
  if (report.error !== undefined) lines.push(...wrap(`error: ${report.error}`, width));
  if (!report.unmanagedChecked) lines.push('unmanaged objects were not looked for (--ignore-unmanaged)');
  const shard = report.shard ? `shard ${report.shard.index}/${report.shard.count}: ` : '';
  lines.push(`${shard}${countLine(report.tenants)}`);
  return lines.join('\n');
}
