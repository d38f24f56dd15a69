import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ApiError } from '@tropa/contracts';
import { TranslatePipe } from '../i18n/translate.pipe';

/** An error with an optional retry button. Shows the server's message, or a generic one. */
@Component({
  selector: 'tropa-error-banner',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="banner" role="alert" data-testid="error-banner">
      <span class="text">
        @if (error().statusCode === 0) {
          {{ 'errors.network' | t }}
        } @else if (error().statusCode === 404) {
          {{ 'errors.notFound' | t }}
        } @else if (error().statusCode === 403) {
          {{ 'errors.forbidden' | t }}
        } @else if (error().statusCode === 429) {
          {{ 'errors.tooManyRequests' | t }}
        } @else {
          {{ error().message || ('errors.generic' | t) }}
        }
      </span>
      @if (retryable()) {
        <button mat-button type="button" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
      }
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 12px 8px 16px;
      margin: 8px 0 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .text {
      flex: 1 1 auto;
    }
  `,
})
export class ErrorBanner {
  readonly error = input.required<ApiError>();
  readonly retryable = input(true);
  readonly retry = output();
}
