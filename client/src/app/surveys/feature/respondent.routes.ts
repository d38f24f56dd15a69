import type { Routes } from '@angular/router';

/** The public respondent page: no login, no shell toolbar. */
export const respondentRoutes: Routes = [
  { path: ':token', loadComponent: () => import('./respondent-page').then((m) => m.RespondentPage) },
];
