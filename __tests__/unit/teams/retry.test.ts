import { backoffDelay, isIdempotentMethod, isRetryableStatus, parseRetryAfter, retryDelay } from '../../../teams/retry';

const policy = (r: number) => ({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => r });

describe('retry rules', () => {
  test.each([408, 429, 500, 502, 503, 504])('status %i is retried', (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  test.each([200, 400, 401, 403, 404, 409, 501])('status %i is not retried', (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });

  test.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s may be sent again after a lost response', (method) => {
    expect(isIdempotentMethod(method)).toBe(true);
  });

  test('POST may not be sent again after a lost response', () => {
    expect(isIdempotentMethod('POST')).toBe(false);
  });

  test('Retry-After in seconds is read as milliseconds', () => {
    expect(parseRetryAfter('7')).toBe(7_000);
  });

  test('Retry-After as an HTTP date is read as the time until then', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  });

  test('an unreadable Retry-After falls back to backoff', () => {
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(retryDelay(1, 'soon', policy(0.5))).toBe(50);
  });

  test('a given Retry-After wins over backoff', () => {
    expect(retryDelay(5, '2', policy(0.5))).toBe(2_000);
  });

  test('backoff draws from the whole window (full jitter), never above the doubling cap', () => {
    expect(backoffDelay(1, policy(0))).toBe(0);
    expect(backoffDelay(3, policy(0.999))).toBe(399);
  });

  test('backoff never exceeds the maximum delay', () => {
    expect(backoffDelay(30, policy(0.999))).toBe(999);
  });
});
