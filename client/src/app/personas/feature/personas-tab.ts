import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import type { ApiError, CreatePersonaRequest, PersonaResponse } from '@tropa/contracts';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { PersonasStore } from '../data-access/personas-store';
import { PersonaCard } from '../ui/persona-card';
import { PersonaForm } from '../ui/persona-form';

@Component({
  selector: 'tropa-personas-tab',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    PersonaCard,
    PersonaForm,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [PersonasStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page-header">
      <h2>{{ 'tabs.personas' | t }}</h2>
      @if (project.canEditContent() && !creating()) {
        <button mat-flat-button type="button" (click)="startCreate()" data-testid="persona-new">
          {{ 'personas.new' | t }}
        </button>
      }
    </div>
    <div class="tropa-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'common.search' | t }}</mat-label>
        <input matInput type="search" [formControl]="search" data-testid="personas-search" />
      </mat-form-field>
    </div>
    @if (creating()) {
      <section class="tropa-panel">
        <h3>{{ 'personas.new' | t }}</h3>
        <tropa-persona-form [serverError]="formError()" [saving]="saving()" (submitted)="save($event)" (cancelled)="stopEditing()" />
      </section>
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (actionError(); as actionError) {
      <tropa-error-banner [error]="actionError" [retryable]="false" />
    }
    @if (store.isEmpty()) {
      <p class="tropa-empty" data-testid="personas-empty">
        {{ (store.query().q ? 'common.noMatches' : 'personas.empty') | t }}
      </p>
    }
    <div class="cards" data-testid="persona-list">
      @for (persona of store.items(); track persona.id) {
        @if (editingId() === persona.id) {
          <section class="tropa-panel">
            <tropa-persona-form
              [persona]="persona"
              [serverError]="formError()"
              [saving]="saving()"
              (submitted)="save($event)"
              (cancelled)="stopEditing()"
            />
          </section>
        } @else {
          <tropa-persona-card
            [persona]="persona"
            [editable]="project.canEditContent()"
            (edit)="startEdit($event)"
            (remove)="deletePersona($event)"
          />
        }
      }
    </div>
    @if (store.total() > (store.query().pageSize ?? 0)) {
      <mat-paginator
        [length]="store.total()"
        [pageIndex]="(store.query().page ?? 1) - 1"
        [pageSize]="store.query().pageSize"
        [pageSizeOptions]="[10, 25, 50, 100]"
        (page)="changePage($event)"
      />
    }
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
      gap: 0 16px;
      margin-top: 16px;
    }
  `,
})
export class PersonasTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(PersonasStore);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly creating = signal(false);
  /** The persona whose card is replaced by the edit form. */
  protected readonly editingId = signal<string | null>(null);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.store.open(projectId));
    });
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.store.load({ q: q.trim() || undefined }));
  }

  protected startCreate(): void {
    this.formError.set(null);
    this.editingId.set(null);
    this.creating.set(true);
  }

  protected startEdit(persona: PersonaResponse): void {
    this.formError.set(null);
    this.creating.set(false);
    this.editingId.set(persona.id);
  }

  protected stopEditing(): void {
    this.creating.set(false);
    this.editingId.set(null);
  }

  protected async save(request: CreatePersonaRequest): Promise<void> {
    const editingId = this.editingId();
    this.formError.set(null);
    this.saving.set(true);
    const result = editingId ? await this.store.update(editingId, request) : await this.store.create(request);
    this.saving.set(false);
    if (result.ok) {
      this.stopEditing();
    } else {
      this.formError.set(result.error);
    }
  }

  protected async deletePersona(persona: PersonaResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('personas.deleteTitle'),
      message: this.i18n.t('personas.deleteConfirm', { name: persona.name }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) {
      return;
    }
    this.actionError.set(null);
    const result = await this.store.remove(persona.id);
    if (!result.ok) {
      this.actionError.set(result.error);
    }
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
