import type { Routes } from '@angular/router';
import { authGuard } from './auth/data-access/auth-guards';

export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'projects' },
  // Respondents: public, no login, no shell toolbar.
  { path: 's', loadChildren: () => import('./surveys/feature/respondent.routes').then((m) => m.respondentRoutes) },
  { path: '', loadChildren: () => import('./auth/feature/auth.routes').then((m) => m.authRoutes) },
  {
    path: 'projects',
    canActivate: [authGuard],
    title: 'Tropa',
    loadChildren: () => import('./projects/feature/projects.routes').then((m) => m.projectsRoutes),
  },
  { path: '**', redirectTo: 'projects' },
];
