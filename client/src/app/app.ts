import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Locale } from '@tropa/contracts';
import { filter, map } from 'rxjs';
import { AuthStore } from './auth/data-access/auth-store';
import { I18n } from './core/i18n/i18n';
import { TranslatePipe } from './core/i18n/translate.pipe';
import { LanguageSwitch } from './shell/language-switch';

@Component({
  selector: 'tropa-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, LanguageSwitch, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!isRespondentPage()) {
      <mat-toolbar class="toolbar" role="banner">
        <a class="brand" routerLink="/" data-testid="brand">Tropa</a>
        @if (auth.isLoggedIn()) {
          <nav class="nav">
            <a mat-button routerLink="/projects" routerLinkActive="active" data-testid="nav-projects">{{ 'shell.projects' | t }}</a>
          </nav>
        }
        <span class="tropa-spacer"></span>
        <tropa-language-switch [locale]="i18n.locale()" (changed)="changeLanguage($event)" />
        @if (auth.user(); as user) {
          <span class="user" data-testid="current-user">{{ user.displayName }}</span>
          <button mat-button type="button" (click)="logOut()" data-testid="logout">{{ 'shell.logout' | t }}</button>
        } @else {
          <a mat-button routerLink="/login" data-testid="nav-login">{{ 'auth.login' | t }}</a>
        }
      </mat-toolbar>
    }
    <main>
      <router-outlet />
    </main>
  `,
  styles: `
    .toolbar {
      position: sticky;
      top: 0;
      z-index: 10;
      gap: 12px;
      background: var(--mat-sys-surface-container);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .brand {
      font-weight: 600;
      font-size: 1.25rem;
      color: var(--mat-sys-primary);
      text-decoration: none;
      margin-right: 8px;
    }
    .nav .active {
      background: var(--mat-sys-secondary-container);
    }
    .user {
      font-size: 0.9rem;
      color: var(--mat-sys-on-surface-variant);
      margin-left: 8px;
    }
    @media (max-width: 600px) {
      .user {
        display: none;
      }
    }
  `,
})
export class App {
  protected readonly auth = inject(AuthStore);
  protected readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  /** A respondent's page (`/s/:token`) shows the survey alone: no toolbar, nothing of Tropa's projects. */
  protected readonly isRespondentPage = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url.startsWith('/s/')),
    ),
    { initialValue: typeof location !== 'undefined' && location.pathname.startsWith('/s/') },
  );

  protected changeLanguage(locale: Locale): void {
    void this.auth.changeLocale(locale);
  }

  protected async logOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/login']);
  }
}
