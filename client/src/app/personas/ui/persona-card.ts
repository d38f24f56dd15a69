import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PersonaResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-persona-card',
  imports: [KeyValuePipe, MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="tropa-panel card" data-testid="persona-card">
      <h3 data-testid="persona-card-name">{{ persona().name }}</h3>
      @if (persona().description) {
        <p class="description">{{ persona().description }}</p>
      }
      @if (persona().goals.length > 0) {
        <h4>{{ 'personas.goals' | t }}</h4>
        <ul>
          @for (goal of persona().goals; track $index) {
            <li>{{ goal }}</li>
          }
        </ul>
      }
      @if ((persona().attributes | keyvalue).length > 0) {
        <h4>{{ 'personas.attributes' | t }}</h4>
        <dl>
          @for (attribute of persona().attributes | keyvalue; track attribute.key) {
            <dt>{{ attribute.key }}</dt>
            <dd>{{ attribute.value }}</dd>
          }
        </dl>
      }
      @if (editable()) {
        <div class="tropa-actions">
          <button mat-button type="button" (click)="edit.emit(persona())" data-testid="persona-edit">
            {{ 'common.edit' | t }}
          </button>
          <button mat-button type="button" class="delete" (click)="remove.emit(persona())" data-testid="persona-delete">
            {{ 'common.delete' | t }}
          </button>
        </div>
      }
    </article>
  `,
  styles: `
    h3 {
      margin: 0 0 8px;
    }
    h4 {
      margin: 12px 0 4px;
      font-weight: 500;
    }
    .description {
      white-space: pre-line;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class PersonaCard {
  readonly persona = input.required<PersonaResponse>();
  readonly editable = input(false);
  readonly edit = output<PersonaResponse>();
  readonly remove = output<PersonaResponse>();
}
