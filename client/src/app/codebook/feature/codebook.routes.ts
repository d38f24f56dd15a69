import type { Routes } from '@angular/router';

export const codebookRoutes: Routes = [
  { path: '', loadComponent: () => import('./codebook-page').then((m) => m.CodebookPage) },
];
