/**
 * `cvi probe` underneath: read-only calls to every route the client depends on, each checked
 * against what teams-wire-evidence.md says it answers, and reported as status, latency and the
 * JSON shape of the answer (keys and value types, never a value). For the first person with a
 * real tenant: the report settles the open questions of the evidence without writing anything.
 */
import { routes, VIDEO_INTEROP_POLICY_TYPE } from './routes';
import { userSearchFilter } from './holders';
import { field } from './wire-read';
import type { OperationContext } from './context';
import type { CallOptions } from './types';

export type ProbeConfidence = 'High' | 'Medium-High' | 'candidate';

export interface ProbeResult {
  readonly name: string;
  readonly request: string;
  /** teams-wire-evidence.md section. */
  readonly section: string;
  readonly confidence: ProbeConfidence;
  /** HTTP status, or undefined when no answer came (the error says why). */
  readonly status?: number;
  readonly latencyMs: number;
  /** Whether the answer is what the evidence says (status 200 and the recorded shape). */
  readonly asEvidence: boolean;
  /** Keys and value types of the answer, e.g. `[3 × {Identity: string, TenantKey: string}]`. */
  readonly shape: string;
  readonly error?: string;
}

export interface ProbeOptions extends CallOptions {
  /** A group object id: also read its assignments. */
  readonly group?: string;
  /** A user (UPN or object id): also read the user's effective policy. */
  readonly user?: string;
  /** The policy the candidate user search filters on. Default PexipServiceProviderEnabled. */
  readonly policy?: string;
}

interface Check {
  name: string;
  section: string;
  confidence: ProbeConfidence;
  path: string;
  query?: Record<string, string>;
  /** The shape the evidence records, given a 200 answer. */
  expected: (body: unknown) => boolean;
}

const isArray = (b: unknown) => Array.isArray(b);
const arrayOf = (key: string) => (b: unknown) => Array.isArray(b) && b.every((e) => field(e, key) !== undefined);

function checks(opts: ProbeOptions): Check[] {
  const list: Check[] = [
    { name: 'service discovery', section: '§1', confidence: 'High', path: routes.serviceDiscovery(), expected: (b) => typeof field(field(b, 'Endpoints'), 'AdminServiceEndpoint') === 'string' },
    { name: 'video interop service providers', section: '§2', confidence: 'High', path: routes.providers(), expected: arrayOf('Identity') },
    { name: 'CVI policies', section: '§3', confidence: 'Medium-High', path: routes.policies(), expected: arrayOf('Identity') },
    { name: 'group assignments of the CVI type', section: '§7', confidence: 'High', path: routes.groupAssignments(), query: { policyType: VIDEO_INTEROP_POLICY_TYPE }, expected: isArray },
    { name: 'federation settings', section: '§9', confidence: 'Medium-High', path: routes.federation(), expected: (b) => field(b, 'AllowedDomains') !== undefined },
    { name: 'batch operations', section: '§8', confidence: 'High', path: routes.batchOperations(), expected: isArray },
    { name: 'tenant-wide grant (read)', section: '§6', confidence: 'candidate', path: routes.tenantGrant(), expected: (b) => field(b, 'PolicyName') !== undefined },
    {
      name: 'user search by policy',
      section: '§5',
      confidence: 'candidate',
      path: routes.userSearch(),
      query: { psfilter: userSearchFilter(opts.policy ?? 'PexipServiceProviderEnabled') },
      expected: (b) => Array.isArray(field(b, 'users')),
    },
  ];
  if (opts.group) {
    list.push({ name: 'one group\'s assignments', section: '§7', confidence: 'High', path: `/Skype.Policy/groupPolicyAssignments/${encodeURIComponent(opts.group)}/policyTypes`, expected: isArray });
  }
  if (opts.user) {
    list.push({
      name: 'one user\'s effective policy',
      section: '§5',
      confidence: 'High',
      path: routes.userEffectivePolicy(opts.user),
      query: { policyType: VIDEO_INTEROP_POLICY_TYPE },
      expected: arrayOf('policyName'),
    });
  }
  return list;
}

/** Every status is handed back, so that a refusal is reported, not thrown. */
const ANY_STATUS = Array.from({ length: 300 }, (_, i) => 300 + i);

export async function probe(ctx: OperationContext, opts: ProbeOptions = {}): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const check of checks(opts)) {
    const request = `GET ${check.path}${check.query ? `?${new URLSearchParams(check.query).toString()}` : ''}`;
    const started = Date.now();
    const base = { name: check.name, request, section: check.section, confidence: check.confidence };
    try {
      const res = await ctx.api.call<unknown>({
        method: 'GET',
        path: check.path,
        query: check.query,
        subject: ctx.subject(`probe of ${check.name}`),
        deadline: ctx.deadline(opts),
        signal: opts.signal,
        accept: ANY_STATUS,
        discovery: check.path === routes.serviceDiscovery(),
      });
      const asEvidence = res.status === 200 && check.expected(res.body);
      results.push({ ...base, status: res.status, latencyMs: Date.now() - started, asEvidence, shape: shapeOf(res.body) });
    } catch (error) {
      results.push({ ...base, latencyMs: Date.now() - started, asEvidence: false, shape: '-', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** Keys and value types, never values: `{Endpoints: {AdminServiceEndpoint: string}}`, `[2 × {...}]`. */
export function shapeOf(value: unknown, depth = 0): string {
  if (value === undefined) return '(empty)';
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const shapes = [...new Set(value.slice(0, 20).map((v) => shapeOf(v, depth + 1)))];
    return `[${value.length} × ${shapes.join(' | ')}]`;
  }
  if (typeof value === 'object') {
    if (depth >= 4) return '{…}';
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${shapeOf(v, depth + 1)}`);
    return `{${entries.join(', ')}}`;
  }
  return typeof value;
}
