import type { Routes } from '@angular/router';

export const stagesRoutes: Routes = [
  { path: '', loadComponent: () => import('./stages-tab').then((m) => m.StagesTab) },
];
