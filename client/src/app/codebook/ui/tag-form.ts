import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, CreateTagRequest, TagKind, TagResponse } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { CREATABLE_KINDS, VALENCES, tagKindKey, valenceKey } from '../model/tag-labels';
import { allowedTargets, buildTagTree, flattenTagTree } from '../model/tag-tree';

const DEFAULT_COLOR = '#6b7280';

/**
 * Create or edit a tag: name, kind (fixed once created), parent (never itself or one of its
 * descendants), colour, description, a one-key shortcut and, for emotions, a valence.
 * Emits the whole request; the page turns it into an update when editing.
 */
@Component({
  selector: 'tropa-tag-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="tag-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">{{ formMessage() || ('errors.network' | t) }}</p>
      }
      <div class="tropa-form-row">
        <mat-form-field>
          <mat-label>{{ 'codebook.name' | t }}</mat-label>
          <input matInput formControlName="name" [maxlength]="limits.name" data-testid="tag-form-name" />
          @if (isStageTag()) {
            <mat-hint>{{ 'codebook.stageTag' | t }}</mat-hint>
          }
          @if (form.controls.name.hasError('server')) {
            <mat-error data-testid="error-name">{{ form.controls.name.getError('server') }}</mat-error>
          } @else if (form.controls.name.hasError('required')) {
            <mat-error>{{ 'validation.required' | t }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'codebook.kindLabel' | t }}</mat-label>
          <mat-select formControlName="kind" data-testid="tag-form-kind">
            @for (kind of kinds(); track kind) {
              <mat-option [value]="kind">{{ kindKey(kind) | t }}</mat-option>
            }
          </mat-select>
          @if (form.controls.kind.hasError('server')) {
            <mat-error data-testid="error-kind">{{ form.controls.kind.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'codebook.parent' | t }}</mat-label>
        <mat-select formControlName="parentId" data-testid="tag-form-parent">
          <mat-option value="">{{ 'codebook.noParent' | t }}</mat-option>
          @for (option of parentOptions(); track option.id) {
            <mat-option [value]="option.id">
              <span [style.padding-left.px]="option.depth * 16">{{ option.name }}</span>
            </mat-option>
          }
        </mat-select>
        @if (form.controls.parentId.hasError('server')) {
          <mat-error data-testid="error-parentId">{{ form.controls.parentId.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-form-row">
        <label class="color">
          <span>{{ 'codebook.color' | t }}</span>
          <input type="color" formControlName="color" data-testid="tag-form-color" />
          @if (form.controls.color.hasError('server')) {
            <span class="tropa-form-error" data-testid="error-color">{{ form.controls.color.getError('server') }}</span>
          }
        </label>
        <mat-form-field>
          <mat-label>{{ 'codebook.shortcut' | t }}</mat-label>
          <input matInput formControlName="shortcut" maxlength="1" data-testid="tag-form-shortcut" />
          <mat-hint>{{ 'codebook.shortcutHint' | t }}</mat-hint>
          @if (form.controls.shortcut.hasError('server')) {
            <mat-error data-testid="error-shortcut">{{ form.controls.shortcut.getError('server') }}</mat-error>
          }
        </mat-form-field>
        @if (kind() === 'emotion') {
          <mat-form-field>
            <mat-label>{{ 'codebook.valence' | t }}</mat-label>
            <mat-select formControlName="valence" data-testid="tag-form-valence">
              <mat-option [value]="null">{{ 'codebook.noValence' | t }}</mat-option>
              @for (valence of valences; track valence) {
                <mat-option [value]="valence">{{ valenceKey(valence) | t }}</mat-option>
              }
            </mat-select>
            @if (form.controls.valence.hasError('server')) {
              <mat-error data-testid="error-valence">{{ form.controls.valence.getError('server') }}</mat-error>
            }
          </mat-form-field>
        }
      </div>
      <mat-form-field>
        <mat-label>{{ 'codebook.description' | t }}</mat-label>
        <textarea matInput formControlName="description" rows="2" [maxlength]="limits.description" data-testid="tag-form-description"></textarea>
        @if (form.controls.description.hasError('server')) {
          <mat-error>{{ form.controls.description.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="tag-form-save">{{ 'common.save' | t }}</button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .color {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 56px;
      flex: 0 0 auto;
    }
    .color input {
      width: 48px;
      height: 32px;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      background: none;
    }
  `,
})
export class TagForm {
  private readonly fb = inject(NonNullableFormBuilder);

  /** The tag being edited; null for a new one. */
  readonly tag = input<TagResponse | null>(null);
  /** The whole codebook: the parents to choose from. */
  readonly tags = input<readonly TagResponse[]>([]);
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitted = output<CreateTagRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly valences = VALENCES;
  protected readonly kindKey = tagKindKey;
  protected readonly valenceKey = valenceKey;
  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    kind: this.fb.control<TagKind>('pain'),
    parentId: [''],
    color: [DEFAULT_COLOR],
    description: [''],
    shortcut: [''],
    valence: this.fb.control<number | null>(null),
  });
  protected readonly formMessage = signal<string | null>(null);
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly isStageTag = computed(() => (this.tag()?.stageId ?? null) !== null);
  /** A new tag picks any creatable kind; an existing one keeps its own. */
  protected readonly kinds = computed(() => {
    const tag = this.tag();
    return tag ? [tag.kind] : CREATABLE_KINDS;
  });
  protected readonly parentOptions = computed(() =>
    flattenTagTree(buildTagTree(allowedTargets(this.tags(), this.tag()?.id ?? null))).map((row) => ({
      id: row.tag.id,
      name: row.tag.name,
      depth: row.depth,
    })),
  );

  constructor() {
    effect(() => {
      const tag = this.tag();
      this.form.reset({
        name: tag?.name ?? '',
        kind: tag?.kind ?? 'pain',
        parentId: tag?.parentId ?? '',
        color: tag?.color ?? DEFAULT_COLOR,
        description: tag?.description ?? '',
        shortcut: tag?.shortcut ?? '',
        valence: tag?.valence ?? null,
      });
      if (tag) {
        this.form.controls.kind.disable();
      } else {
        this.form.controls.kind.enable();
      }
      if (tag?.stageId) {
        this.form.controls.name.disable();
      } else {
        this.form.controls.name.enable();
      }
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const value = this.form.getRawValue();
    this.submitted.emit({
      kind: value.kind,
      name: value.name.trim(),
      parentId: value.parentId || null,
      color: value.color,
      description: value.description.trim(),
      shortcut: value.shortcut.trim() || null,
      valence: value.kind === 'emotion' ? value.valence : null,
    });
  }
}
