import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { requestLogger } from '../logging/request-logger';
import { csrfMiddleware } from './csrf';
import { createValidationPipe } from './validation';

export const API_PREFIX = 'api';
export const JSON_BODY_LIMIT = '1mb';

/** Serves the built Angular app, falling back to index.html for client-side routes. */
function serveClient(app: NestExpressApplication, clientDir: string): void {
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) return;
  const assets = express.static(clientDir, { index: false, maxAge: '1h' });
  const isApi = (request: Request) => request.path.startsWith(`/${API_PREFIX}/`) || request.path === `/${API_PREFIX}`;
  // API requests skip the file system: no stat of a would-be asset on every call.
  app.use((request: Request, response: Response, next: NextFunction) => (isApi(request) ? next() : assets(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || isApi(request)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

/**
 * Everything around the routes, shared by the server and the integration tests:
 * security headers, cookies, CSRF, body limit, validation, logging, OpenAPI, client.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX);
  if (config.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular Material and ngx-charts set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(requestLogger);
  app.use(`/${API_PREFIX}`, csrfMiddleware({ secret: config.secret, secureCookie: config.cookieSecure }));
  app.useGlobalPipes(createValidationPipe());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tropa API')
      .setDescription('Evidence-backed customer journey mapping. Session cookie auth; send X-XSRF-TOKEN on writes.')
      .setVersion('0.1.0')
      .addCookieAuth('tropa_session')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  serveClient(app, config.clientDir);
}
