import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError, FieldError } from '@tropa/contracts';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainException, httpStatusOf } from './domain.exception';

/** Errors raised by Express middleware (body-parser) carry a status and a type. */
interface HttpError {
  status: number;
  type?: string;
  expose?: boolean;
}

function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && typeof (error as HttpError).status === 'number';
}

const BODY_ERRORS: Record<string, string> = {
  'entity.too.large': 'Request body is too large',
  'entity.parse.failed': 'Request body is not valid JSON',
  'encoding.unsupported': 'Unsupported request encoding',
  'charset.unsupported': 'Unsupported request charset',
};

/**
 * PostgreSQL is unreachable or restarting: connection refused or reset, the pool's
 * connection timed out or ended, or the server's "shutting down / starting up /
 * terminating connection" errors (SQLSTATE classes 08 and 57P).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; typeof current === 'object' && current !== null && !seen.has(current); current = (current as { driverError?: unknown }).driverError) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (/^08/.test(code) || /^57P0[1-3]$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))) return true;
    if (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(message)) return true;
  }
  return false;
}

function body(status: number, message: string, details?: FieldError[]): ApiError {
  const error: ApiError = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  if (details && details.length > 0) error.details = details;
  return error;
}

/** The details a Nest HttpException carries, when it was built by our validation pipe. */
function detailsOf(response: unknown): FieldError[] | undefined {
  if (typeof response === 'object' && response !== null && Array.isArray((response as { details?: unknown }).details)) {
    return (response as { details: FieldError[] }).details;
  }
  return undefined;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}

/** One error format for every failure: `{ statusCode, error, message, details? }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const payload = this.toApiError(exception, request);
    if (response.headersSent) return;
    if (payload.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(payload.statusCode).json(payload);
  }

  private toApiError(exception: unknown, request: Request): ApiError {
    if (exception instanceof DomainException) {
      return body(httpStatusOf(exception.code), exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) this.logUnexpected(exception, request);
      return status >= 500
        ? body(status, 'Internal server error')
        : body(status, messageOf(exception), detailsOf(exception.getResponse()));
    }
    if (isHttpError(exception) && exception.status >= 400 && exception.status < 500) {
      const message = (exception.type && BODY_ERRORS[exception.type]) ?? STATUS_CODES[exception.status] ?? 'Bad request';
      return body(exception.status, message);
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${request.method} ${request.route?.path ?? request.path}: the database is unavailable`);
      return body(503, 'The database is unavailable; try again in a few seconds');
    }
    this.logUnexpected(exception, request);
    return body(500, 'Internal server error');
  }

  private logUnexpected(exception: unknown, request: Request): void {
    const error = exception instanceof Error ? exception : new Error(String(exception));
    // Route and method only: request bodies may hold quotes, answers or passwords.
    this.logger.error(`${request.method} ${request.route?.path ?? request.path} failed: ${error.message}`, error.stack);
  }
}
