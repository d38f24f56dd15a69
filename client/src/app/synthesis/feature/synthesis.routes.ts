import type { Routes } from '@angular/router';

export const synthesisRoutes: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./synthesis-page').then((m) => m.SynthesisPage) },
  { path: 'runs', loadComponent: () => import('./runs-page').then((m) => m.RunsPage) },
  { path: 'jobs', loadComponent: () => import('./jobs-page').then((m) => m.JobsPage) },
  { path: 'jobs/:jobId', loadComponent: () => import('./job-page').then((m) => m.JobPage) },
  { path: 'clusters/:clusterId', loadComponent: () => import('./cluster-page').then((m) => m.ClusterPage) },
];
