/**
 * When to retry a call and how long to wait: the rules of the azuread/azurerm providers
 * (retry 408, 429 and 5xx except 501; honour Retry-After; else exponential backoff with full
 * jitter), kept pure so they can be unit-tested without a clock.
 */
import { RetryPolicy } from './types';

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  attemptTimeoutMs: 60_000,
  writeMarginMs: 2_000,
  random: Math.random,
};

/** Statuses worth another attempt: the request was not (durably) acted on. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * Methods safe to send again after a lost response (the write may or may not have happened).
 * POST creates, so a create is never blindly re-sent: its caller reads back first.
 */
export function isIdempotentMethod(method: string): boolean {
  return ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an HTTP date.
 * Undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full jitter: a uniform draw in [0, min(maxDelay, base * 2^(attempt-1))]. `attempt` starts at 1. */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(policy.random() * cap);
}

/** The wait before the next attempt: the service's Retry-After when it gave one, else backoff. */
export function retryDelay(
  attempt: number,
  retryAfterHeader: string | undefined,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
  now: number = Date.now(),
): number {
  return parseRetryAfter(retryAfterHeader, now) ?? backoffDelay(attempt, policy);
}
