import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import type { ClusterQuote } from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { quotePlace } from '../../quotes/model/quote-links';

/** A quote of a cluster (or job): its text, source, stage and score, a link to its context, and a tick box. */
@Component({
  selector: 'tropa-cluster-quote-row',
  imports: [MatCheckboxModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = quote();
    <div class="row" data-testid="cluster-quote" [attr.data-quote-id]="q.quoteId">
      @if (selectable()) {
        <mat-checkbox
          [checked]="selected()"
          (change)="toggled.emit()"
          [aria-label]="'synthesis.quotes.select' | t"
          data-testid="cluster-quote-select"
        />
      }
      <div class="body">
        <p class="text" data-testid="cluster-quote-text">“{{ q.text }}”</p>
        <p class="meta tropa-muted">
          <span>{{ sourceKey() | t }}</span>
          @if (q.participantKey) {
            <span>{{ q.participantKey }}</span>
          }
          @if (stageName(); as stage) {
            <span
              >{{ stage }}
              @if (q.stageInferred) {
                {{ 'synthesis.quotes.inferred' | t }}
              }
            </span>
          }
          @if (q.representative) {
            <span class="tropa-chip">{{ 'synthesis.quotes.representative' | t }}</span>
          }
          @if (q.score === null) {
            <span>{{ 'synthesis.quotes.moved' | t }}</span>
          } @else {
            <span>{{ 'synthesis.quotes.score' | t: { value: q.score.toFixed(2) } }}</span>
          }
          @if (link(); as target) {
            <a [routerLink]="target.commands" [queryParams]="target.queryParams" data-testid="cluster-quote-context">{{
              'synthesis.quotes.context' | t
            }}</a>
          }
        </p>
      </div>
    </div>
  `,
  styles: `
    .row {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .body {
      flex: 1 1 auto;
    }
    .text {
      margin: 0 0 4px;
      white-space: pre-wrap;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 12px;
      align-items: center;
      margin: 0;
      font-size: 0.85em;
    }
    a {
      color: var(--mat-sys-primary);
    }
  `,
})
export class ClusterQuoteRow {
  readonly quote = input.required<ClusterQuote>();
  readonly projectId = input.required<string>();
  readonly stageName = input<string | null>(null);
  readonly selectable = input(false);
  readonly selected = input(false);
  readonly toggled = output();

  protected readonly link = computed(() => quotePlace(this.projectId(), this.quote()));
  protected readonly sourceKey = computed((): MessageKey => `synthesis.quotes.${this.quote().sourceType}`);
}
