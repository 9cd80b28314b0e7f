/**
 * The report flattened into rows, the unit the table and the markdown both show: one row per
 * changed resource, output set, unmanaged object or error, each carrying the tenant name and id,
 * with the lines that explain it (attributes `before -> after`, Terraform's error text).
 */
import { describeAttribute, showValue } from './attribute-diff';
import { ResourceDifference } from './plan-changes';
import { StackReport, StackStatus } from './report';
import type { UnmanagedKind } from './unmanaged';

export interface ReportRow {
  readonly tenant: string;
  readonly tenantId: string | null;
  readonly status: StackStatus;
  /** Construct path, unmanaged object, or the first line of an error; `-` when in sync. */
  readonly object: string;
  /** create / update / delete / replace / import; `ranked above ours` or empty for an unmanaged object. */
  readonly action: string;
  readonly details: string[];
}

const KIND: Record<UnmanagedKind, string> = {
  'service-provider': 'service provider',
  'group-assignment': 'group assignment',
  'user-grant': 'user grant',
  'federation-domain': 'federation allow-list',
};

function resourceDetails(r: ResourceDifference): string[] {
  const lines: string[] = [];
  if (r.constructPath !== r.address) lines.push(`address: ${r.address}`);
  if (r.importId !== undefined) lines.push(`import id: ${showValue(r.importId)}`);
  if (r.movedFrom) lines.push(`moved from: ${r.movedFrom}`);
  if (r.action === 'delete') lines.push(r.reason === 'delete_because_no_resource_config' ? 'deleted: no longer declared by the stack' : 'deleted');
  if (r.action === 'replace') lines.push('replaced: destroyed and created again');
  return [...lines, ...r.attributes.map(describeAttribute)];
}

export function reportRows(report: StackReport): ReportRow[] {
  const base = { tenant: report.tenant, tenantId: report.tenantId };
  if (report.status === 'in-sync') return [{ ...base, status: 'in-sync', object: '-', action: '', details: [] }];
  const rows: ReportRow[] = [];
  if (report.error !== undefined) {
    const [first, ...rest] = report.error.split('\n');
    rows.push({ ...base, status: 'error', object: first, action: 'error', details: rest });
  }
  for (const r of report.resources) rows.push({ ...base, status: 'drift', object: r.constructPath, action: r.action, details: resourceDetails(r) });
  if (report.outputs.length > 0) rows.push({ ...base, status: 'drift', object: `outputs: ${report.outputs.join(', ')}`, action: 'update', details: [] });
  for (const u of report.unmanaged) {
    rows.push({ ...base, status: 'unmanaged', object: `${KIND[u.kind]} ${u.object}`, action: u.rankedAboveOurs ? 'ranked above ours' : '', details: [u.detail] });
  }
  return rows;
}
