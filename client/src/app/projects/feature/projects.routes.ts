import type { Routes } from '@angular/router';
import { ProjectStore } from '../data-access/project-store';

export const projectsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./project-list-page').then((m) => m.ProjectListPage),
  },
  {
    path: 'new',
    loadComponent: () => import('./project-create-page').then((m) => m.ProjectCreatePage),
  },
  {
    path: ':projectId',
    providers: [ProjectStore],
    loadComponent: () => import('./project-shell-page').then((m) => m.ProjectShellPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'stages' },
      { path: 'general', loadComponent: () => import('./project-general-tab').then((m) => m.ProjectGeneralTab) },
      { path: 'stages', loadChildren: () => import('../../stages/feature/stages.routes').then((m) => m.stagesRoutes) },
      {
        path: 'personas',
        loadChildren: () => import('../../personas/feature/personas.routes').then((m) => m.personasRoutes),
      },
      {
        path: 'touchpoints',
        loadChildren: () => import('../../touchpoints/feature/touchpoints.routes').then((m) => m.touchpointsRoutes),
      },
      {
        path: 'members',
        loadChildren: () => import('../../members/feature/members.routes').then((m) => m.membersRoutes),
      },
      { path: 'surveys', loadChildren: () => import('../../surveys/feature/surveys.routes').then((m) => m.surveysRoutes) },
      {
        path: 'sessions',
        loadChildren: () => import('../../sessions/feature/sessions.routes').then((m) => m.sessionsRoutes),
      },
      { path: 'quotes', loadChildren: () => import('../../quotes/feature/quotes.routes').then((m) => m.quotesRoutes) },
      {
        path: 'codebook',
        loadChildren: () => import('../../codebook/feature/codebook.routes').then((m) => m.codebookRoutes),
      },
      {
        path: 'synthesis',
        loadChildren: () => import('../../synthesis/feature/synthesis.routes').then((m) => m.synthesisRoutes),
      },
      {
        path: 'journey',
        loadChildren: () => import('../../journey/feature/journey.routes').then((m) => m.journeyRoutes),
      },
      { path: 'audit', loadChildren: () => import('../../audit/feature/audit.routes').then((m) => m.auditRoutes) },
    ],
  },
];
