import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { ApiError, CreateProjectRequest } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ProjectsStore } from '../data-access/projects-store';
import { ProjectForm } from '../ui/project-form';

@Component({
  selector: 'tropa-project-create-page',
  imports: [ProjectForm, TranslatePipe],
  providers: [ProjectsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page">
      <div class="tropa-page-header">
        <h1>{{ 'projects.new' | t }}</h1>
      </div>
      <div class="tropa-panel">
        <tropa-project-form
          [defaultLanguage]="i18n.locale()"
          [serverError]="error()"
          [saving]="saving()"
          [cancellable]="true"
          (submitted)="create($event)"
          (cancelled)="backToList()"
        />
      </div>
    </div>
  `,
})
export class ProjectCreatePage {
  protected readonly i18n = inject(I18n);
  private readonly store = inject(ProjectsStore);
  private readonly router = inject(Router);

  protected readonly error = signal<ApiError | null>(null);
  protected readonly saving = signal(false);

  protected async create(request: CreateProjectRequest): Promise<void> {
    this.error.set(null);
    this.saving.set(true);
    const result = await this.store.create(request);
    this.saving.set(false);
    if (result.ok) {
      await this.router.navigate(['/projects', result.value.id, 'stages']);
    } else {
      this.error.set(result.error);
    }
  }

  protected backToList(): void {
    void this.router.navigate(['/projects']);
  }
}
