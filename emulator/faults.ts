import { seededRandom } from './seeded-random';

/**
 * Fault injection: what the real service does under load or when networks fail, on demand.
 * A fault matches by method, route template (router.ts, e.g.
 * `/Skype.Policy/configurations/VideoInteropServiceProvider`) or a RegExp on the path, and
 * tenant; it fires `times` times, with a seeded `probability`, or on every match.
 */
export type FaultKind = 'latency' | 'throttle' | 'error' | 'resetBefore' | 'resetAfter' | 'replicationLag';
export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'throttle', 'error', 'resetBefore', 'resetAfter', 'replicationLag'];

export interface FaultSpec {
  kind: FaultKind;
  /** HTTP method; any when absent. */
  method?: string;
  /** Route template, or "METHOD template", or a RegExp tested on the request path; any when absent. */
  route?: string | RegExp;
  /** Only requests of this tenant; any when absent. */
  tenant?: string;
  /** Fires on this many matching requests, then stops. */
  times?: number;
  /** Fires on a matching request with this probability (0..1), drawn from the run's seed. */
  probability?: number;
  /** latency: added delay; replicationLag: how long reads of the written object stay old. */
  ms?: number;
  /** throttle: the Retry-After header in seconds (0 allowed; default 1). */
  retryAfterSeconds?: number;
  /** error: the status to answer (default 503). */
  status?: number;
}

export interface Fault extends FaultSpec {
  readonly id: number;
  /** How many times it has fired. */
  fired: number;
}

/** What the faults matching one request decided. */
export interface FaultPlan {
  latencyMs: number;
  replicationLagMs: number;
  /** At most one fault decides the outcome; the first added that fires wins. */
  outcome?: { kind: 'throttle'; retryAfterSeconds: number } | { kind: 'error'; status: number } | { kind: 'resetBefore' } | { kind: 'resetAfter' };
  fired: FaultKind[];
}

export interface FaultRequest {
  method: string;
  path: string;
  template?: string;
  tenant?: string;
}

export interface FaultController {
  /** Adds a fault; returns its id (for remove). */
  add(spec: FaultSpec): number;
  addAll(specs: FaultSpec[]): number[];
  remove(id: number): boolean;
  clear(): void;
  list(): Fault[];
}

export class Faults implements FaultController {
  private faults: Fault[] = [];
  private nextId = 1;
  private readonly random: () => number;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  add(spec: FaultSpec): number {
    const fault: Fault = { ...validateFault(spec), id: this.nextId++, fired: 0 };
    this.faults.push(fault);
    return fault.id;
  }

  addAll(specs: FaultSpec[]): number[] {
    return specs.map((s) => this.add(s));
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  plan(request: FaultRequest): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, replicationLagMs: 0, fired: [] };
    for (const fault of this.faults) {
      const decidesOutcome = !['latency', 'replicationLag'].includes(fault.kind);
      if (decidesOutcome && plan.outcome) continue;
      if (!matches(fault, request) || !this.fires(fault)) continue;
      plan.fired.push(fault.kind);
      if (fault.kind === 'latency') plan.latencyMs += fault.ms ?? 0;
      else if (fault.kind === 'replicationLag') plan.replicationLagMs = Math.max(plan.replicationLagMs, fault.ms ?? 0);
      else if (fault.kind === 'throttle') plan.outcome = { kind: 'throttle', retryAfterSeconds: fault.retryAfterSeconds ?? 1 };
      else if (fault.kind === 'error') plan.outcome = { kind: 'error', status: fault.status ?? 503 };
      else plan.outcome = { kind: fault.kind };
    }
    this.faults = this.faults.filter((f) => f.times === undefined || f.fired < f.times);
    return plan;
  }

  private fires(fault: Fault): boolean {
    if (fault.times !== undefined && fault.fired >= fault.times) return false;
    if (fault.probability !== undefined && this.random() >= fault.probability) return false;
    fault.fired++;
    return true;
  }
}

function matches(fault: FaultSpec, request: FaultRequest): boolean {
  if (fault.tenant !== undefined && fault.tenant !== request.tenant) return false;
  let method = fault.method;
  let route = fault.route;
  if (typeof route === 'string' && / /.test(route.trim())) {
    const [m, t] = route.trim().split(/\s+/, 2);
    method = method ?? m;
    route = t;
  }
  if (method !== undefined && method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (route === undefined) return true;
  if (route instanceof RegExp) return route.test(request.path);
  return request.template !== undefined && route.toLowerCase() === request.template.toLowerCase();
}

/** Checks a spec (from code or the CLI's JSON) and answers a clear error naming the field. */
export function validateFault(spec: FaultSpec): FaultSpec {
  const where = `fault ${JSON.stringify(spec, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v))}`;
  if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`${where}: kind must be one of ${FAULT_KINDS.join(', ')}`);
  const nonNegative = (field: keyof FaultSpec) => {
    const v = spec[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) throw new Error(`${where}: ${field} must be a number >= 0`);
  };
  (['times', 'ms', 'retryAfterSeconds'] as const).forEach(nonNegative);
  if (spec.probability !== undefined && (typeof spec.probability !== 'number' || spec.probability < 0 || spec.probability > 1)) {
    throw new Error(`${where}: probability must be a number from 0 to 1`);
  }
  if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599)) {
    throw new Error(`${where}: status must be an HTTP error status (400-599)`);
  }
  if ((spec.kind === 'latency' || spec.kind === 'replicationLag') && spec.ms === undefined) throw new Error(`${where}: ${spec.kind} needs ms`);
  return spec;
}

/**
 * Faults from JSON (the CLI's --faults): an array of specs as above, where a RegExp route is
 * written as `"routePattern": "<regex>"`.
 */
export function parseFaults(json: string): FaultSpec[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Error(`--faults: not valid JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    if (typeof entry !== 'object' || entry === null) throw new Error(`--faults: each fault must be an object, got ${JSON.stringify(entry)}`);
    const { routePattern, ...rest } = entry as FaultSpec & { routePattern?: unknown };
    const spec: FaultSpec = { ...rest };
    if (routePattern !== undefined) spec.route = new RegExp(String(routePattern));
    return validateFault(spec);
  });
}
