import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/request-context';

const logger = new Logger('Http');

/**
 * One line per request: method, route pattern, status, duration and user id.
 * Never bodies, query strings, cookies or headers: they may hold quotes, tokens or passwords.
 */
export function requestLogger(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const route = (request.route as { path?: string } | undefined)?.path;
    const path = route ? `${request.baseUrl}${route}` : request.path.startsWith('/api') ? request.path.replace(/[0-9a-f-]{36}/gi, ':id') : 'static';
    const userId = (request as AuthenticatedRequest).user?.id ?? '-';
    logger.log(`${request.method} ${path} ${response.statusCode} ${ms.toFixed(1)}ms user=${userId}`);
  });
  next();
}
