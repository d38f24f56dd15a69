import type { Routes } from '@angular/router';
import { SurveyStore } from '../data-access/survey-store';

export const surveysRoutes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./survey-list-page').then((m) => m.SurveyListPage) },
  {
    path: ':surveyId',
    providers: [SurveyStore],
    loadComponent: () => import('./survey-detail-page').then((m) => m.SurveyDetailPage),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'builder' },
      { path: 'builder', loadComponent: () => import('./survey-builder-tab').then((m) => m.SurveyBuilderTab) },
      { path: 'mapping', loadComponent: () => import('./survey-mapping-tab').then((m) => m.SurveyMappingTab) },
      {
        path: 'distribution',
        loadComponent: () => import('./survey-distribution-tab').then((m) => m.SurveyDistributionTab),
      },
      { path: 'responses', loadComponent: () => import('./survey-responses-tab').then((m) => m.SurveyResponsesTab) },
      { path: 'summary', loadComponent: () => import('./survey-summary-tab').then((m) => m.SurveySummaryTab) },
      { path: 'import', loadComponent: () => import('./survey-import-tab').then((m) => m.SurveyImportTab) },
    ],
  },
];
