import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import { RouterLink } from '@angular/router';
import type { EvidenceQuoteResponse, JourneyLane, ReviewFindingRequest } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { Submission } from '../../core/forms/submission';
import { I18n } from '../../core/i18n/i18n';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { EvidenceStore } from '../data-access/evidence-store';
import { MapStore } from '../data-access/map-store';
import { quotePlace, type QuotePlace } from '../../quotes/model/quote-links';
import { strengthBadge } from '../model/journey-grid';
import { journeyLabels } from '../model/journey-labels';
import { NoteCard } from '../ui/note-card';

type ReviewMode = 'idle' | 'rejecting' | 'editing';

/**
 * The side panel of the map: a finding with its quotes in context, its review and its
 * comments; or a cell with the notes people wrote on it.
 */
@Component({
  selector: 'tropa-evidence-drawer',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    RouterLink,
    TranslatePipe,
    LocalDatePipe,
    ErrorBanner,
    LoadingIndicator,
    NoteCard,
  ],
  providers: [EvidenceStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (map.selection(); as selection) {
      <aside class="drawer" data-testid="evidence-drawer" role="complementary" [attr.aria-label]="heading()">
        <header class="head">
          <span class="where tropa-muted">{{ heading() }}</span>
          <button mat-button type="button" (click)="close()" data-testid="evidence-drawer-close">{{ 'journey.drawer.close' | t }}</button>
        </header>

        @if (map.selectedFinding(); as finding) {
          @let badge = strength();
          <p class="text" [class.rejected]="finding.status === 'rejected'" data-testid="drawer-finding-text">{{ finding.text }}</p>
          @if (finding.status === 'edited' && finding.assembledText !== finding.text) {
            <p class="tropa-muted small">{{ 'journey.drawer.assembledText' | t: { text: finding.assembledText } }}</p>
          }
          <p class="badges">
            <span [class]="'badge ' + badge.level" data-testid="drawer-strength">
              {{ labels.strength(badge.level) | t }} · {{ 'journey.strength.counts' | t: { quotes: badge.quotes, people: badge.people, sources: badge.sources } }}
            </span>
            <span class="badge" data-testid="drawer-status">{{ labels.status(finding.status) | t }}</span>
            @if (finding.isNew) {
              <span class="badge new">{{ 'journey.finding.new' | t }}</span>
            }
          </p>
          @if (badge.warn) {
            <p class="warn small">⚠ {{ 'journey.strength.weakHint' | t }}</p>
          }
          @if (finding.status === 'rejected' && finding.rejectReason) {
            <p class="small" data-testid="drawer-reject-reason">{{ 'journey.finding.rejectedBecause' | t: { reason: finding.rejectReason } }}</p>
          }
          @if (finding.reviewedAt) {
            <p class="tropa-muted small">{{ 'journey.drawer.reviewedBy' | t: { date: (finding.reviewedAt | localDate: true) } }}</p>
          }

          @if (canReview()) {
            @if (review.error(); as error) {
              <tropa-error-banner [error]="error" [retryable]="false" />
            }
            @switch (mode()) {
              @case ('rejecting') {
                <form class="review-form" (ngSubmit)="reject(finding.id)">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'journey.review.reason' | t }}</mat-label>
                    <textarea
                      matInput
                      name="reason"
                      rows="2"
                      required
                      [maxlength]="limits.shortText"
                      [ngModel]="reason()"
                      (ngModelChange)="reason.set($event)"
                      data-testid="finding-reject-reason"
                    ></textarea>
                    @if (reasonMissing()) {
                      <mat-hint class="error">{{ 'journey.review.reasonRequired' | t }}</mat-hint>
                    }
                  </mat-form-field>
                  <div class="actions">
                    <button mat-flat-button type="submit" [disabled]="review.saving()" data-testid="finding-reject-confirm">
                      {{ 'journey.review.confirmReject' | t }}
                    </button>
                    <button mat-button type="button" (click)="mode.set('idle')">{{ 'common.cancel' | t }}</button>
                  </div>
                </form>
              }
              @case ('editing') {
                <form class="review-form" (ngSubmit)="edit(finding.id)">
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'journey.review.editText' | t }}</mat-label>
                    <textarea
                      matInput
                      name="text"
                      rows="4"
                      required
                      [maxlength]="limits.description"
                      [ngModel]="draft()"
                      (ngModelChange)="draft.set($event)"
                      data-testid="finding-edit-text"
                    ></textarea>
                  </mat-form-field>
                  <div class="actions">
                    <button mat-flat-button type="submit" [disabled]="review.saving() || !draft().trim()" data-testid="finding-edit-save">
                      {{ 'journey.review.saveEdit' | t }}
                    </button>
                    <button mat-button type="button" (click)="mode.set('idle')">{{ 'common.cancel' | t }}</button>
                  </div>
                </form>
              }
              @default {
                <div class="actions" data-testid="finding-review">
                  @if (finding.status !== 'accepted') {
                    <button mat-flat-button type="button" [disabled]="review.saving()" (click)="decide(finding.id, { decision: 'accept' })" data-testid="finding-accept">
                      {{ 'journey.review.accept' | t }}
                    </button>
                  }
                  @if (finding.status !== 'rejected') {
                    <button mat-stroked-button type="button" [disabled]="review.saving()" (click)="startReject()" data-testid="finding-reject">
                      {{ 'journey.review.reject' | t }}
                    </button>
                  }
                  <button mat-stroked-button type="button" [disabled]="review.saving()" (click)="startEdit(finding.text)" data-testid="finding-edit">
                    {{ 'journey.review.edit' | t }}
                  </button>
                  @if (finding.status !== 'proposed') {
                    <button mat-button type="button" [disabled]="review.saving()" (click)="decide(finding.id, { decision: 'reopen' })" data-testid="finding-reopen">
                      {{ 'journey.review.reopen' | t }}
                    </button>
                  }
                </div>
              }
            }
          }

          <section class="section" data-testid="evidence-quotes">
            <h4>{{ 'journey.drawer.evidence' | t: { count: evidence.total() } }}</h4>
            @if (evidence.error(); as error) {
              <tropa-error-banner [error]="error" (retry)="evidence.reload()" />
            }
            @if (evidence.status() === 'loading') {
              <tropa-loading />
            }
            @if (evidence.isEmpty()) {
              <p class="tropa-muted">{{ 'journey.drawer.noEvidence' | t }}</p>
            }
            @for (quote of evidence.items(); track quote.quoteId) {
              @let link = linkOf(quote);
              <blockquote class="quote" data-testid="evidence-quote" [attr.data-quote-id]="quote.quoteId">
                <p class="quote-text" data-testid="evidence-quote-text">{{ 'common.quoted' | t: { text: quote.text } }}</p>
                <footer class="tropa-muted small">
                  <span>{{ (quote.sourceType === 'transcript' ? 'journey.drawer.transcript' : 'journey.drawer.survey') | t }}</span>
                  @if (quote.sourceTitle) {
                    · <span data-testid="evidence-quote-source">{{ quote.sourceTitle }}</span>
                  }
                  @if (quote.speaker) {
                    · <span data-testid="evidence-quote-speaker">{{ quote.speaker }}</span>
                  }
                  @if (link) {
                    · <a [routerLink]="link.commands" [queryParams]="link.queryParams" data-testid="evidence-quote-context">{{ 'journey.drawer.openSource' | t }}</a>
                  }
                </footer>
              </blockquote>
            }
            @if (evidence.total() > (evidence.query().pageSize ?? 0)) {
              <mat-paginator
                [length]="evidence.total()"
                [pageIndex]="(evidence.query().page ?? 1) - 1"
                [pageSize]="evidence.query().pageSize"
                [hidePageSize]="true"
                (page)="changePage($event)"
              />
            }
          </section>

          <section class="section" data-testid="finding-comments-section">
            <h4>{{ 'journey.comments.title' | t: { count: evidence.commentTotal() } }}</h4>
            @if (evidence.commentsError(); as error) {
              <tropa-error-banner [error]="error" (retry)="evidence.loadComments()" />
            }
            @for (comment of evidence.comments(); track comment.id) {
              <div class="comment" data-testid="comment">
                <div class="tropa-muted small">{{ comment.authorName ?? '' }} · {{ comment.createdAt | localDate: true }}</div>
                <p data-testid="comment-body">{{ comment.text }}</p>
              </div>
            } @empty {
              <p class="tropa-muted small">{{ 'journey.comments.empty' | t }}</p>
            }
            @if (canReview()) {
              @if (commenting.error(); as error) {
                <tropa-error-banner [error]="error" [retryable]="false" />
              }
              <form class="review-form" (ngSubmit)="addComment(finding.id)">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'journey.comments.text' | t }}</mat-label>
                  <textarea
                    matInput
                    name="comment"
                    rows="2"
                    [maxlength]="limits.description"
                    [ngModel]="comment()"
                    (ngModelChange)="comment.set($event)"
                    data-testid="comment-text"
                  ></textarea>
                </mat-form-field>
                <div class="actions">
                  <button mat-stroked-button type="submit" [disabled]="commenting.saving() || !comment().trim()" data-testid="comment-add">
                    {{ 'journey.comments.add' | t }}
                  </button>
                </div>
              </form>
            }
          </section>
        }

        @if (selection.kind === 'cell') {
          <section class="section">
            <h4>{{ 'journey.drawer.notes' | t }}</h4>
            @for (note of cellNotes(); track note.id) {
              <tropa-note-card [note]="note" [deletable]="canReview() && note.authorId !== null && note.authorId === currentUserId()" (removed)="removeNote($event)" />
            } @empty {
              <p class="tropa-muted small">{{ 'journey.drawer.noNotes' | t }}</p>
            }
            @if (canReview()) {
              @if (noting.error(); as error) {
                <tropa-error-banner [error]="error" [retryable]="false" />
              }
              <form class="review-form" (ngSubmit)="addNote(selection.stageId, selection.lane)">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'journey.note.text' | t }}</mat-label>
                  <textarea
                    matInput
                    name="note"
                    rows="3"
                    [maxlength]="limits.description"
                    [ngModel]="note()"
                    (ngModelChange)="note.set($event)"
                    data-testid="note-text"
                  ></textarea>
                  <mat-hint>{{ 'journey.note.hint' | t }}</mat-hint>
                </mat-form-field>
                <div class="actions">
                  <button mat-flat-button type="submit" [disabled]="noting.saving() || !note().trim()" data-testid="note-add">
                    {{ 'journey.note.add' | t }}
                  </button>
                </div>
              </form>
            }
          </section>
        }
      </aside>
    }
  `,
  styles: `
    .drawer {
      position: fixed;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(520px, 100vw);
      z-index: 1100;
      overflow-y: auto;
      padding: 12px 16px 24px;
      background: var(--mat-sys-surface);
      border-left: 1px solid var(--mat-sys-outline-variant);
      box-shadow: -4px 0 16px rgb(0 0 0 / 12%);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .text {
      font-size: 1.1em;
      font-weight: 500;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .text.rejected {
      text-decoration: line-through;
      opacity: 0.7;
    }
    .small {
      font-size: 0.85em;
    }
    .warn {
      color: #7a5200;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .badge {
      font-size: 0.8em;
      padding: 1px 8px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
    }
    .badge.weak {
      background: #fff3cd;
      color: #7a5200;
    }
    .badge.strong {
      background: #d8f0da;
      color: #1b5e20;
    }
    .badge.new {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 8px 0;
    }
    .review-form {
      display: flex;
      flex-direction: column;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .section {
      margin-top: 16px;
    }
    h4 {
      margin: 0 0 8px;
    }
    .quote {
      margin: 0 0 10px;
      padding: 6px 10px;
      border-left: 3px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-low);
    }
    .quote-text {
      margin: 0 0 4px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .quote a {
      color: var(--mat-sys-primary);
    }
    .comment p {
      margin: 2px 0 8px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class EvidenceDrawer {
  protected readonly map = inject(MapStore);
  private readonly i18n = inject(I18n);
  protected readonly evidence = inject(EvidenceStore);

  readonly projectId = input.required<string>();
  /** Owner, researcher or strategist on a working map: review, comment and write notes. */
  readonly canReview = input(false);
  readonly currentUserId = input<string | null>(null);

  protected readonly labels = journeyLabels;
  protected readonly limits = TEXT_LIMITS;
  protected readonly review = new Submission();
  protected readonly commenting = new Submission();
  protected readonly noting = new Submission();
  protected readonly mode = signal<ReviewMode>('idle');
  protected readonly reason = signal('');
  protected readonly reasonMissing = signal(false);
  protected readonly draft = signal('');
  protected readonly comment = signal('');
  protected readonly note = signal('');

  protected readonly strength = computed(() => {
    const finding = this.map.selectedFinding();
    return strengthBadge(finding ?? { strength: { quotes: 0, participants: 0, sources: 0, sessions: 0, surveys: 0, level: 'weak' } });
  });
  protected readonly heading = computed(() => {
    const selection = this.map.selection();
    if (!selection) return '';
    const finding = this.map.selectedFinding();
    const stageId = selection.kind === 'cell' ? selection.stageId : (finding?.stageId ?? '');
    const lane = selection.kind === 'cell' ? selection.lane : finding?.lane;
    const stage = this.map.stageNames().get(stageId) ?? '';
    return lane ? `${stage} · ${this.i18n.t(journeyLabels.lane(lane))}` : stage;
  });
  protected readonly cellNotes = computed(() => {
    const selection = this.map.selection();
    if (selection?.kind !== 'cell') return [];
    return (this.map.map()?.notes ?? []).filter((note) => note.stageId === selection.stageId && note.lane === selection.lane);
  });

  constructor() {
    effect(() => {
      const selection = this.map.selection();
      const projectId = this.projectId();
      const findingId = selection?.kind === 'finding' ? selection.findingId : null;
      untracked(() => {
        this.mode.set('idle');
        this.reason.set('');
        this.reasonMissing.set(false);
        this.comment.set('');
        this.note.set('');
        this.review.error.set(null);
        this.commenting.error.set(null);
        this.noting.error.set(null);
        if (findingId) this.evidence.open(projectId, findingId);
      });
    });
  }

  protected close(): void {
    this.map.select(null);
  }

  protected linkOf(quote: EvidenceQuoteResponse): QuotePlace | null {
    return quotePlace(this.projectId(), quote);
  }

  protected startReject(): void {
    this.reason.set('');
    this.reasonMissing.set(false);
    this.mode.set('rejecting');
  }

  protected startEdit(text: string): void {
    this.draft.set(text);
    this.mode.set('editing');
  }

  protected async reject(findingId: string): Promise<void> {
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonMissing.set(true);
      return;
    }
    await this.decide(findingId, { decision: 'reject', reason });
  }

  protected async edit(findingId: string): Promise<void> {
    const text = this.draft().trim();
    if (!text) return;
    await this.decide(findingId, { decision: 'edit', text });
  }

  protected async decide(findingId: string, request: ReviewFindingRequest): Promise<void> {
    const result = await this.review.run(() => this.map.review(findingId, request));
    if (result.ok) this.mode.set('idle');
  }

  protected async addComment(findingId: string): Promise<void> {
    const text = this.comment().trim();
    if (!text) return;
    const result = await this.commenting.run(() => this.evidence.addComment(text));
    if (result.ok) {
      this.comment.set('');
      this.map.countComment(findingId);
    }
  }

  protected async addNote(stageId: string, lane: JourneyLane): Promise<void> {
    const text = this.note().trim();
    if (!text) return;
    const result = await this.noting.run(() => this.map.addNote(stageId, lane, text));
    if (result.ok) this.note.set('');
  }

  protected async removeNote(noteId: string): Promise<void> {
    await this.noting.run(() => this.map.removeNote(noteId));
  }

  protected changePage(event: PageEvent): void {
    this.evidence.load({ page: event.pageIndex + 1 });
  }
}
