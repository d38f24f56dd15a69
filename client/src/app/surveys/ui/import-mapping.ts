import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { ImportColumn, SurveyQuestionInfo } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { ColumnTarget } from '../model/import-targets';

export interface ColumnTargetChange {
  position: number;
  target: ColumnTarget;
}

/** Each file column → a question (with the option or row for checkbox and matrix questions) or ignored. */
@Component({
  selector: 'tropa-import-mapping',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{{ 'import.column' | t }}</th>
            <th>{{ 'import.samples' | t }}</th>
            <th>{{ 'import.question' | t }}</th>
            <th>{{ 'import.choice' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (column of columns(); track column.index; let position = $index) {
            @let target = targets()[position];
            <tr data-testid="import-column">
              <td class="title" data-testid="import-column-title">{{ column.title }}</td>
              <td class="tropa-muted samples">{{ column.samples.join(' · ') }}</td>
              <td>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-select [value]="target?.question ?? ''" [disabled]="disabled()" (valueChange)="choose(position, $event, '')" [attr.aria-label]="'import.question' | t" data-testid="import-column-question">
                    <mat-option value="">{{ 'import.ignored' | t }}</mat-option>
                    @for (question of questions(); track question.name) {
                      <mat-option [value]="question.name">{{ question.title }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
              </td>
              <td>
                @let options = optionsOf(target?.question ?? '');
                @if (options.length > 0) {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-select [value]="target?.choice ?? ''" [disabled]="disabled()" (valueChange)="choose(position, target?.question ?? '', $event)" [attr.aria-label]="'import.choice' | t" data-testid="import-column-choice">
                      @if (!isMatrix(target?.question ?? '')) {
                        <mat-option value="">{{ 'import.allOptions' | t }}</mat-option>
                      }
                      @for (option of options; track option.value) {
                        <mat-option [value]="option.value">{{ option.text }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .title {
      font-weight: 500;
    }
    .samples {
      max-width: 260px;
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    mat-form-field {
      min-width: 180px;
    }
  `,
})
export class ImportMapping {
  readonly columns = input.required<ImportColumn[]>();
  readonly targets = input.required<ColumnTarget[]>();
  readonly questions = input.required<SurveyQuestionInfo[]>();
  readonly disabled = input(false);
  readonly changed = output<ColumnTargetChange>();

  /** Checkbox columns are one per option; matrix columns one per row. */
  protected optionsOf(questionName: string): Array<{ value: string; text: string }> {
    const question = this.questions().find((item) => item.name === questionName);
    if (question?.type === 'checkbox') return question.choices;
    if (question?.type === 'matrix') return question.rows;
    return [];
  }

  protected isMatrix(questionName: string): boolean {
    return this.questions().find((item) => item.name === questionName)?.type === 'matrix';
  }

  protected choose(position: number, question: string, choice: string): void {
    this.changed.emit({ position, target: { question, choice } });
  }
}
