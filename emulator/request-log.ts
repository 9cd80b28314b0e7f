/**
 * Every request the emulator saw, so tests and benchmarks can assert how many calls an
 * operation made and when writes landed. It records no header and no body: a token or secret
 * can never end up here.
 */
export interface RequestLogEntry {
  /** When the request arrived (ms since the epoch). */
  time: number;
  method: string;
  /** The route template (router.ts), or the raw path when nothing matched. */
  route: string;
  status: number;
  tenant?: string;
  /** Whether the request changed stored state (a write reached the service's store). */
  writeApplied: boolean;
  /** When the write was applied (ms since the epoch). */
  writeAppliedAt?: number;
  /** Fault kinds that fired on this request. */
  faults: string[];
  /** Answered with no response at all (connection destroyed). */
  reset: boolean;
  /** 'token' for the HTTPS token endpoint, 'graph' for the Microsoft Graph routes; absent for the Teams admin API. */
  endpoint?: 'token' | 'graph';
}

export interface RequestLog {
  entries(): RequestLogEntry[];
  /** Requests per "METHOD /route/template". */
  counts(): Record<string, number>;
  /** Requests of one "METHOD /route/template" (0 when none). */
  count(key: string): number;
  /** Teams admin API requests (token-endpoint and Graph requests excluded), optionally only one tenant's. */
  total(tenant?: string): number;
  /** Entries whose write was applied, in order. */
  writes(): RequestLogEntry[];
  reset(): void;
}

export class MemoryRequestLog implements RequestLog {
  private list: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.list.push(entry);
  }

  entries(): RequestLogEntry[] {
    return this.list.map((e) => ({ ...e, faults: [...e.faults] }));
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.list) out[`${e.method} ${e.route}`] = (out[`${e.method} ${e.route}`] ?? 0) + 1;
    return out;
  }

  count(key: string): number {
    return this.counts()[key] ?? 0;
  }

  total(tenant?: string): number {
    return this.list.filter((e) => e.endpoint === undefined && (tenant === undefined || e.tenant === tenant)).length;
  }

  writes(): RequestLogEntry[] {
    return this.entries().filter((e) => e.writeApplied);
  }

  reset(): void {
    this.list = [];
  }
}
