import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ApiError, LoginRequest } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { AuthStore } from '../data-access/auth-store';
import { LoginForm } from '../ui/login-form';

/** Only same-app paths may be return targets. */
export function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/projects';
}

@Component({
  selector: 'tropa-login-page',
  imports: [LoginForm, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page auth-page">
      <h1>{{ 'auth.loginTitle' | t }}</h1>
      <div class="tropa-panel">
        <tropa-login-form [serverError]="error()" [saving]="saving()" (submitted)="logIn($event)" />
      </div>
      <p class="tropa-muted">
        {{ 'auth.noAccount' | t }}
        <a routerLink="/register">{{ 'auth.registerLink' | t }}</a>
      </p>
    </div>
  `,
  styles: `
    .auth-page {
      max-width: 480px;
    }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  readonly returnUrl = input<string>();

  protected readonly error = signal<ApiError | null>(null);
  protected readonly saving = signal(false);

  protected async logIn(request: LoginRequest): Promise<void> {
    this.error.set(null);
    this.saving.set(true);
    const result = await this.auth.login(request);
    this.saving.set(false);
    if (result.ok) {
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      return;
    }
    // The server's texts are English; say the same things in the UI language.
    const { statusCode } = result.error;
    const message =
      statusCode === 401 ? this.i18n.t('auth.invalidCredentials') : statusCode === 429 ? this.i18n.t('errors.tooManyRequests') : null;
    this.error.set(message ? { ...result.error, message } : result.error);
  }
}
