import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ProjectJobResponse, StageResponse, UpdateProjectJobRequest } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { stageSegments } from '../model/stage-bar';
import { StageBar } from './stage-bar';

/** One job to be done: title, statement (both editable in place), evidence, personas and stages. */
@Component({
  selector: 'tropa-job-card',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink, TranslatePipe, StageBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let j = job();
    <article class="tropa-panel card" data-testid="job-card" [attr.data-job-id]="j.id">
      @if (editing()) {
        <form class="tropa-form" (ngSubmit)="save()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.jobs.title' | t }}</mat-label>
            <input
              matInput
              name="title"
              required
              [maxlength]="limits.name"
              [ngModel]="titleDraft()"
              (ngModelChange)="titleDraft.set($event)"
              data-testid="job-title-input"
            />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.jobs.statement' | t }}</mat-label>
            <textarea
              matInput
              name="statement"
              rows="3"
              [maxlength]="limits.description"
              [ngModel]="statementDraft()"
              (ngModelChange)="statementDraft.set($event)"
              data-testid="job-statement-input"
            ></textarea>
          </mat-form-field>
          <div class="tropa-actions">
            <button mat-flat-button type="submit" [disabled]="busy() || !titleDraft().trim()" data-testid="job-save">
              {{ 'common.save' | t }}
            </button>
            <button mat-button type="button" (click)="editing.set(false)">{{ 'common.cancel' | t }}</button>
          </div>
        </form>
      } @else {
        <div class="head">
          <h3 data-testid="job-title">{{ j.title }}</h3>
          @if (editable()) {
            <button mat-button type="button" (click)="startEdit()" data-testid="job-edit">{{ 'common.edit' | t }}</button>
          }
        </div>
        <p class="statement" data-testid="job-statement">{{ j.statement || ('synthesis.cluster.noStatement' | t) }}</p>
      }
      <p class="figures tropa-muted">
        <span data-testid="job-quotes">{{ 'synthesis.jobs.quotes' | t: { count: j.quotes } }}</span>
        <span data-testid="job-participants">{{ 'synthesis.jobs.participants' | t: { count: j.participants } }}</span>
        <span data-testid="job-sources">{{ 'synthesis.jobs.sources' | t: { count: j.sources } }}</span>
      </p>
      <div class="personas" data-testid="job-personas">
        <span class="tropa-muted">{{ 'synthesis.jobs.personas' | t }}:</span>
        @for (name of personaNames(); track $index) {
          <span class="tropa-chip">{{ name }}</span>
        } @empty {
          <span class="tropa-muted">{{ 'synthesis.jobs.noPersonas' | t }}</span>
        }
      </div>
      <tropa-stage-bar [segments]="segments()" />
      <div class="tropa-actions links">
        <a mat-button [routerLink]="[j.id]" data-testid="job-open-quotes">{{ 'synthesis.jobs.openQuotes' | t }}</a>
        @if (j.clusterId) {
          <a mat-button [routerLink]="['..', 'clusters', j.clusterId]" data-testid="job-open-cluster">{{ 'synthesis.jobs.openCluster' | t }}</a>
        } @else {
          <span class="tropa-muted" data-testid="job-lost">{{ 'synthesis.jobs.lost' | t }}</span>
        }
      </div>
    </article>
  `,
  styles: `
    .card {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    h3 {
      margin: 0;
      flex: 1 1 auto;
    }
    .statement {
      margin: 0;
      font-style: italic;
      white-space: pre-wrap;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin: 0;
      font-size: 0.85em;
    }
    .personas {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
    }
  `,
})
export class JobCard {
  readonly job = input.required<ProjectJobResponse>();
  readonly stages = input<StageResponse[]>([]);
  /** Persona id → name. */
  readonly personas = input<ReadonlyMap<string, string>>(new Map());
  readonly editable = input(false);
  readonly busy = input(false);
  readonly changed = output<UpdateProjectJobRequest>();

  protected readonly limits = TEXT_LIMITS;
  protected readonly segments = computed(() => stageSegments(this.job().stageDistribution, this.stages()));
  protected readonly personaNames = computed(() => this.job().personaIds.map((id) => this.personas().get(id) ?? id));
  protected readonly editing = signal(false);
  protected readonly titleDraft = signal('');
  protected readonly statementDraft = signal('');

  protected startEdit(): void {
    this.titleDraft.set(this.job().title);
    this.statementDraft.set(this.job().statement);
    this.editing.set(true);
  }

  protected save(): void {
    const title = this.titleDraft().trim();
    const statement = this.statementDraft().trim();
    if (!title) return;
    const request: UpdateProjectJobRequest = {};
    if (title !== this.job().title) request.title = title;
    if (statement !== this.job().statement) request.statement = statement;
    this.editing.set(false);
    if (request.title !== undefined || request.statement !== undefined) this.changed.emit(request);
  }
}
