import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, FieldError } from '@tropa/contracts';
import { firstValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';

/** Outcome of a write: the value, or the server's error in its one shape. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<ApiError>;
  return typeof candidate.statusCode === 'number' && typeof candidate.message === 'string';
}

/** Any failure → ApiError. A status 0 (network) error gets an empty message: the UI shows its own text. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    if (isApiError(error.error)) {
      const details = Array.isArray(error.error.details) ? error.error.details.filter(isFieldError) : undefined;
      return { ...error.error, ...(details ? { details } : {}) };
    }
    return { statusCode: error.status, error: error.statusText || 'Error', message: '' };
  }
  return { statusCode: 0, error: 'Error', message: error instanceof Error ? error.message : '' };
}

export async function toResult<T>(source: Observable<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await firstValueFrom(source, { defaultValue: undefined as T }) };
  } catch (error: unknown) {
    return { ok: false, error: toApiError(error) };
  }
}
