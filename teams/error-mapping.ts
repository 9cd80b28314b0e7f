/** From an HTTP status and the service's error body to the client's typed error. */
import {
  ConflictError,
  ErrorSubject,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  ServiceError,
  TeamsApiError,
  UnauthorizedError,
} from './errors';

export function errorForStatus(
  subject: ErrorSubject,
  status: number,
  serviceMessage: string | undefined,
  code: string | undefined,
  attempts: number,
): TeamsApiError {
  switch (status) {
    case 400:
    case 422:
      return new InvalidInputError(subject, `rejected by the service: ${serviceMessage ?? `HTTP ${status} without a message`}`, code);
    case 401:
      return new UnauthorizedError(subject, serviceMessage);
    case 403:
      return new ForbiddenError(subject, serviceMessage);
    case 404:
      return new NotFoundError(subject, serviceMessage);
    case 409:
      return new ConflictError(subject, serviceMessage);
    default: {
      const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
      const said = serviceMessage ? ` (service said: ${serviceMessage})` : '';
      return new ServiceError(subject, `HTTP ${status}${tried}${said}`, { status, code });
    }
  }
}
