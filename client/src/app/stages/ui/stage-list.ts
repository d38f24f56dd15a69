import { CdkDrag, CdkDragHandle, CdkDropList, moveItemInArray } from '@angular/cdk/drag-drop';
import type { CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { StageResponse, UpdateStageRequest } from '@tropa/contracts';
import { TEXT_LIMITS } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

export interface StageEdit {
  stageId: string;
  changes: UpdateStageRequest;
}

/** The ordered stages; with `editable` they can be dragged, renamed, described and deleted. */
@Component({
  selector: 'tropa-stage-list',
  imports: [CdkDropList, CdkDrag, CdkDragHandle, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol
      class="stages"
      cdkDropList
      [cdkDropListDisabled]="!editable() || !reorderable()"
      (cdkDropListDropped)="drop($event)"
      data-testid="stage-list"
    >
      @for (stage of stages(); track stage.id; let index = $index, first = $first, last = $last) {
        <li class="stage" cdkDrag [cdkDragData]="stage" data-testid="stage-item">
          @if (editable() && reorderable()) {
            <span class="handle" cdkDragHandle [attr.aria-label]="'stages.dragHandle' | t" [title]="'stages.dragHandle' | t">
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path
                  fill="currentColor"
                  d="M9 5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm0 7a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm-1.5 8.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM18 5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Zm-1.5 8.5a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM18 19a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z"
                />
              </svg>
            </span>
          }
          <span class="number">{{ index + 1 }}</span>
          @if (editingId() === stage.id) {
            <form class="edit" (ngSubmit)="saveEdit(stage)" data-testid="stage-edit-form">
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'stages.name' | t }}</mat-label>
                <input
                  matInput
                  name="name"
                  [(ngModel)]="draftName"
                  [maxlength]="limits.name"
                  required
                  (keydown.escape)="cancelEdit()"
                  data-testid="stage-name-input"
                />
              </mat-form-field>
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'stages.description' | t }}</mat-label>
                <textarea
                  matInput
                  name="description"
                  rows="2"
                  [(ngModel)]="draftDescription"
                  [maxlength]="limits.description"
                  data-testid="stage-description-input"
                ></textarea>
              </mat-form-field>
              <div class="tropa-actions">
                <button mat-flat-button type="submit" [disabled]="!draftName.trim()" data-testid="stage-save">
                  {{ 'common.save' | t }}
                </button>
                <button mat-button type="button" (click)="cancelEdit()">{{ 'common.cancel' | t }}</button>
              </div>
            </form>
          } @else {
            <div class="text">
              <span class="name" data-testid="stage-name">{{ stage.name }}</span>
              @if (stage.description) {
                <span class="description tropa-muted">{{ stage.description }}</span>
              }
            </div>
            @if (editable()) {
              <div class="tropa-actions controls">
                @if (reorderable()) {
                  <button
                    mat-button
                    type="button"
                    [disabled]="first"
                    (click)="move(index, index - 1)"
                    [attr.aria-label]="'stages.moveUp' | t"
                    [title]="'stages.moveUp' | t"
                    data-testid="stage-up"
                  >
                    ↑
                  </button>
                  <button
                    mat-button
                    type="button"
                    [disabled]="last"
                    (click)="move(index, index + 1)"
                    [attr.aria-label]="'stages.moveDown' | t"
                    [title]="'stages.moveDown' | t"
                    data-testid="stage-down"
                  >
                    ↓
                  </button>
                }
                <button mat-button type="button" (click)="startEdit(stage)" data-testid="stage-rename">
                  {{ 'common.edit' | t }}
                </button>
                <button mat-button type="button" class="delete" (click)="deleted.emit(stage)" data-testid="stage-delete">
                  {{ 'common.delete' | t }}
                </button>
              </div>
            }
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .stages {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .stage {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 12px;
      margin-bottom: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .cdk-drag-placeholder {
      opacity: 0.3;
    }
    .cdk-drag-animating,
    .stages.cdk-drop-list-dragging .stage:not(.cdk-drag-placeholder) {
      transition: transform 200ms cubic-bezier(0, 0, 0.2, 1);
    }
    .handle {
      cursor: grab;
      color: var(--mat-sys-on-surface-variant);
      display: inline-flex;
    }
    .number {
      min-width: 24px;
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
    .text {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
    }
    .name {
      font-weight: 500;
    }
    .description {
      white-space: pre-line;
      font-size: 0.9em;
    }
    .edit {
      flex: 1 1 auto;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .edit mat-form-field {
      flex: 1 1 240px;
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class StageList {
  readonly stages = input.required<StageResponse[]>();
  readonly editable = input(false);
  readonly reorderable = input(true);
  readonly edited = output<StageEdit>();
  readonly deleted = output<StageResponse>();
  /** Every stage id in the new order. */
  readonly reordered = output<string[]>();

  protected readonly limits = TEXT_LIMITS;
  protected readonly editingId = signal<string | null>(null);
  protected draftName = '';
  protected draftDescription = '';

  protected startEdit(stage: StageResponse): void {
    this.draftName = stage.name;
    this.draftDescription = stage.description;
    this.editingId.set(stage.id);
  }

  protected cancelEdit(): void {
    this.editingId.set(null);
  }

  protected saveEdit(stage: StageResponse): void {
    const name = this.draftName.trim();
    if (!name) {
      return;
    }
    const changes: UpdateStageRequest = {};
    if (name !== stage.name) {
      changes.name = name;
    }
    if (this.draftDescription.trim() !== stage.description) {
      changes.description = this.draftDescription.trim();
    }
    this.editingId.set(null);
    if (Object.keys(changes).length > 0) {
      this.edited.emit({ stageId: stage.id, changes });
    }
  }

  protected drop(event: CdkDragDrop<StageResponse[]>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  protected move(from: number, to: number): void {
    if (from === to || to < 0 || to >= this.stages().length) {
      return;
    }
    const ids = this.stages().map((stage) => stage.id);
    moveItemInArray(ids, from, to);
    this.reordered.emit(ids);
  }
}
