import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiError } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { parseRetentionDays } from '../model/retention';

/** A project's retention period: days to keep survey responses, empty to keep them. */
@Component({
  selector: 'tropa-retention-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe, ErrorBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="$event.preventDefault(); submit()" data-testid="retention-form">
      <p class="tropa-muted">{{ 'privacy.retention.hint' | t }}</p>
      @if (serverError(); as error) {
        <tropa-error-banner [error]="error" [retryable]="false" />
      }
      <mat-form-field>
        <mat-label>{{ 'privacy.retention.days' | t }}</mat-label>
        <input
          matInput
          inputmode="numeric"
          [value]="text()"
          (input)="edit($event)"
          [placeholder]="'privacy.retention.off' | t"
          data-testid="retention-days"
        />
        @if (invalid()) {
          <mat-hint class="error" data-testid="retention-invalid">{{ 'privacy.retention.invalid' | t }}</mat-hint>
        }
      </mat-form-field>
      <p data-testid="retention-current">
        @if (retentionDays(); as days) {
          {{ 'privacy.retention.current' | t: { days } }}
        } @else {
          {{ 'privacy.retention.off' | t }}
        }
      </p>
      <button mat-flat-button type="submit" [disabled]="saving() || invalid() || unchanged()" data-testid="retention-save">
        {{ 'privacy.retention.save' | t }}
      </button>
    </form>
  `,
  styles: `
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class RetentionForm {
  readonly retentionDays = input.required<number | null>();
  readonly saving = input(false);
  readonly serverError = input<ApiError | null>(null);
  readonly saved = output<number | null>();

  protected readonly text = signal('');
  private readonly parsed = computed(() => parseRetentionDays(this.text()));
  protected readonly invalid = computed(() => !this.parsed().ok);
  protected readonly unchanged = computed(() => {
    const parsed = this.parsed();
    return parsed.ok && parsed.value === this.retentionDays();
  });

  constructor() {
    effect(() => {
      const days = this.retentionDays();
      this.text.set(days === null ? '' : String(days));
    });
  }

  protected edit(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
  }

  protected submit(): void {
    const parsed = this.parsed();
    if (parsed.ok) this.saved.emit(parsed.value);
  }
}
