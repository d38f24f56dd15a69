import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { DecimalPipe, PercentPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, Disagreement, MemberResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { AgreementStore } from '../data-access/agreement-store';
import type { KappaBand } from '../model/kappa-band';
import { kappaBand } from '../model/kappa-band';

const BAND_KEYS: Record<KappaBand, `coding.band.${KappaBand}`> = {
  poor: 'coding.band.poor',
  slight: 'coding.band.slight',
  fair: 'coding.band.fair',
  moderate: 'coding.band.moderate',
  substantial: 'coding.band.substantial',
  almostPerfect: 'coding.band.almostPerfect',
};

/**
 * Two coders compared on one session: percent agreement and Cohen's κ overall and per tag,
 * and the utterances they coded differently, each settled by keeping or dropping the tag.
 */
@Component({
  selector: 'tropa-agreement-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TranslatePipe, ErrorBanner, LoadingIndicator, PercentPipe, DecimalPipe],
  providers: [AgreementStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="tropa-muted">{{ 'coding.agreementIntro' | t }}</p>
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'coding.coderA' | t }}</mat-label>
        <mat-select [value]="coderA()" (valueChange)="coderA.set($event)" data-testid="agreement-coder-a">
          @for (member of members(); track member.userId) {
            <mat-option [value]="member.userId">{{ member.displayName }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'coding.coderB' | t }}</mat-label>
        <mat-select [value]="coderB()" (valueChange)="coderB.set($event)" data-testid="agreement-coder-b">
          @for (member of members(); track member.userId) {
            <mat-option [value]="member.userId">{{ member.displayName }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="button" [disabled]="!canCompare()" (click)="compare()" data-testid="agreement-run">
        {{ 'coding.compareCoders' | t }}
      </button>
    </div>
    @if (coderA() && coderA() === coderB()) {
      <p class="problem" data-testid="agreement-same-coder">{{ 'coding.sameCoder' | t }}</p>
    }
    @if (settleError(); as settleError) {
      <tropa-error-banner [error]="settleError" [retryable]="false" />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="compare()" />
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.report(); as report) {
      <section class="summary" data-testid="agreement-summary">
        <div class="figure">
          <span class="label">{{ 'coding.percentAgreement' | t }}</span>
          <span class="value" data-testid="agreement-percent">{{ report.percentAgreement | percent: '1.0-1' }}</span>
        </div>
        <div class="figure">
          <span class="label">{{ 'coding.kappa' | t }}</span>
          <span class="value" data-testid="agreement-kappa">{{ report.kappa === null ? '—' : (report.kappa | number: '1.2-2') }}</span>
        </div>
        <div class="figure">
          <span class="label">{{ 'coding.units' | t }}</span>
          <span class="value" data-testid="agreement-units">{{ report.units }}</span>
        </div>
      </section>
      <p data-testid="agreement-band">
        @if (band(); as band) {
          <strong>{{ bandKeys[band] | t }}</strong> — {{ 'coding.bandExplain' | t }}
        } @else {
          {{ 'coding.kappaUndefined' | t }}
        }
      </p>
      <p class="tropa-muted">{{ 'coding.bandScale' | t }}</p>

      <h4>{{ 'coding.byTag' | t }}</h4>
      @if (report.tags.length === 0) {
        <p class="tropa-empty" data-testid="agreement-no-tags">{{ 'coding.noTagsCoded' | t }}</p>
      } @else {
        <table class="tags" data-testid="agreement-tags">
          <thead>
            <tr>
              <th>{{ 'coding.tag' | t }}</th>
              <th class="num">{{ 'coding.tagUnits' | t }}</th>
              <th class="num">{{ 'coding.percentAgreement' | t }}</th>
              <th class="num">{{ 'coding.kappa' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (tag of report.tags; track tag.tagId) {
              <tr data-testid="agreement-tag-row">
                <td>{{ tag.tagName }}</td>
                <td class="num">{{ tag.units }}</td>
                <td class="num">{{ tag.percentAgreement | percent: '1.0-1' }}</td>
                <td class="num" [attr.title]="tag.kappa === null ? ('coding.kappaNullTitle' | t) : null" data-testid="agreement-tag-kappa">
                  {{ tag.kappa === null ? '—' : (tag.kappa | number: '1.2-2') }}
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (hasUndefinedKappa()) {
          <p class="tropa-muted" data-testid="agreement-kappa-null-note">{{ 'coding.kappaNullNote' | t }}</p>
        }
      }

      <h4>{{ 'coding.disagreements' | t: { count: report.disagreements.length } }}</h4>
      @if (report.disagreements.length === 0) {
        <p class="tropa-empty" data-testid="agreement-no-disagreements">{{ 'coding.noDisagreements' | t }}</p>
      }
      @for (disagreement of report.disagreements; track disagreement.utteranceId) {
        <article class="disagreement" data-testid="disagreement" [attr.data-utterance-id]="disagreement.utteranceId">
          <p class="quote">
            <span class="tropa-muted">#{{ disagreement.position + 1 }} · {{ disagreement.speaker || ('transcript.unknownSpeaker' | t) }}</span>
            <span class="text">{{ disagreement.text }}</span>
          </p>
          <button mat-button type="button" class="show" (click)="utteranceOpened.emit(disagreement.utteranceId)" data-testid="disagreement-show">
            {{ 'coding.showInTranscript' | t }}
          </button>
          <div class="sides">
            @for (side of sides; track side) {
              <div class="side" [attr.data-testid]="'disagreement-only-' + side">
                <span class="label">{{ (side === 'a' ? 'coding.onlyA' : 'coding.onlyB') | t: { coder: coderName(side === 'a' ? report.coderA : report.coderB) } }}</span>
                @for (tagName of side === 'a' ? disagreement.onlyA : disagreement.onlyB; track tagName) {
                  <div class="settle" data-testid="disagreement-tag">
                    <span class="tropa-chip">{{ tagName }}</span>
                    @if (canSettle()) {
                      <button mat-button type="button" [disabled]="settling()" (click)="settle(disagreement, tagName, 'keep')" data-testid="settle-keep">
                        {{ 'coding.keep' | t }}
                      </button>
                      <button mat-button type="button" [disabled]="settling()" (click)="settle(disagreement, tagName, 'drop')" data-testid="settle-drop">
                        {{ 'coding.drop' | t }}
                      </button>
                    }
                  </div>
                } @empty {
                  <span class="tropa-muted">—</span>
                }
              </div>
            }
          </div>
        </article>
      }
    }
  `,
  styles: `
    .problem {
      color: var(--mat-sys-error);
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 32px;
      margin: 16px 0 8px;
    }
    .figure {
      display: flex;
      flex-direction: column;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
    .value {
      font-size: 1.8em;
      font-variant-numeric: tabular-nums;
    }
    .tags {
      border-collapse: collapse;
      width: 100%;
      max-width: 720px;
    }
    .tags th,
    .tags td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .tags .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .disagreement {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .quote {
      display: flex;
      flex-direction: column;
      gap: 2px;
      margin: 0 0 8px;
    }
    .quote .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .sides {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    .settle {
      display: flex;
      align-items: center;
      gap: 4px;
      flex-wrap: wrap;
    }
  `,
})
export class AgreementPanel {
  protected readonly store = inject(AgreementStore);

  readonly projectId = input.required<string>();
  readonly sessionId = input.required<string>();
  /** The project's members: the coders to choose from. */
  readonly members = input<MemberResponse[]>([]);
  /** Preselected as coder A: the signed-in user. */
  readonly me = input<string | null>(null);
  /** Settling writes both coders' tags: coders only. */
  readonly canSettle = input(false);
  /** "Show in transcript" on a disagreement: its utterance id. */
  readonly utteranceOpened = output<string>();

  protected readonly bandKeys = BAND_KEYS;
  protected readonly sides = ['a', 'b'] as const;
  protected readonly coderA = linkedSignal(() => this.me() ?? this.members()[0]?.userId ?? null);
  protected readonly coderB = linkedSignal(() => this.members().find((member) => member.userId !== this.coderA())?.userId ?? null);
  protected readonly canCompare = computed(() => this.coderA() !== null && this.coderB() !== null && this.coderA() !== this.coderB());
  protected readonly settling = signal(false);
  protected readonly settleError = signal<ApiError | null>(null);
  protected readonly band = computed(() => {
    const kappa = this.store.report()?.kappa;
    return kappa === null || kappa === undefined ? null : kappaBand(kappa);
  });
  protected readonly hasUndefinedKappa = computed(() => this.store.report()?.tags.some((tag) => tag.kappa === null) ?? false);
  private readonly names = computed(() => new Map(this.members().map((member) => [member.userId, member.displayName])));

  protected coderName(userId: string): string {
    return this.names().get(userId) ?? '—';
  }

  protected compare(): void {
    const coderA = this.coderA();
    const coderB = this.coderB();
    if (coderA && coderB && coderA !== coderB) {
      this.settleError.set(null);
      this.store.compare(this.projectId(), this.sessionId(), coderA, coderB);
    }
  }

  protected async settle(disagreement: Disagreement, tagName: string, decision: 'keep' | 'drop'): Promise<void> {
    this.settling.set(true);
    this.settleError.set(null);
    const result = await this.store.settle(disagreement, tagName, decision);
    this.settling.set(false);
    if (!result.ok) {
      this.settleError.set(result.error);
    }
  }
}
