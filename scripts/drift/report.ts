/**
 * The drift report: one row per tenant stack, as a table for people and JSON for machines, and
 * the exit code a nightly job branches on (0 all in sync, 2 drift, 1 error).
 */
import { ResourceDifference } from './plan-changes';

export type StackStatus = 'in-sync' | 'drift' | 'error';

export interface StackReport {
  /** The tenant, which is also the stack's name in cdktf.out/manifest.json. */
  readonly tenant: string;
  readonly status: StackStatus;
  /** Resources that differ (drift only). */
  readonly resources: ResourceDifference[];
  /** Outputs whose value differs (drift only). */
  readonly outputs: string[];
  /** What went wrong, in Terraform's own words (error only). */
  readonly error?: string;
  readonly seconds: number;
}

/**
 * Errors win over drift: a stack that could not be checked may hide drift too, so the run as a
 * whole is not trustworthy and must page someone rather than be read as "only drift".
 */
export function exitCode(reports: readonly StackReport[]): 0 | 1 | 2 {
  if (reports.some((r) => r.status === 'error')) return 1;
  if (reports.some((r) => r.status === 'drift')) return 2;
  return 0;
}

export function overallStatus(reports: readonly StackReport[]): StackStatus {
  return ({ 0: 'in-sync', 1: 'error', 2: 'drift' } as const)[exitCode(reports)];
}

const LABEL: Record<StackStatus, string> = { 'in-sync': 'in sync', drift: 'drift', error: 'error' };

function details(report: StackReport): string[] {
  if (report.status === 'error') return (report.error ?? 'unknown error').split('\n');
  if (report.status === 'in-sync') return ['-'];
  const lines = report.resources.map((r) => `${r.address} (${r.action})`);
  if (report.outputs.length > 0) lines.push(`outputs: ${report.outputs.join(', ')}`);
  return lines.length > 0 ? lines : ['(plan reports changes)'];
}

/** A fixed-width table; a tenant with several differing resources takes one line per resource. */
export function renderTable(reports: readonly StackReport[]): string {
  const header = ['TENANT', 'STATUS', 'RESOURCES THAT DIFFER'];
  const rows = reports.map((r) => ({ tenant: r.tenant, status: LABEL[r.status], details: details(r) }));
  const w0 = Math.max(header[0].length, ...rows.map((r) => r.tenant.length));
  const w1 = Math.max(header[1].length, ...rows.map((r) => r.status.length));
  const lines = [`${header[0].padEnd(w0)}  ${header[1].padEnd(w1)}  ${header[2]}`];
  for (const row of rows) {
    row.details.forEach((detail, i) => {
      const tenant = i === 0 ? row.tenant : '';
      const status = i === 0 ? row.status : '';
      lines.push(`${tenant.padEnd(w0)}  ${status.padEnd(w1)}  ${detail}`.trimEnd());
    });
  }
  const counts = (['in-sync', 'drift', 'error'] as const).map((s) => `${reports.filter((r) => r.status === s).length} ${LABEL[s]}`);
  lines.push('', `${reports.length} tenant(s): ${counts.join(', ')}`);
  return lines.join('\n');
}

/** The machine-readable report; the same facts as the table. */
export function renderJson(reports: readonly StackReport[]): string {
  return JSON.stringify(
    {
      status: overallStatus(reports),
      exitCode: exitCode(reports),
      tenants: reports.map((r) => ({
        tenant: r.tenant,
        status: r.status,
        resources: r.resources,
        outputs: r.outputs,
        ...(r.error !== undefined ? { error: r.error } : {}),
        seconds: r.seconds,
      })),
    },
    null,
    2,
  );
}
