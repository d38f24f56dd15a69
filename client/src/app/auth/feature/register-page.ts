import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ApiError } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { AuthStore } from '../data-access/auth-store';
import { RegisterForm } from '../ui/register-form';
import type { RegisterFormValue } from '../ui/register-form';

@Component({
  selector: 'tropa-register-page',
  imports: [RegisterForm, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page auth-page">
      <h1>{{ 'auth.registerTitle' | t }}</h1>
      <p class="tropa-muted">{{ 'auth.registerIntro' | t }}</p>
      <div class="tropa-panel">
        <tropa-register-form [serverError]="error()" [saving]="saving()" (submitted)="register($event)" />
      </div>
      <p class="tropa-muted">
        {{ 'auth.haveAccount' | t }}
        <a routerLink="/login">{{ 'auth.loginLink' | t }}</a>
      </p>
    </div>
  `,
  styles: `
    .auth-page {
      max-width: 480px;
    }
  `,
})
export class RegisterPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly error = signal<ApiError | null>(null);
  protected readonly saving = signal(false);

  protected async register(value: RegisterFormValue): Promise<void> {
    this.error.set(null);
    this.saving.set(true);
    const result = await this.auth.register(value);
    this.saving.set(false);
    if (result.ok) {
      await this.router.navigateByUrl('/projects');
      return;
    }
    this.error.set(
      result.error.statusCode === 403 ? { ...result.error, message: this.i18n.t('auth.registerClosed') } : result.error,
    );
  }
}
