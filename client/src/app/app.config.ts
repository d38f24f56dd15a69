import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { inject, provideAppInitializer, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import type { ApplicationConfig } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { XSRF_COOKIE, XSRF_HEADER } from '@tropa/contracts';
import { appRoutes } from './app.routes';
import { AuthStore } from './auth/data-access/auth-store';
import { sessionExpiryInterceptor } from './auth/data-access/session-expiry.interceptor';
import { TranslatedPaginatorIntl } from './core/i18n/paginator-intl';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // ngx-charts declares @angular/animations triggers.
    provideAnimationsAsync(),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER }),
      withInterceptors([sessionExpiryInterceptor]),
    ),
    provideRouter(appRoutes, withComponentInputBinding(), withRouterConfig({ paramsInheritanceStrategy: 'always' })),
    provideAppInitializer(() => inject(AuthStore).init()),
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
  ],
};
