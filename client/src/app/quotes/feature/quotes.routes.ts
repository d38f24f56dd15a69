import type { Routes } from '@angular/router';

export const quotesRoutes: Routes = [{ path: '', loadComponent: () => import('./quotes-page').then((m) => m.QuotesPage) }];
