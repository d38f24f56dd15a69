import type { Routes } from '@angular/router';

export const auditRoutes: Routes = [{ path: '', loadComponent: () => import('./audit-tab').then((m) => m.AuditTab) }];
