import type { Routes } from '@angular/router';

export const journeyRoutes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./journey-map-page').then((m) => m.JourneyMapPage) },
  { path: 'kpis', loadComponent: () => import('./kpis-page').then((m) => m.KpisPage) },
  { path: 'recommendations', loadComponent: () => import('./recommendations-page').then((m) => m.RecommendationsPage) },
  { path: 'versions', loadComponent: () => import('./versions-page').then((m) => m.VersionsPage) },
];
