import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/i18n/labels';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import type { QuestionPatch } from '../model/survey-definition';
import { RATING_PRESETS, hasChoices } from '../model/survey-definition';
import type { BuilderChoice, BuilderQuestion } from '../model/survey-definition';

/** One question of the builder: title, name, required, choices / rows / scale, visibility condition. */
@Component({
  selector: 'tropa-question-editor',
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    <article class="question" [class.has-problem]="problems().length > 0 || serverErrors().length > 0" data-testid="question-editor">
      <header class="head">
        <span class="tropa-chip" data-testid="question-kind">{{ labels.questionType(q.kind) | t }}</span>
        <span class="tropa-spacer"></span>
        @if (editable()) {
          <button mat-button type="button" [disabled]="first()" (click)="moved.emit(-1)" [attr.aria-label]="'builder.moveUp' | t" data-testid="question-up">↑</button>
          <button mat-button type="button" [disabled]="last()" (click)="moved.emit(1)" [attr.aria-label]="'builder.moveDown' | t" data-testid="question-down">↓</button>
          <button mat-button type="button" class="remove" (click)="removed.emit()" data-testid="question-remove">{{ 'builder.removeQuestion' | t }}</button>
        }
      </header>
      <div class="tropa-form-row">
        <mat-form-field class="wide">
          <mat-label>{{ 'builder.questionTitle' | t }}</mat-label>
          <input matInput [value]="q.title" [disabled]="!editable()" (input)="patch({ title: text($event) })" data-testid="question-title" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'builder.questionName' | t }}</mat-label>
          <input matInput [value]="q.name" [disabled]="!editable()" maxlength="100" (input)="patch({ name: text($event) })" data-testid="question-name" />
          <mat-hint>{{ 'builder.questionNameHint' | t }}</mat-hint>
        </mat-form-field>
      </div>
      <mat-checkbox [checked]="q.required" [disabled]="!editable()" (change)="patch({ required: $event.checked })" data-testid="question-required">
        {{ 'builder.required' | t }}
      </mat-checkbox>

      @if (withChoices()) {
        <fieldset class="items">
          <legend>{{ (q.kind === 'matrix' ? 'builder.columns' : 'builder.choices') | t }}</legend>
          @for (item of q.choices; track $index) {
            <div class="item">
              <input
                class="item-input"
                [value]="item.text"
                [disabled]="!editable()"
                [attr.aria-label]="'builder.choiceText' | t: { n: $index + 1 }"
                (input)="editItem('choices', $index, text($event))"
                data-testid="question-choice"
              />
              @if (editable()) {
                <button mat-button type="button" (click)="removeItem('choices', $index)" [attr.aria-label]="'common.remove' | t" data-testid="question-choice-remove">×</button>
              }
            </div>
          }
          @if (editable()) {
            <button mat-button type="button" (click)="addItem('choices')" data-testid="question-choice-add">
              {{ (q.kind === 'matrix' ? 'builder.addColumn' : 'builder.addChoice') | t }}
            </button>
          }
        </fieldset>
      }
      @if (q.kind === 'matrix') {
        <fieldset class="items">
          <legend>{{ 'builder.rows' | t }}</legend>
          @for (item of q.rows; track $index) {
            <div class="item">
              <input
                class="item-input"
                [value]="item.text"
                [disabled]="!editable()"
                [attr.aria-label]="'builder.rowText' | t: { n: $index + 1 }"
                (input)="editItem('rows', $index, text($event))"
                data-testid="question-row"
              />
              @if (editable()) {
                <button mat-button type="button" (click)="removeItem('rows', $index)" [attr.aria-label]="'common.remove' | t">×</button>
              }
            </div>
          }
          @if (editable()) {
            <button mat-button type="button" (click)="addItem('rows')" data-testid="question-row-add">{{ 'builder.addRow' | t }}</button>
          }
        </fieldset>
      }
      @if (q.kind === 'rating') {
        <div class="tropa-form-row scale">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'builder.scale' | t }}</mat-label>
            <mat-select [value]="preset()" [disabled]="!editable()" (valueChange)="choosePreset($event)" data-testid="question-scale">
              @for (item of presets; track item.min + '-' + item.max) {
                <mat-option [value]="item.min + '-' + item.max">{{ item.min }}–{{ item.max }}</mat-option>
              }
              <mat-option value="custom">…</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="narrow">
            <mat-label>{{ 'builder.rateMin' | t }}</mat-label>
            <input matInput type="number" [value]="q.rateMin" [disabled]="!editable()" (input)="patch({ rateMin: number($event) })" data-testid="question-rate-min" />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic" class="narrow">
            <mat-label>{{ 'builder.rateMax' | t }}</mat-label>
            <input matInput type="number" [value]="q.rateMax" [disabled]="!editable()" (input)="patch({ rateMax: number($event) })" data-testid="question-rate-max" />
          </mat-form-field>
        </div>
      }

      <div class="tropa-form-row condition">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'builder.condition' | t }}</mat-label>
          <mat-select [value]="q.visibleIf?.question ?? ''" [disabled]="!editable()" (valueChange)="chooseConditionQuestion($event)" data-testid="question-condition-question">
            <mat-option value="">{{ 'builder.conditionAlways' | t }}</mat-option>
            @for (other of others(); track other.id) {
              <mat-option [value]="other.name">{{ other.title || other.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (q.visibleIf; as condition) {
          @if (conditionOptions(); as options) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'builder.conditionValue' | t }}</mat-label>
              <mat-select [value]="condition.value" [disabled]="!editable()" (valueChange)="patch({ visibleIf: { question: condition.question, value: $event } })" data-testid="question-condition-value">
                @for (option of options; track option.value) {
                  <mat-option [value]="option.value">{{ option.label }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          } @else {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'builder.conditionValue' | t }}</mat-label>
              <input matInput [value]="condition.value" [disabled]="!editable()" (input)="patch({ visibleIf: { question: condition.question, value: text($event) } })" data-testid="question-condition-text" />
            </mat-form-field>
          }
        } @else if (rawCondition(); as raw) {
          <span class="tropa-muted">{{ 'builder.conditionRaw' | t: { expression: raw } }}</span>
        }
      </div>

      @for (code of problems(); track code) {
        <p class="tropa-form-error" data-testid="question-problem">{{ problemKey(code) | t }}</p>
      }
      @for (message of serverErrors(); track $index) {
        <p class="tropa-form-error" data-testid="question-server-error">{{ message }}</p>
      }
    </article>
  `,
  styles: `
    .question {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      margin-bottom: 12px;
      background: var(--mat-sys-surface);
    }
    .has-problem {
      border-color: var(--mat-sys-error);
    }
    .head {
      display: flex;
      align-items: center;
      gap: 4px;
      margin-bottom: 8px;
    }
    .remove {
      color: var(--mat-sys-error);
    }
    .wide {
      flex: 2 1 260px;
    }
    .items {
      border: none;
      padding: 0;
      margin: 8px 0;
    }
    legend {
      font-weight: 500;
      margin-bottom: 4px;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 4px;
      margin-bottom: 4px;
    }
    .item-input {
      flex: 1 1 auto;
      font: inherit;
      padding: 6px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      min-width: 0;
    }
    .narrow {
      flex: 0 1 110px;
    }
    .scale,
    .condition {
      margin-top: 12px;
    }
  `,
})
export class QuestionEditor {
  readonly question = input.required<BuilderQuestion>();
  /** Questions a condition may refer to (every other question). */
  readonly others = input<BuilderQuestion[]>([]);
  readonly problems = input<string[]>([]);
  readonly serverErrors = input<string[]>([]);
  readonly editable = input(true);
  readonly first = input(false);
  readonly last = input(false);
  readonly changed = output<QuestionPatch>();
  readonly moved = output<-1 | 1>();
  readonly removed = output();

  private readonly i18n = inject(I18n);
  protected readonly labels = labelKeys;
  protected readonly presets = RATING_PRESETS;
  protected readonly withChoices = computed(() => hasChoices(this.question().kind) || this.question().kind === 'matrix');
  protected readonly preset = computed(() => {
    const { rateMin, rateMax } = this.question();
    return RATING_PRESETS.some((item) => item.min === rateMin && item.max === rateMax) ? `${rateMin}-${rateMax}` : 'custom';
  });
  protected readonly rawCondition = computed(() => {
    const raw = this.question().extra['visibleIf'];
    return typeof raw === 'string' ? raw : null;
  });
  /** The values a condition can compare with, when the source question has a fixed set. */
  protected readonly conditionOptions = computed<Array<{ value: string; label: string }> | null>(() => {
    const condition = this.question().visibleIf;
    const source = this.others().find((other) => other.name === condition?.question);
    if (!source) return null;
    switch (source.kind) {
      case 'radiogroup':
      case 'checkbox':
      case 'dropdown':
        return source.choices.map((item) => ({ value: item.value, label: item.text }));
      case 'boolean':
        return [
          { value: 'true', label: this.i18n.t('common.yes') },
          { value: 'false', label: this.i18n.t('common.no') },
        ];
      case 'rating':
      case 'nps': {
        const values: Array<{ value: string; label: string }> = [];
        for (let value = source.rateMin; value <= source.rateMax && values.length <= 21; value += 1) {
          values.push({ value: String(value), label: String(value) });
        }
        return values;
      }
      case 'text':
      case 'comment':
      case 'matrix':
        return null;
    }
  });

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(event: Event): number {
    return Number((event.target as HTMLInputElement).value);
  }

  protected patch(patch: QuestionPatch): void {
    this.changed.emit(patch);
  }

  protected problemKey(code: string): MessageKey {
    return `builder.problem.${code}` as MessageKey;
  }

  protected choosePreset(value: string): void {
    const preset = RATING_PRESETS.find((item) => `${item.min}-${item.max}` === value);
    if (preset) this.patch({ rateMin: preset.min, rateMax: preset.max });
  }

  protected chooseConditionQuestion(name: string): void {
    if (!name) {
      this.patch({ visibleIf: null });
      return;
    }
    const source = this.others().find((other) => other.name === name);
    const firstValue = source?.choices[0]?.value ?? (source?.kind === 'boolean' ? 'true' : '');
    this.patch({ visibleIf: { question: name, value: firstValue } });
  }

  protected editItem(list: 'choices' | 'rows', index: number, text: string): void {
    const items = this.question()[list].map((item, position): BuilderChoice => {
      if (position !== index) return item;
      // A choice whose value followed its text keeps following it.
      return item.value === item.text ? { value: text, text } : { ...item, text };
    });
    this.patch({ [list]: items });
  }

  protected addItem(list: 'choices' | 'rows'): void {
    const items = this.question()[list];
    const text = this.i18n.t(list === 'rows' ? 'builder.row' : 'builder.option', { n: items.length + 1 });
    this.patch({ [list]: [...items, { value: text, text }] });
  }

  protected removeItem(list: 'choices' | 'rows', index: number): void {
    this.patch({ [list]: this.question()[list].filter((_, position) => position !== index) });
  }
}
