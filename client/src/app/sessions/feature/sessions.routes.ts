import type { Routes } from '@angular/router';

export const sessionsRoutes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./session-list-page').then((m) => m.SessionListPage) },
  { path: ':sessionId', loadComponent: () => import('./session-page').then((m) => m.SessionPage) },
];
