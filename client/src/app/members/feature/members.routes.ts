import type { Routes } from '@angular/router';

export const membersRoutes: Routes = [
  { path: '', loadComponent: () => import('./members-tab').then((m) => m.MembersTab) },
];
