import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ClusterResponse, StageResponse } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { synthesisLabels } from '../model/run-status';
import { stageSegments } from '../model/stage-bar';
import { StageBar } from './stage-bar';

/**
 * One cluster on the review board: name, status and change badges, the job statement,
 * its evidence figures, representative quotes and stage bar, and the review actions
 * (inline rename and statement edit, accept, discard, select for a merge).
 */
@Component({
  selector: 'tropa-cluster-card',
  imports: [FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, RouterLink, TranslatePipe, StageBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = cluster();
    <article
      class="card"
      [class.selected]="selected()"
      [class.discarded]="c.status === 'discarded'"
      data-testid="cluster-card"
      [attr.data-cluster-kind]="c.kind"
      [attr.data-cluster-id]="c.id"
      [attr.data-status]="c.status"
    >
      <header class="head">
        @if (selectable()) {
          <mat-checkbox
            [checked]="selected()"
            (change)="toggleSelected.emit()"
            [aria-label]="'synthesis.cluster.select' | t"
            data-testid="cluster-select"
          />
        }
        @if (editingLabel()) {
          <form class="inline" (ngSubmit)="saveLabel()">
            <mat-form-field subscriptSizing="dynamic" class="grow">
              <mat-label>{{ 'synthesis.cluster.label' | t }}</mat-label>
              <input
                matInput
                name="label"
                required
                [maxlength]="limits.name"
                [ngModel]="labelDraft()"
                (ngModelChange)="labelDraft.set($event)"
                data-testid="cluster-label-input"
              />
            </mat-form-field>
            <button mat-button type="submit" [disabled]="busy() || !labelDraft().trim()" data-testid="cluster-label-save">
              {{ 'common.save' | t }}
            </button>
            <button mat-button type="button" (click)="editingLabel.set(false)" data-testid="cluster-label-cancel">
              {{ 'common.cancel' | t }}
            </button>
          </form>
        } @else {
          <h4 class="label grow" data-testid="cluster-label">{{ c.label }}</h4>
          @if (editable()) {
            <button mat-button type="button" (click)="startLabel()" data-testid="cluster-rename">{{ 'synthesis.cluster.rename' | t }}</button>
          }
        }
      </header>

      <div class="badges">
        <span class="tropa-chip" [class.accepted]="c.status === 'accepted'" data-testid="cluster-status" [attr.data-status]="c.status">
          {{ labels.clusterStatus(c.status) | t }}
        </span>
        @if (c.change) {
          <span class="tropa-chip change" data-testid="cluster-change" [attr.data-change]="c.change">{{ labels.change(c.change) | t }}</span>
        }
        @if (c.edited) {
          <span class="tropa-chip" data-testid="cluster-edited">{{ 'synthesis.cluster.edited' | t }}</span>
        }
        @if (c.kind === 'touchpoint') {
          <span class="tropa-chip" data-testid="cluster-touchpoint-origin" [attr.data-discovered]="c.touchpointId === null">
            {{ (c.touchpointId ? 'synthesis.cluster.inventory' : 'synthesis.cluster.discovered') | t }}
          </span>
        }
        @if (c.kind === 'job' && c.jobId) {
          <span class="tropa-chip" data-testid="cluster-in-jobs">{{ 'synthesis.cluster.job' | t }}</span>
        }
      </div>

      @if (c.kind === 'job') {
        @if (editingStatement()) {
          <form (ngSubmit)="saveStatement()">
            <mat-form-field subscriptSizing="dynamic" class="full">
              <mat-label>{{ 'synthesis.cluster.statement' | t }}</mat-label>
              <textarea
                matInput
                name="statement"
                rows="3"
                [maxlength]="limits.description"
                [ngModel]="statementDraft()"
                (ngModelChange)="statementDraft.set($event)"
                data-testid="cluster-statement-input"
              ></textarea>
            </mat-form-field>
            <div class="tropa-actions">
              <button mat-button type="submit" [disabled]="busy()" data-testid="cluster-statement-save">{{ 'common.save' | t }}</button>
              <button mat-button type="button" (click)="editingStatement.set(false)">{{ 'common.cancel' | t }}</button>
            </div>
          </form>
        } @else {
          <p class="statement" data-testid="cluster-statement">{{ c.statement || ('synthesis.cluster.noStatement' | t) }}</p>
          @if (editable()) {
            <button mat-button type="button" class="small" (click)="startStatement()" data-testid="cluster-statement-edit">
              {{ 'synthesis.cluster.editStatement' | t }}
            </button>
          }
        }
      }

      <p class="figures tropa-muted">
        <span data-testid="cluster-size">{{ 'synthesis.cluster.size' | t: { count: c.size } }}</span>
        <span data-testid="cluster-participants">{{ 'synthesis.cluster.participants' | t: { count: c.participants } }}</span>
        <span data-testid="cluster-sources">{{ 'synthesis.cluster.sources' | t: { count: c.sources } }}</span>
      </p>

      @if (c.keywords.length > 0) {
        <p class="keywords tropa-muted" [attr.aria-label]="'synthesis.cluster.keywords' | t">{{ c.keywords.join(', ') }}</p>
      }

      @if (c.representatives.length > 0) {
        <ul class="quotes" [attr.aria-label]="'synthesis.cluster.representatives' | t">
          @for (quote of c.representatives.slice(0, 3); track quote.quoteId) {
            <li data-testid="cluster-representative">“{{ quote.text }}”</li>
          }
        </ul>
      }

      <tropa-stage-bar [segments]="segments()" [legend]="false" />

      <footer class="tropa-actions actions">
        @if (openable()) {
          <a mat-button [routerLink]="['clusters', c.id]" data-testid="cluster-open">{{ 'synthesis.cluster.open' | t }}</a>
        }
        <span class="tropa-spacer"></span>
        @if (editable()) {
          @if (c.status !== 'discarded') {
            <button mat-button type="button" [disabled]="busy()" (click)="discard.emit()" data-testid="cluster-discard">
              {{ 'synthesis.cluster.discard' | t }}
            </button>
          }
          @if (c.status !== 'accepted') {
            <button mat-flat-button type="button" [disabled]="busy()" (click)="accept.emit()" data-testid="cluster-accept">
              {{ 'synthesis.cluster.accept' | t }}
            </button>
          }
        }
      </footer>
    </article>
  `,
  styles: `
    .card {
      display: flex;
      flex-direction: column;
      gap: 6px;
      height: 100%;
      box-sizing: border-box;
      background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
    }
    .card.selected {
      border-color: var(--mat-sys-primary);
      box-shadow: 0 0 0 1px var(--mat-sys-primary);
    }
    .card.discarded {
      opacity: 0.6;
    }
    .head,
    .inline {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    /* A long name or a narrow card puts the rename button under the name, never past the card's edge. */
    .head {
      flex-wrap: wrap;
    }
    .grow {
      flex: 1 1 12em;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .label {
      margin: 0;
      font-size: 1.05em;
      font-weight: 500;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
    }
    .accepted {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .change {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .statement {
      margin: 0;
      font-style: italic;
      white-space: pre-wrap;
    }
    .small {
      align-self: flex-start;
    }
    .full {
      width: 100%;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin: 0;
      font-size: 0.85em;
    }
    .keywords {
      margin: 0;
      font-size: 0.8em;
    }
    .quotes {
      margin: 0;
      padding-left: 16px;
      font-size: 0.9em;
    }
    .quotes li {
      margin-bottom: 4px;
    }
    .actions {
      margin-top: auto;
    }
  `,
})
export class ClusterCard {
  readonly cluster = input.required<ClusterResponse>();
  readonly stages = input<StageResponse[]>([]);
  readonly editable = input(false);
  readonly selectable = input(false);
  readonly selected = input(false);
  readonly busy = input(false);
  /** Shows the link to the cluster's page (relative to the review board). */
  readonly openable = input(true);
  readonly renamed = output<string>();
  readonly statementChanged = output<string | null>();
  readonly accept = output();
  readonly discard = output();
  readonly toggleSelected = output();

  protected readonly labels = synthesisLabels;
  protected readonly limits = TEXT_LIMITS;
  protected readonly segments = computed(() => stageSegments(this.cluster().stageDistribution, this.stages()));
  protected readonly editingLabel = signal(false);
  protected readonly labelDraft = signal('');
  protected readonly editingStatement = signal(false);
  protected readonly statementDraft = signal('');

  protected startLabel(): void {
    this.labelDraft.set(this.cluster().label);
    this.editingLabel.set(true);
  }

  protected saveLabel(): void {
    const label = this.labelDraft().trim();
    if (!label) return;
    this.editingLabel.set(false);
    if (label !== this.cluster().label) this.renamed.emit(label);
  }

  protected startStatement(): void {
    this.statementDraft.set(this.cluster().statement ?? '');
    this.editingStatement.set(true);
  }

  protected saveStatement(): void {
    const statement = this.statementDraft().trim();
    this.editingStatement.set(false);
    if (statement !== (this.cluster().statement ?? '')) this.statementChanged.emit(statement || null);
  }
}
