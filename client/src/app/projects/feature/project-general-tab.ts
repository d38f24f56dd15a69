import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { ApiError, CreateProjectRequest } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/i18n/labels';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { Submission } from '../../core/forms/submission';
import { RetentionForm } from '../../privacy/ui/retention-form';
import { ProjectStore } from '../data-access/project-store';
import { ProjectForm } from '../ui/project-form';

@Component({
  selector: 'tropa-project-general-tab',
  imports: [ProjectForm, RetentionForm, MatButtonModule, TranslatePipe, LocalDatePipe, ErrorBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.project(); as project) {
      @if (store.isOwner()) {
        <section class="tropa-panel">
          <h2>{{ 'tabs.general' | t }}</h2>
          <tropa-project-form
            [project]="project"
            [serverError]="error()"
            [saving]="saving()"
            (submitted)="save($event)"
          />
        </section>
        <section class="tropa-panel" data-testid="retention">
          <h2>{{ 'privacy.retention.title' | t }}</h2>
          <tropa-retention-form
            [retentionDays]="project.retentionDays"
            [saving]="retention.saving()"
            [serverError]="retention.error()"
            (saved)="saveRetention($event)"
          />
        </section>
        <section class="tropa-panel danger">
          <h2>{{ 'project.deleteTitle' | t }}</h2>
          <p class="tropa-muted">{{ 'project.deleteHint' | t }}</p>
          @if (deleteError(); as deleteError) {
            <tropa-error-banner [error]="deleteError" [retryable]="false" />
          }
          <button mat-stroked-button type="button" (click)="deleteProject()" data-testid="project-delete">
            {{ 'project.delete' | t }}
          </button>
        </section>
      } @else {
        <section class="tropa-panel" data-testid="project-general-readonly">
          <dl class="facts">
            <dt>{{ 'project.name' | t }}</dt>
            <dd>{{ project.name }}</dd>
            <dt>{{ 'project.description' | t }}</dt>
            <dd class="pre">{{ project.description || '—' }}</dd>
            <dt>{{ 'project.language' | t }}</dt>
            <dd>{{ labels.language(project.language) | t }}</dd>
            <dt>{{ 'project.template' | t }}</dt>
            <dd>{{ labels.template(project.stageTemplate) | t }}</dd>
            <dt>{{ 'project.created' | t }}</dt>
            <dd>{{ project.createdAt | localDate }}</dd>
          </dl>
        </section>
      }
    }
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 24px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .pre {
      white-space: pre-line;
    }
    .danger {
      border-color: var(--mat-sys-error);
    }
  `,
})
export class ProjectGeneralTab {
  protected readonly store = inject(ProjectStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  protected readonly labels = labelKeys;

  protected readonly error = signal<ApiError | null>(null);
  protected readonly deleteError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly retention = new Submission();

  protected async save(request: CreateProjectRequest): Promise<void> {
    this.error.set(null);
    this.saving.set(true);
    const result = await this.store.update({
      name: request.name,
      description: request.description,
      language: request.language,
    });
    this.saving.set(false);
    if (result.ok) {
      this.snackBar.open(this.i18n.t('common.saved'), undefined, { duration: 2500 });
    } else {
      this.error.set(result.error);
    }
  }

  protected async saveRetention(retentionDays: number | null): Promise<void> {
    const result = await this.retention.run(() => this.store.update({ retentionDays }));
    if (result.ok) {
      this.snackBar.open(this.i18n.t('common.saved'), undefined, { duration: 2500 });
    }
  }

  protected async deleteProject(): Promise<void> {
    const project = this.store.project();
    if (!project) {
      return;
    }
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('project.deleteTitle'),
      message: this.i18n.t('project.deleteConfirm', { name: project.name }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    const result = await this.store.remove();
    if (result.ok) {
      await this.router.navigate(['/projects']);
    } else {
      this.deleteError.set(result.error);
    }
  }
}
