import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { SynthesisCounts, SynthesisRunResponse } from '@tropa/contracts';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { canCancelRun, canRetryRun, changeSummary, isRunActive, progressPercent, synthesisLabels } from '../model/run-status';

const COUNT_KEYS: readonly { key: keyof SynthesisCounts; label: MessageKey }[] = [
  { key: 'quotes', label: 'synthesis.counts.quotes' },
  { key: 'jobs', label: 'synthesis.counts.jobs' },
  { key: 'themes', label: 'synthesis.counts.themes' },
  { key: 'touchpoints', label: 'synthesis.counts.touchpoints' },
  { key: 'unclustered', label: 'synthesis.counts.unclustered' },
  { key: 'silent', label: 'synthesis.counts.silent' },
  { key: 'missing', label: 'synthesis.counts.missing' },
];

/** A run: status, live progress with its phase, dates, figures and the changes against the previous run. */
@Component({
  selector: 'tropa-run-panel',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = run();
    <section class="tropa-panel" data-testid="synthesis-run" [attr.data-run-id]="current.id" [attr.data-status]="current.status">
      <div class="tropa-page-header">
        <h3>{{ 'synthesis.run.title' | t }}</h3>
        <span class="tropa-chip" [class.status-failed]="current.status === 'failed'" data-testid="synthesis-run-status">
          {{ labels.runStatus(current.status) | t }}
        </span>
        <span class="tropa-spacer"></span>
        @if (editable() && cancellable()) {
          <button mat-button type="button" [disabled]="busy()" (click)="cancelRun.emit()" data-testid="synthesis-cancel">
            {{ 'synthesis.cancel' | t }}
          </button>
        }
        @if (editable() && retryable()) {
          <button mat-flat-button type="button" [disabled]="busy()" (click)="retryRun.emit()" data-testid="synthesis-retry">
            {{ 'synthesis.retry' | t }}
          </button>
        }
      </div>

      <div class="progress" data-testid="synthesis-progress" [attr.data-progress]="percent()" [attr.data-phase]="current.phase">
        <mat-progress-bar mode="determinate" [value]="percent()" [attr.aria-label]="labels.phase(current.phase) | t" />
        <div class="progress-text">
          <span data-testid="synthesis-phase">{{ labels.phase(current.phase) | t }}</span>
          <span data-testid="synthesis-progress-percent">{{ percent() }}%</span>
        </div>
      </div>

      <p class="tropa-muted meta">
        <span>{{ 'synthesis.run.created' | t: { date: (current.createdAt | localDate: true) } }}</span>
        @if (current.finishedAt) {
          <span>{{ 'synthesis.run.finished' | t: { date: (current.finishedAt | localDate: true) } }}</span>
        }
        @if (current.engineVersion) {
          <span data-testid="synthesis-engine">{{ 'synthesis.run.engine' | t: { version: current.engineVersion } }}</span>
        }
        @if (filtered()) {
          <span>{{ 'synthesis.run.filters' | t }}</span>
        }
      </p>

      @if (current.status === 'failed' && current.error) {
        <p class="tropa-form-error" data-testid="synthesis-run-error">{{ 'synthesis.run.failed' | t: { error: current.error } }}</p>
      }

      @if (current.counts; as counts) {
        <dl class="figures" data-testid="synthesis-counts">
          @for (entry of countKeys; track entry.key) {
            <div>
              <dt>{{ entry.label | t }}</dt>
              <dd [attr.data-testid]="'synthesis-count-' + entry.key">{{ counts[entry.key] }}</dd>
            </div>
          }
        </dl>
      }

      @if (current.status === 'succeeded') {
        <div class="changes" data-testid="synthesis-changes">
          <span class="tropa-muted">{{ 'synthesis.changes.title' | t }}:</span>
          @if (current.changes) {
            @for (entry of changes(); track entry.change) {
              <span class="tropa-chip" [attr.data-testid]="'synthesis-change-' + entry.change">
                {{ labels.change(entry.change) | t }}: {{ entry.count }}
              </span>
            } @empty {
              <span class="tropa-muted">—</span>
            }
          } @else {
            <span class="tropa-muted" data-testid="synthesis-changes-none">{{ 'synthesis.changes.none' | t }}</span>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .progress {
      margin: 4px 0 8px;
    }
    .progress-text {
      display: flex;
      justify-content: space-between;
      font-size: 0.85em;
      margin-top: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 8px 0;
      font-size: 0.85em;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin: 8px 0;
    }
    dt {
      font-size: 0.8em;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font-size: 1.25em;
      font-weight: 500;
    }
    .changes {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
    }
    .status-failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class RunPanel {
  readonly run = input.required<SynthesisRunResponse>();
  readonly editable = input(false);
  readonly busy = input(false);
  readonly cancelRun = output();
  readonly retryRun = output();

  protected readonly labels = synthesisLabels;
  protected readonly countKeys = COUNT_KEYS;
  protected readonly percent = computed(() => progressPercent(this.run()));
  protected readonly active = computed(() => isRunActive(this.run()));
  protected readonly cancellable = computed(() => canCancelRun(this.run()));
  protected readonly retryable = computed(() => canRetryRun(this.run()));
  protected readonly changes = computed(() => changeSummary(this.run().changes));
  protected readonly filtered = computed(() => {
    const { personaId, sessionId, surveyId, from, to } = this.run().params;
    return Boolean(personaId || sessionId || surveyId || from || to);
  });
}
