import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { ApiError, InvitationPreviewResponse } from '@tropa/contracts';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toResult } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { AuthApi } from '../data-access/auth-api';
import { AuthStore } from '../data-access/auth-store';
import { RegisterForm } from '../ui/register-form';
import type { RegisterFormValue } from '../ui/register-form';

/** `/invite/:token`: what the invitation is for, then register (email prefilled) or log in and accept. */
@Component({
  selector: 'tropa-invite-page',
  imports: [RegisterForm, RouterLink, MatButtonModule, TranslatePipe, LocalDatePipe, ErrorBanner, LoadingIndicator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page auth-page">
      <h1>{{ 'invite.title' | t }}</h1>
      @switch (status()) {
        @case ('loading') {
          <tropa-loading />
        }
        @case ('error') {
          @if (loadError(); as loadError) {
            @if (loadError.statusCode === 404 || loadError.statusCode === 410) {
              <p role="alert" data-testid="invite-invalid">{{ 'invite.invalid' | t }}</p>
            } @else {
              <tropa-error-banner [error]="loadError" (retry)="loadPreview(token())" />
            }
          }
        }
        @case ('ready') {
          @if (preview(); as preview) {
            <div class="tropa-panel" data-testid="invite-preview">
              <p>
                {{ 'invite.summary' | t: { project: preview.projectName, role: roleLabel() } }}
              </p>
              <p class="tropa-muted">{{ 'invite.expires' | t: { date: (preview.expiresAt | localDate) } }}</p>
            </div>
            @if (auth.user(); as user) {
              <div class="tropa-panel">
                <p>{{ 'invite.signedInAs' | t: { email: user.email } }}</p>
                @if (acceptError(); as acceptError) {
                  <tropa-error-banner [error]="acceptError" [retryable]="false" />
                }
                <button mat-flat-button type="button" (click)="accept()" [disabled]="saving()" data-testid="invite-accept">
                  {{ 'invite.accept' | t }}
                </button>
              </div>
            } @else {
              <h2>{{ 'invite.registerTitle' | t }}</h2>
              <div class="tropa-panel">
                <tropa-register-form
                  [email]="preview.email"
                  [emailLocked]="true"
                  [serverError]="registerError()"
                  [saving]="saving()"
                  (submitted)="register($event)"
                />
              </div>
              <p class="tropa-muted">
                {{ 'invite.haveAccount' | t }}
                <a routerLink="/login" [queryParams]="{ returnUrl: '/invite/' + token() }" data-testid="invite-login">
                  {{ 'invite.loginAndAccept' | t }}
                </a>
              </p>
            }
          }
        }
      }
    </div>
  `,
  styles: `
    .auth-page {
      max-width: 560px;
    }
  `,
})
export class InvitePage {
  protected readonly auth = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  readonly token = input.required<string>();

  protected readonly status = signal<LoadStatus>('idle');
  protected readonly preview = signal<InvitationPreviewResponse | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly registerError = signal<ApiError | null>(null);
  protected readonly acceptError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly roleLabel = computed(() => {
    const role = this.preview()?.role;
    return role ? this.i18n.t(`role.${role}`) : '';
  });

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => void this.loadPreview(token));
    });
  }

  protected async loadPreview(token: string): Promise<void> {
    this.status.set('loading');
    const result = await toResult(this.api.invitation(token));
    if (result.ok) {
      this.preview.set(result.value);
      this.status.set('ready');
    } else {
      this.loadError.set(result.error);
      this.status.set('error');
    }
  }

  protected async register(value: RegisterFormValue): Promise<void> {
    this.registerError.set(null);
    this.saving.set(true);
    const result = await this.auth.register({ ...value, invitationToken: this.token() });
    this.saving.set(false);
    if (result.ok) {
      await this.router.navigateByUrl('/projects');
    } else {
      this.registerError.set(result.error);
    }
  }

  protected async accept(): Promise<void> {
    this.acceptError.set(null);
    this.saving.set(true);
    const result = await toResult(this.api.acceptInvitation(this.token()));
    this.saving.set(false);
    if (result.ok) {
      await this.router.navigateByUrl('/projects');
    } else {
      this.acceptError.set(result.error);
    }
  }
}
