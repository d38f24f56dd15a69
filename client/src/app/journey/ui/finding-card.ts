import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { FindingResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { strengthBadge } from '../model/journey-grid';
import { journeyLabels } from '../model/journey-labels';

/** Texts longer than this are clamped to a few lines with a "more" toggle. */
const CLAMP_AT = 140;

/**
 * One finding on the map: its text, how strong its evidence is, its review status and
 * whether it is new since the last version. Clicking it opens its evidence.
 */
@Component({
  selector: 'tropa-finding-card',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = finding();
    @let badge = strength();
    <article
      class="card"
      [class.rejected]="f.status === 'rejected'"
      [class.weak]="badge.warn"
      [class.selected]="selected()"
      data-testid="finding-card"
      [attr.data-finding-id]="f.id"
      [attr.data-lane]="f.lane"
      [attr.data-status]="f.status"
      [attr.data-strength]="badge.level"
    >
      <button type="button" class="open" (click)="opened.emit(f.id)" [attr.aria-label]="f.text">
        <span class="text" [class.clamped]="long() && !expanded()" data-testid="finding-text">{{ f.text }}</span>
      </button>
      @if (long()) {
        <button type="button" class="more" (click)="toggleExpanded()" data-testid="finding-more" data-export="skip">
          {{ (expanded() ? 'journey.finding.less' : 'journey.finding.more') | t }}
        </button>
      }
      @if (f.status === 'rejected' && f.rejectReason) {
        <p class="reason" data-testid="finding-reject-reason-shown">{{ 'journey.finding.rejectedBecause' | t: { reason: f.rejectReason } }}</p>
      }
      <div class="meta">
        @if (rank(); as r) {
          <span class="badge rank" data-testid="finding-rank">{{ 'journey.finding.rank' | t: { rank: r } }}</span>
        }
        <span
          [class]="'badge strength ' + badge.level"
          data-testid="finding-strength"
          [attr.title]="badge.warn ? ('journey.strength.weakHint' | t) : null"
        >
          @if (badge.warn) {
            <span aria-hidden="true">⚠</span>
          }
          {{ labels.strength(badge.level) | t }} · {{ 'journey.strength.counts' | t: { quotes: badge.quotes, people: badge.people, sources: badge.sources } }}
        </span>
        <span [class]="'badge status ' + f.status" data-testid="finding-status">{{ labels.status(f.status) | t }}</span>
        @if (f.isNew) {
          <span class="badge new" data-testid="finding-new" [attr.title]="'journey.finding.newHint' | t">{{ 'journey.finding.new' | t }}</span>
        }
        @if (f.comments > 0) {
          <span class="badge comments" data-testid="finding-comments">{{ 'journey.finding.comments' | t: { count: f.comments } }}</span>
        }
      </div>
    </article>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-left: 4px solid var(--mat-sys-primary);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      padding: 6px 8px;
      margin-bottom: 6px;
    }
    .card.weak {
      border-left-color: #e0a100;
      border-left-style: dashed;
    }
    .card.selected {
      outline: 2px solid var(--mat-sys-primary);
    }
    .card.rejected {
      opacity: 0.55;
    }
    .card.rejected .text {
      text-decoration: line-through;
    }
    .open {
      all: unset;
      cursor: pointer;
      display: block;
      width: 100%;
    }
    .open:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .text.clamped {
      display: -webkit-box;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .more {
      all: unset;
      cursor: pointer;
      font-size: 0.8em;
      color: var(--mat-sys-primary);
    }
    .reason {
      margin: 4px 0 0;
      font-size: 0.85em;
      font-style: italic;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 4px;
    }
    .badge {
      font-size: 0.72em;
      padding: 1px 6px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .strength.strong {
      background: #d8f0da;
      color: #1b5e20;
    }
    .strength.moderate {
      background: #e3ecf9;
      color: #0d47a1;
    }
    .strength.weak {
      background: #fff3cd;
      color: #7a5200;
      font-weight: 600;
    }
    .status.accepted {
      background: #d8f0da;
      color: #1b5e20;
    }
    .status.rejected {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .status.edited {
      background: #ede3f9;
      color: #4a148c;
    }
    .new {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font-weight: 600;
    }
    .rank {
      font-weight: 600;
    }
  `,
})
export class FindingCard {
  readonly finding = input.required<FindingResponse>();
  /** 1-based rank within the cell (pains), or null when not ranked. */
  readonly rank = input<number | null>(null);
  readonly selected = input(false);
  readonly opened = output<string>();

  protected readonly labels = journeyLabels;
  protected readonly strength = computed(() => strengthBadge(this.finding()));
  protected readonly long = computed(() => this.finding().text.length > CLAMP_AT);
  protected readonly expanded = signal(false);

  protected toggleExpanded(): void {
    this.expanded.update((value) => !value);
  }
}
