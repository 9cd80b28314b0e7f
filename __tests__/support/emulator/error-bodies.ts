/**
 * The two error bodies of the emulated API, as the evidence writes them (§10), for tests that
 * read answers on the raw wire.
 */
import type { Answer } from './wire';

/** The `{code, message, action}` body of the `/Skype.*` family (§10, 2.3.1 ErrorResponse). */
export function expectSkypeError(answer: Answer, status: number, messagePart?: string | RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ code: expect.any(String), message: expect.any(String), action: expect.any(String) });
  if (messagePart !== undefined) expect(answer.body.message).toMatch(messagePart);
}

/** The `{"error": {code, message, ...}}` body of the `/Teams.*` family (§10, 2.3.1 ApiError). */
export function expectTeamsError(answer: Answer, status: number, messagePart?: string | RegExp): void {
  expect(answer.status).toBe(status);
  expect(Object.keys(answer.body)).toEqual(['error']);
  expect(answer.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  if (messagePart !== undefined) expect(answer.body.error.message).toMatch(messagePart);
}
