import type { TenantState } from '../tenant-state';
import type { BatchRegistry } from '../batch';

/** What a route handler gets for one authenticated, discovered request. */
export interface HandlerContext {
  tenant: TenantState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON object body (400 when missing or malformed). */
  body(): Promise<Record<string, unknown>>;
  /** The time the request is applied at (ms since the epoch). */
  now(): number;
  /** Replication lag of a user grant written by this request (the run's setting, or a fault's if longer). */
  userGrantLagMs(): number;
  /** Replication lag of any other write by this request (0, or a replicationLag fault's). */
  writeLagMs(): number;
  /** Marks that this request changed stored state (logged with its time). */
  wrote(): void;
  adminEndpoint: string;
  batches: BatchRegistry;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => Answer | Promise<Answer>;

/** Handlers of one route, by HTTP method. */
export type MethodHandlers = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;
