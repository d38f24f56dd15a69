import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import type { PageEvent } from '@angular/material/paginator';
import type { CreatePersonaRequest, PersonaResponse } from '@tropa/contracts';
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
import { Submission } from '../../core/forms/submission';

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
        <tropa-persona-form [serverError]="form.error()" [saving]="form.saving()" (submitted)="save($event)" (cancelled)="stopEditing()" />
      </section>
    }
    @if (store.status() === 'loading') {
      <tropa-loading />
    }
    @if (store.error(); as error) {
      <tropa-error-banner [error]="error" (retry)="store.reload()" />
    }
    @if (action.error(); as actionError) {
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
              [serverError]="form.error()"
              [saving]="form.saving()"
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
  protected readonly form = new Submission();
  protected readonly action = new Submission();

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
    this.form.error.set(null);
    this.editingId.set(null);
    this.creating.set(true);
  }

  protected startEdit(persona: PersonaResponse): void {
    this.form.error.set(null);
    this.creating.set(false);
    this.editingId.set(persona.id);
  }

  protected stopEditing(): void {
    this.creating.set(false);
    this.editingId.set(null);
  }

  protected async save(request: CreatePersonaRequest): Promise<void> {
    const editingId = this.editingId();
    const result = await this.form.run(() => (editingId ? this.store.update(editingId, request) : this.store.create(request)));
    if (result.ok) this.stopEditing();
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
    await this.action.run(() => this.store.remove(persona.id));
  }

  protected changePage(event: PageEvent): void {
    this.store.load({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
