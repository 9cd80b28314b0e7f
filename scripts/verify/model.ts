/**
 * The `cvi verify` report: per tenant, one check per declared thing (an SRV record, a consent
 * grant, a Teams object), each ok / missing / different (with both values) / unreadable, or
 * unchecked where the service has no proven read (a warning, never a failure).
 */

/** Bump when a field is renamed, removed or changes meaning; adding an optional one keeps it. */
export const VERIFY_REPORT_SCHEMA_VERSION = 1;

export type CheckArea = 'dns' | 'consent' | 'teams';
export type CheckStatus = 'ok' | 'missing' | 'different' | 'unreadable' | 'unchecked';
export const CHECK_STATUSES: readonly CheckStatus[] = ['ok', 'missing', 'different', 'unreadable', 'unchecked'];

export interface Difference {
  readonly field: string;
  readonly expected: unknown;
  readonly found: unknown;
}

export interface Check {
  readonly area: CheckArea;
  /** What was checked, e.g. `SRV _sip._tcp.contoso.com -> px01.contoso.com:5060`. */
  readonly subject: string;
  readonly status: CheckStatus;
  /** Fields that differ (status different). */
  readonly differences?: Difference[];
  /** Why it is missing, unreadable or unchecked; or a note on an ok check. */
  readonly reason?: string;
}

export type TenantVerdict = 'ok' | 'different' | 'unreadable';

export interface TenantResult {
  readonly tenant: string;
  readonly tenantId: string;
  readonly file: string;
  readonly status: TenantVerdict;
  readonly checks: Check[];
}

export interface VerifyReport {
  readonly schemaVersion: typeof VERIFY_REPORT_SCHEMA_VERSION;
  /** 0 every check ok, 2 a difference (missing or different), 1 something could not be checked (wins over 2). */
  readonly exitCode: 0 | 1 | 2;
  /** The DNS server asked (`host:port`), or `system resolver`. */
  readonly dnsServer: string;
  readonly counts: Readonly<Record<CheckStatus, number>>;
  readonly tenants: TenantResult[];
  /** Why nothing could be checked (bad tenant files, no credential). */
  readonly error?: string;
}

/** A tenant's verdict: anything unreadable wins (it may hide a difference), then any difference. */
export function tenantVerdict(checks: readonly Check[]): TenantVerdict {
  if (checks.some((c) => c.status === 'unreadable')) return 'unreadable';
  if (checks.some((c) => c.status === 'missing' || c.status === 'different')) return 'different';
  return 'ok';
}

export function buildReport(tenants: TenantResult[], dnsServer: string, error?: string): VerifyReport {
  const counts = Object.fromEntries(CHECK_STATUSES.map((s) => [s, 0])) as Record<CheckStatus, number>;
  for (const t of tenants) for (const c of t.checks) counts[c.status]++;
  const exitCode = error !== undefined || tenants.some((t) => t.status === 'unreadable') ? 1 : tenants.some((t) => t.status === 'different') ? 2 : 0;
  return { schemaVersion: VERIFY_REPORT_SCHEMA_VERSION, exitCode, dnsServer, counts, tenants, ...(error !== undefined ? { error } : {}) };
}

/** `weight: expected 10, found 30`: a value as a person reads it. */
export function describeDifference(d: Difference): string {
  return `${d.field}: expected ${show(d.expected)}, found ${show(d.found)}`;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  return String(value);
}
