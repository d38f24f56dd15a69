import type { Routes } from '@angular/router';
import { guestGuard } from '../data-access/auth-guards';

export const authRoutes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: 'Tropa',
    loadComponent: () => import('./login-page').then((m) => m.LoginPage),
  },
  {
    path: 'register',
    canActivate: [guestGuard],
    title: 'Tropa',
    loadComponent: () => import('./register-page').then((m) => m.RegisterPage),
  },
  {
    path: 'invite/:token',
    title: 'Tropa',
    loadComponent: () => import('./invite-page').then((m) => m.InvitePage),
  },
];
