import type { Routes } from '@angular/router';

export const touchpointsRoutes: Routes = [
  { path: '', loadComponent: () => import('./touchpoints-tab').then((m) => m.TouchpointsTab) },
];
