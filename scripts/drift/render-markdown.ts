/**
 * The report as GitHub-flavoured markdown, for an issue body or a job summary
 * (`$GITHUB_STEP_SUMMARY`): a table of the findings, every row with tenant name and id, and the
 * tenants in sync folded away. GitHub refuses issue bodies over 65,536 characters, so rows past
 * `maxChars` are left out with a line saying how many (the JSON report has them all).
 */
import { countLine, DriftReport, STATUS_LABEL } from './report';
import { reportRows } from './report-rows';

export const MARKDOWN_MAX_CHARS = 60_000;

/** Text safe inside a table cell: no HTML, no cell break, no line break. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;');
}

const code = (text: string) => `<code>${cell(text)}</code>`;

export function renderMarkdown(report: DriftReport, maxChars = MARKDOWN_MAX_CHARS): string {
  const icon = { 0: '✅', 1: '❌', 2: '⚠️' }[report.exitCode];
  const head = [`### ${icon} CVI drift: ${STATUS_LABEL[report.status]}`, '', `${countLine(report.tenants)}; exit code ${report.exitCode}.`];
  if (report.shard) head.push(`Shard ${report.shard.index}/${report.shard.count}.`);
  if (report.error !== undefined) head.push('', `**Error:** ${code(report.error).replace(/\n/g, '<br>')}`);
  if (!report.unmanagedChecked) head.push('', 'Unmanaged objects were not looked for (`--ignore-unmanaged`).');
  const warnings = report.tenants.flatMap((t) => (t.warnings ?? []).map((w) => `- **${cell(t.tenant)}**: ${cell(w)}`));
  if (warnings.length > 0) head.push('', '**Not seen by this check:**', ...warnings);

  const findings = report.tenants.filter((t) => t.status !== 'in-sync').flatMap(reportRows);
  const table: string[] = [];
  if (findings.length > 0) {
    table.push('', '| Tenant | Tenant ID | Status | Object | Action | Details |', '|---|---|---|---|---|---|');
    for (const r of findings) {
      const details = r.details.map(code).join('<br>');
      table.push(`| ${cell(r.tenant)} | ${r.tenantId ? code(r.tenantId) : '-'} | ${STATUS_LABEL[r.status]} | ${code(r.object)} | ${cell(r.action)} | ${details} |`);
    }
  }
  const inSync = report.tenants.filter((t) => t.status === 'in-sync');
  const tail = inSync.length === 0 ? [] : ['', `<details><summary>${inSync.length} tenant(s) in sync</summary>`, '', cell(inSync.map((t) => t.tenant).join(', ')), '', '</details>'];

  const budget = maxChars - [...head, ...tail].join('\n').length - 200;
  let used = 0;
  let kept = table.length;
  for (let i = 0; i < table.length; i++) {
    used += table[i].length + 1;
    if (used > budget) {
      kept = i;
      break;
    }
  }
  const cut = table.length - kept;
  const body = cut > 0 ? [...table.slice(0, kept), '', `${cut} more row(s) left out to stay within GitHub's size limit: see the JSON report.`] : table;
  return [...head, ...body, ...tail].join('\n');
}
