/**
 * Typed errors of the Teams admin client. Every message names the tenant, the object and
 * what to do next; none carries a token, secret or header (see `redact`).
 */

/** What an error is about: `provider Pexip`, `user alice@contoso.com`, `federation settings`. */
export interface ErrorSubject {
  readonly tenantId: string;
  readonly object: string;
}

export class TeamsApiError extends Error {
  readonly tenantId: string;
  readonly object: string;
  /** HTTP status when the service answered. */
  readonly status?: number;
  /** The service's error code when it sent one. */
  readonly code?: string;

  constructor(subject: ErrorSubject, detail: string, extra: { status?: number; code?: string } = {}) {
    super(redact(`tenant ${subject.tenantId}: ${subject.object}: ${detail}`));
    this.name = new.target.name;
    this.tenantId = subject.tenantId;
    this.object = subject.object;
    this.status = extra.status;
    this.code = extra.code;
  }
}

export class NotFoundError extends TeamsApiError {
  constructor(subject: ErrorSubject, serviceMessage?: string) {
    super(subject, `not found${suffix(serviceMessage)}`, { status: 404 });
  }
}

export class ConflictError extends TeamsApiError {
  constructor(subject: ErrorSubject, serviceMessage?: string) {
    super(
      subject,
      `already exists: import it into the stack that should own it instead of creating it again${suffix(serviceMessage)}`,
      { status: 409 },
    );
  }
}

/** The role that the app's service principal (or the person) needs for these cmdlets' API. */
export const REQUIRED_ROLE = 'Teams Administrator';

export class ForbiddenError extends TeamsApiError {
  constructor(subject: ErrorSubject, serviceMessage?: string) {
    super(
      subject,
      `forbidden: the signed-in identity needs the Entra ID role "${REQUIRED_ROLE}" in this tenant${suffix(serviceMessage)}`,
      { status: 403 },
    );
  }
}

export class UnauthorizedError extends TeamsApiError {
  constructor(subject: ErrorSubject, serviceMessage?: string) {
    super(
      subject,
      `the token was refused (401): check the tenant id and that the app is consented in this tenant${suffix(serviceMessage)}`,
      { status: 401 },
    );
  }
}

export class ThrottledError extends TeamsApiError {
  constructor(subject: ErrorSubject, attempts: number, status = 429) {
    super(subject, `still throttled or unavailable (HTTP ${status}) after ${attempts} attempts: retry later`, { status });
  }
}

/** Input refused, by the service (400, its message quoted) or by the client before sending. */
export class InvalidInputError extends TeamsApiError {
  constructor(subject: ErrorSubject, detail: string, code?: string) {
    super(subject, detail, { status: 400, code });
  }
}

/** A policy name the tenant does not have; lists the ones it has. */
export class UnknownPolicyError extends InvalidInputError {
  readonly known: readonly string[];
  constructor(subject: ErrorSubject, name: string, known: readonly string[]) {
    super(subject, `policy "${name}" does not exist in this tenant; it has: ${known.join(', ')}`);
    this.known = known;
  }
}

export class DeadlineExceededError extends TeamsApiError {
  constructor(subject: ErrorSubject, what: string) {
    super(subject, `deadline exceeded ${what}: raise the timeout or retry later`);
  }
}

/** Any other answer the client cannot act on (5xx after retries, 501, malformed JSON). */
export class ServiceError extends TeamsApiError {}

/** The credential could not produce a token. */
export class AuthenticationError extends TeamsApiError {}

/** Some users of a batch assignment failed; `result` holds every per-user error. */
export class BatchAssignmentError extends TeamsApiError {
  readonly result: import('./types').BatchResult;
  constructor(subject: ErrorSubject, result: import('./types').BatchResult) {
    const sample = result.errors
      .slice(0, 3)
      .map((e) => `${e.user} (${e.message})`)
      .join('; ');
    super(subject, `${result.errors.length} of ${result.total} users failed, e.g. ${sample}`);
    this.result = result;
  }
}

function suffix(serviceMessage?: string): string {
  return serviceMessage ? ` (service said: ${serviceMessage})` : '';
}

/**
 * Removes anything that looks like a credential from text bound for a log or an error:
 * bearer tokens, JWTs, and `secret=`/`password=`-style pairs. A last line of defence: the
 * client never puts them there on purpose, but a service message may echo a header.
 */
export function redact(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted-jwt]')
    .replace(/((?:client_)?secret|password|assertion|access_token)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi, '$1$2[redacted]');
}
