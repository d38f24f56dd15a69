import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { ProjectStore } from '../../projects/data-access/project-store';
import { ImportStore } from '../data-access/import-store';
import { SurveyStore } from '../data-access/survey-store';
import { ImportMapping } from '../ui/import-mapping';
import type { ColumnTargetChange } from '../ui/import-mapping';
import { ImportReportView } from '../ui/import-report';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Import responses from a CSV/XLSX export: upload, map columns, check (dry run), import with progress. */
@Component({
  selector: 'tropa-survey-import-tab',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, MatProgressBarModule, ImportMapping, ImportReportView, TranslatePipe, ErrorBanner],
  providers: [ImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="tropa-muted">{{ 'import.hint' | t }}</p>
    @if (!project.canEditContent()) {
      <p class="tropa-muted" data-testid="import-read-only">{{ 'surveys.readOnly' | t }}</p>
    } @else {
      @if (tooLarge()) {
        <p class="tropa-form-error" role="alert" data-testid="import-too-large">{{ 'import.tooLarge' | t }}</p>
      }
      @if (imports.error(); as error) {
        @if (error.statusCode === 413) {
          <p class="tropa-form-error" role="alert" data-testid="import-too-large">{{ 'import.tooLarge' | t }}</p>
        } @else {
          <tropa-error-banner [error]="error" [retryable]="false" />
        }
      }
      @switch (imports.step()) {
        @case ('upload') {
          <section class="tropa-panel">
            <label class="file">
              <span>{{ 'import.chooseFile' | t }}</span>
              <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" [disabled]="imports.busy()" (change)="upload($event)" data-testid="import-file" />
            </label>
            @if (imports.activity() === 'uploading') {
              <p class="tropa-muted">{{ 'import.uploading' | t }}</p>
              <mat-progress-bar mode="indeterminate" />
            }
          </section>
        }
        @case ('mapping') {
          @if (imports.record(); as record) {
            <p data-testid="import-file-name">{{ 'import.file' | t: { name: record.fileName, source: (labels.importSource(record.source) | t) } }}</p>
            @if (imports.isDuplicate()) {
              <div class="warning" role="alert" data-testid="import-duplicate">{{ 'import.duplicate' | t }}</div>
            }
            <tropa-import-mapping
              [columns]="record.columns"
              [targets]="imports.targets()"
              [questions]="store.questions()"
              [disabled]="imports.busy()"
              (changed)="changeTarget($event)"
            />
            <div class="tropa-filters columns">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'import.respondentColumn' | t }}</mat-label>
                <mat-select [value]="imports.respondentColumn() ?? -1" [disabled]="imports.busy()" (valueChange)="imports.setRespondentColumn($event < 0 ? null : $event)" data-testid="import-respondent-column">
                  <mat-option [value]="-1">{{ 'import.noColumn' | t }}</mat-option>
                  @for (column of record.columns; track column.index) {
                    <mat-option [value]="column.index">{{ column.title }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'import.submittedAtColumn' | t }}</mat-label>
                <mat-select [value]="imports.submittedAtColumn() ?? -1" [disabled]="imports.busy()" (valueChange)="imports.setSubmittedAtColumn($event < 0 ? null : $event)" data-testid="import-submitted-column">
                  <mat-option [value]="-1">{{ 'import.noColumn' | t }}</mat-option>
                  @for (column of record.columns; track column.index) {
                    <mat-option [value]="column.index">{{ column.title }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <span class="tropa-muted">{{ 'import.mapped' | t: { count: imports.mappedCount() } }}</span>
            </div>
            @if (imports.busy()) {
              <p class="tropa-muted">{{ (imports.activity() === 'checking' ? 'import.checking' : 'import.importing') | t }}</p>
              <mat-progress-bar mode="determinate" [value]="imports.progress()" data-testid="import-progress" />
            }
            @if (imports.report(); as report) {
              <tropa-import-report [report]="report" />
            }
            <div class="tropa-actions">
              <button mat-stroked-button type="button" [disabled]="imports.busy() || imports.mappedCount() === 0" (click)="imports.check()" data-testid="import-check">
                {{ 'import.check' | t }}
              </button>
              @if (imports.isDuplicate()) {
                <button mat-flat-button type="button" [disabled]="imports.busy() || imports.mappedCount() === 0" (click)="run(true)" data-testid="import-run-anyway">
                  {{ 'import.runAnyway' | t }}
                </button>
              } @else {
                <button mat-flat-button type="button" [disabled]="imports.busy() || imports.mappedCount() === 0" (click)="run(false)" data-testid="import-run">
                  {{ 'import.run' | t }}
                </button>
              }
              <button mat-button type="button" [disabled]="imports.busy()" (click)="imports.reset()">{{ 'import.startOver' | t }}</button>
            </div>
          }
        }
        @case ('done') {
          <section class="tropa-panel">
            <p data-testid="import-done">{{ 'import.done' | t: { count: imports.report()?.imported ?? 0 } }}</p>
            @if (imports.report(); as report) {
              <tropa-import-report [report]="report" />
            }
            <button mat-flat-button type="button" (click)="imports.reset()" data-testid="import-another">{{ 'import.another' | t }}</button>
          </section>
        }
      }
    }
  `,
  styles: `
    .file {
      display: flex;
      flex-direction: column;
      gap: 8px;
      font-weight: 500;
    }
    .warning {
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .columns {
      margin-top: 16px;
    }
  `,
})
export class SurveyImportTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveyStore);
  protected readonly imports = inject(ImportStore);
  protected readonly labels = labelKeys;
  protected readonly tooLarge = signal(false);
  private readonly surveyId = computed(() => this.store.survey()?.id ?? null);

  constructor() {
    effect(() => {
      const surveyId = this.surveyId();
      const projectId = this.store.projectId();
      if (surveyId) {
        untracked(() => this.imports.open(projectId, surveyId));
      }
    });
  }

  protected async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    this.tooLarge.set(false);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      this.tooLarge.set(true);
      return;
    }
    await this.imports.upload(file);
  }

  protected changeTarget({ position, target }: ColumnTargetChange): void {
    this.imports.setTarget(position, target);
  }

  protected async run(allowDuplicate: boolean): Promise<void> {
    await this.imports.importNow(allowDuplicate);
    if (this.imports.step() === 'done') {
      // New responses change the counts shown in the header.
      this.store.load(this.store.projectId(), this.store.survey()?.id ?? '');
    }
  }
}
