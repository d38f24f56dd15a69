import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import type { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { TagResponse } from '@tropa/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

export interface MergeTagDialogData {
  tag: TagResponse;
  /** The tags it may fold into (not itself, not its descendants), labelled with their path. */
  targets: Array<{ id: string; label: string }>;
}

/** Choose the tag that absorbs another; the confirmation says how many quotes move. */
@Component({
  selector: 'tropa-merge-tag-dialog',
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'codebook.mergeTitle' | t: { name: data.tag.name } }}</h2>
    <mat-dialog-content>
      <mat-form-field class="target">
        <mat-label>{{ 'codebook.mergeTarget' | t }}</mat-label>
        <mat-select [value]="targetId()" (valueChange)="targetId.set($event)" data-testid="merge-target">
          @for (target of data.targets; track target.id) {
            <mat-option [value]="target.id">{{ target.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (target(); as chosen) {
        <p data-testid="merge-summary">
          {{ 'codebook.mergeSummary' | t: { n: data.tag.usage, target: chosen.label, name: data.tag.name } }}
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined" data-testid="confirm-cancel">{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" [disabled]="!targetId()" [mat-dialog-close]="targetId()" data-testid="merge-confirm">
        {{ 'codebook.mergeConfirm' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .target {
      width: 100%;
      margin-top: 8px;
    }
  `,
})
export class MergeTagDialog {
  protected readonly data = inject<MergeTagDialogData>(MAT_DIALOG_DATA);
  protected readonly targetId = signal<string | null>(null);
  protected readonly target = computed(() => this.data.targets.find((target) => target.id === this.targetId()) ?? null);
}

/** Resolves the chosen target's id, or null when the user cancelled. */
export async function chooseMergeTarget(dialog: MatDialog, data: MergeTagDialogData): Promise<string | null> {
  const ref = dialog.open<MergeTagDialog, MergeTagDialogData, string | undefined>(MergeTagDialog, { data, width: '480px' });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
