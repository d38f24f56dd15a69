import type { Routes } from '@angular/router';

export const personasRoutes: Routes = [
  { path: '', loadComponent: () => import('./personas-tab').then((m) => m.PersonasTab) },
];
