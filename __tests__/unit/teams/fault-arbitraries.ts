/** fast-check generators of emulator faults aimed at the routes one operation uses. */
import fc from 'fast-check';
import type { FaultSpec } from '../../../emulator';
import { ROUTE_TEMPLATES } from '../../../emulator';

export const T = ROUTE_TEMPLATES;

/** Statuses the client must retry (or, for a create, read back after). */
const RETRYABLE = [408, 500, 502, 503, 504] as const;

/**
 * One fault on one of `routes` ("METHOD template"): throttle (Retry-After 0), a retryable
 * error, a reset before or after the write, or a replication lag; firing once or twice.
 */
export function faultOn(routes: readonly string[]): fc.Arbitrary<FaultSpec> {
  return fc
    .record({
      kind: fc.constantFrom('throttle', 'error', 'resetBefore', 'resetAfter', 'replicationLag'),
      route: fc.constantFrom(...routes),
      times: fc.integer({ min: 1, max: 2 }),
      status: fc.constantFrom(...RETRYABLE),
      ms: fc.integer({ min: 1, max: 40 }),
    })
    .map(({ kind, route, times, status, ms }): FaultSpec => {
      switch (kind) {
        case 'throttle':
          return { kind, route, times, retryAfterSeconds: 0 };
        case 'error':
          return { kind, route, times, status };
        case 'replicationLag':
          return { kind, route, times, ms };
        default:
          return { kind: kind as 'resetBefore' | 'resetAfter', route, times };
      }
    });
}

export const faultsOn = (routes: readonly string[]) => fc.array(faultOn(routes), { minLength: 1, maxLength: 4 });

/** Keeps a failing run's faults readable in fast-check's report. */
export const describeFaults = (faults: FaultSpec[]) => faults.map((f) => `${f.kind}x${f.times} ${String(f.route)}`).join(', ');
