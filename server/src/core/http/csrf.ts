import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { XSRF_COOKIE, XSRF_HEADER } from '@tropa/contracts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`xsrf:${nonce}`).digest('base64url');
}

function isSigned(secret: string, token: string): boolean {
  const [nonce, signature, extra] = token.split('.');
  if (!nonce || !signature || extra !== undefined) return false;
  const expected = Buffer.from(sign(secret, nonce));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface CsrfOptions {
  secret: string;
  secureCookie: boolean;
}

/**
 * Double-submit CSRF protection that Angular's XSRF support speaks natively: a
 * signed token in a readable `XSRF-TOKEN` cookie that the client echoes in the
 * `X-XSRF-TOKEN` header on every state-changing request.
 */
export function csrfMiddleware(options: CsrfOptions) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const cookie = (request.cookies as Record<string, string> | undefined)?.[XSRF_COOKIE];
    const cookieValid = typeof cookie === 'string' && isSigned(options.secret, cookie);
    if (!cookieValid) {
      const nonce = randomBytes(18).toString('base64url');
      response.cookie(XSRF_COOKIE, `${nonce}.${sign(options.secret, nonce)}`, {
        httpOnly: false,
        sameSite: 'lax',
        secure: options.secureCookie,
        path: '/',
      });
    }
    if (SAFE_METHODS.has(request.method)) return next();
    const header = request.get(XSRF_HEADER);
    if (!cookieValid || !header || header !== cookie) {
      response.status(403).json({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Missing or invalid CSRF token: send the XSRF-TOKEN cookie value in the X-XSRF-TOKEN header',
        details: [{ field: XSRF_HEADER, message: 'missing or does not match the XSRF-TOKEN cookie' }],
      });
      return;
    }
    next();
  };
}
