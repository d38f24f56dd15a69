import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { ElementRef } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { ParticipantResponse, UtteranceResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { UtterancesStore } from '../data-access/utterances-store';
import { UtteranceRow } from '../ui/utterance-row';

/**
 * The transcript, read as it scrolls: the next 100 utterances load when the end of the list
 * comes near (an IntersectionObserver on a sentinel; a "Load more" button as well).
 */
@Component({
  selector: 'tropa-transcript-viewer',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, UtteranceRow, TranslatePipe, ErrorBanner, LoadingIndicator],
  providers: [UtterancesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'transcript.filter' | t }}</mat-label>
        <mat-select [value]="store.participantId() ?? ''" (valueChange)="store.filter($event || null)" data-testid="transcript-filter">
          <mat-option value="">{{ 'transcript.allSpeakers' | t }}</mat-option>
          @for (participant of participants(); track participant.id) {
            <mat-option [value]="participant.id">{{ participant.pseudonym }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="tropa-muted" data-testid="transcript-shown">
        {{ 'transcript.shown' | t: { shown: store.items().length, total: store.total() } }}
      </span>
    </div>
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.loadMore()" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="transcript-empty">{{ 'transcript.empty' | t }}</p>
    }
    <div class="transcript" role="list" data-testid="transcript">
      @for (utterance of store.items(); track utterance.id) {
        <tropa-utterance-row role="listitem" [utterance]="utterance" [speaker]="speakerOf(utterance)" />
      }
    </div>
    <div #sentinel class="sentinel"></div>
    @if (store.status() === 'loading') {
      <tropa-loading />
    } @else if (store.hasMore() && store.status() === 'ready') {
      <button mat-button type="button" (click)="store.loadMore()" data-testid="transcript-load-more">{{ 'transcript.loadMore' | t }}</button>
    }
  `,
  styles: `
    .transcript {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .sentinel {
      height: 1px;
    }
  `,
})
export class TranscriptViewer {
  protected readonly store = inject(UtterancesStore);

  readonly projectId = input.required<string>();
  readonly sessionId = input.required<string>();
  readonly participants = input<ParticipantResponse[]>([]);

  private readonly sentinel = viewChild.required<ElementRef<HTMLElement>>('sentinel');
  /** The end of the list is near the viewport: keep loading while it stays there. */
  private readonly nearEnd = signal(false);
  private readonly pseudonyms = computed(() => new Map(this.participants().map((participant) => [participant.id, participant.pseudonym])));

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const sessionId = this.sessionId();
      untracked(() => this.store.open(projectId, sessionId));
    });
    effect(() => {
      if (this.nearEnd() && this.store.status() === 'ready' && this.store.hasMore()) {
        untracked(() => this.store.loadMore());
      }
    });
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (typeof IntersectionObserver === 'undefined') {
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => this.nearEnd.set(entries.some((entry) => entry.isIntersecting)),
        { rootMargin: '800px 0px' },
      );
      observer.observe(this.sentinel().nativeElement);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected speakerOf(utterance: UtteranceResponse): string | null {
    return (utterance.participantId ? this.pseudonyms().get(utterance.participantId) : undefined) ?? utterance.speaker;
  }
}
