import type { FieldError } from '@tropa/contracts';

/** What went wrong, independent of transport; {@link httpStatusOf} maps it to HTTP. */
export enum DomainErrorCode {
  Invalid = 'INVALID',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Gone = 'GONE',
  /** Well-formed, but the data it needs is not there (e.g. nothing to synthesise). */
  Unprocessable = 'UNPROCESSABLE',
}

/**
 * Thrown by services for every expected failure. Anything else that escapes a
 * request is a bug: it is logged and answered with a bare 500.
 */
export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static notFound(what: string): DomainException {
    return new DomainException(DomainErrorCode.NotFound, `${what} not found`);
  }

  static forbidden(message = 'Your role in this project does not allow this action'): DomainException {
    return new DomainException(DomainErrorCode.Forbidden, message);
  }

  static conflict(field: string, message: string): DomainException {
    return new DomainException(DomainErrorCode.Conflict, message, [{ field, message }]);
  }

  static invalid(field: string, message: string): DomainException {
    return new DomainException(DomainErrorCode.Invalid, message, [{ field, message }]);
  }

  static unauthenticated(message = 'Please log in'): DomainException {
    return new DomainException(DomainErrorCode.Unauthenticated, message);
  }
}

const STATUS: Record<DomainErrorCode, number> = {
  [DomainErrorCode.Invalid]: 400,
  [DomainErrorCode.Unauthenticated]: 401,
  [DomainErrorCode.Forbidden]: 403,
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.Conflict]: 409,
  [DomainErrorCode.Gone]: 410,
  [DomainErrorCode.Unprocessable]: 422,
};

export function httpStatusOf(code: DomainErrorCode): number {
  return STATUS[code];
}
