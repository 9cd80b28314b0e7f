/**
 * The drift report: one entry per tenant stack, the overall status and the exit code a nightly
 * job branches on (0 all in sync, 2 drift or unmanaged objects, 1 error). Rendered as a table
 * (render-table.ts), markdown (render-markdown.ts) or JSON (schema/drift-report.schema.json).
 */
import { ResourceDifference } from './plan-changes';
import type { UnmanagedObject } from './unmanaged';

/** Version of the JSON report; bump on any change a reader could trip over (see report-schema.ts). */
export const REPORT_SCHEMA_VERSION = 1;

export type StackStatus = 'in-sync' | 'drift' | 'unmanaged' | 'error';

export interface StackReport {
  /** The tenant, which is also the stack's name in cdktf.out/manifest.json. */
  readonly tenant: string;
  /** The tenant (directory) id from the stack's provider blocks; null when the stack names none. */
  readonly tenantId: string | null;
  readonly status: StackStatus;
  /** Resources that differ. */
  readonly resources: ResourceDifference[];
  /** Outputs whose value differs. */
  readonly outputs: string[];
  /** Live Teams objects the stack does not declare. */
  readonly unmanaged: UnmanagedObject[];
  /**
   * What the check could not see, e.g. "Drift of the tenant-wide assignment cannot be detected
   * (cvi_video_interop_policy_assignment.x)": the plan's warnings and the unmanaged check's.
   */
  readonly warnings?: string[];
  /** What went wrong, in Terraform's (or the Teams API's) own words (error only). */
  readonly error?: string;
  readonly seconds: number;
}

export interface ShardId {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface DriftReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly status: StackStatus;
  readonly exitCode: 0 | 1 | 2;
  /** False under --ignore-unmanaged: live objects the stacks do not declare were not looked for. */
  readonly unmanagedChecked: boolean;
  /** The shard of the tenants this run checked; absent for a whole run or a merged report. */
  readonly shard?: ShardId;
  /** Why the run (or a merge) is incomplete: nothing checked, a shard missing. */
  readonly error?: string;
  readonly tenants: StackReport[];
}

/** A tenant's status from what its check found: an error wins, then drift, then unmanaged. */
export function stackStatus(found: { error?: string; resources: readonly unknown[]; outputs: readonly unknown[]; unmanaged: readonly unknown[] }): StackStatus {
  if (found.error !== undefined) return 'error';
  if (found.resources.length > 0 || found.outputs.length > 0) return 'drift';
  if (found.unmanaged.length > 0) return 'unmanaged';
  return 'in-sync';
}

/**
 * Errors win over drift: a stack that could not be checked may hide drift too, so the run as a
 * whole is not trustworthy and must page someone rather than be read as "only drift".
 * Unmanaged objects need a person as much as drift does: exit 2 too.
 */
export function exitCode(reports: readonly StackReport[], runError?: string): 0 | 1 | 2 {
  if (runError !== undefined || reports.some((r) => r.status === 'error')) return 1;
  if (reports.some((r) => r.status === 'drift' || r.status === 'unmanaged')) return 2;
  return 0;
}

export function overallStatus(reports: readonly StackReport[], runError?: string): StackStatus {
  if (exitCode(reports, runError) === 1) return 'error';
  if (reports.some((r) => r.status === 'drift')) return 'drift';
  if (reports.some((r) => r.status === 'unmanaged')) return 'unmanaged';
  return 'in-sync';
}

export function buildReport(tenants: readonly StackReport[], extra: { unmanagedChecked: boolean; shard?: ShardId; error?: string }): DriftReport {
  const sorted = [...tenants].sort((a, b) => a.tenant.localeCompare(b.tenant));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    status: overallStatus(sorted, extra.error),
    exitCode: exitCode(sorted, extra.error),
    unmanagedChecked: extra.unmanagedChecked,
    ...(extra.shard ? { shard: extra.shard } : {}),
    ...(extra.error !== undefined ? { error: extra.error } : {}),
    tenants: sorted,
  };
}

export const STATUS_LABEL: Record<StackStatus, string> = { 'in-sync': 'in sync', drift: 'drift', unmanaged: 'unmanaged', error: 'error' };

/** `12 tenant(s): 9 in sync, 1 drift, 1 unmanaged, 1 error`. */
export function countLine(reports: readonly StackReport[]): string {
  const counts = (['in-sync', 'drift', 'unmanaged', 'error'] as const).map((s) => `${reports.filter((r) => r.status === s).length} ${STATUS_LABEL[s]}`);
  return `${reports.length} tenant(s): ${counts.join(', ')}`;
}

/** The machine-readable report (schema/drift-report.schema.json); the same facts as the table. */
export function renderJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2);
}
