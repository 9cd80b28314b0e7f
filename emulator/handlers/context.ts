import type { TenantState } from '../tenant-state';
import type { BatchRegistry } from '../batch';
import type { CandidateRead } from '../router';

/** Switches of the emulated service that tests turn on to cover both answers of an open question. */
export interface ServiceSwitches {
  /** Candidate reads that answer (the rest answer as an unknown route: 404/400). */
  readonly candidates: ReadonlySet<CandidateRead>;
  /** Refuse group assignment of TeamsVideoInteropServicePolicy (evidence §7 "Limits", open question 4). */
  readonly refuseGroupAssignment: boolean;
}

/** What a route handler gets for one authenticated request. */
export interface HandlerContext {
  tenant: TenantState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON object body (400 when missing or malformed). */
  body(): Promise<Record<string, unknown>>;
  /** The JSON body, or undefined when the request has none. */
  optionalBody(): Promise<Record<string, unknown> | undefined>;
  /** The time the request is applied at (ms since the epoch). */
  now(): number;
  /** Replication lag of a user grant written by this request (the run's setting, or a fault's if longer). */
  userGrantLagMs(): number;
  /** Replication lag of any other write by this request (0, or a replicationLag fault's). */
  writeLagMs(): number;
  /** Marks that this request changed stored state (logged with its time). */
  wrote(): void;
  /** The host discovery answers as `Endpoints.AdminServiceEndpoint`. */
  adminServiceEndpoint: string;
  batches: BatchRegistry;
  switches: ServiceSwitches;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => Answer | Promise<Answer>;

/** Handlers of one route, by HTTP method. */
export type MethodHandlers = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;
