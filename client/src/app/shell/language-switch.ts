import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import type { Locale } from '@tropa/contracts';
import { LOCALES } from '@tropa/contracts';
import { TranslatePipe } from '../core/i18n/translate.pipe';

/** RU / EN toggle. */
@Component({
  selector: 'tropa-language-switch',
  imports: [MatButtonToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="locale()"
      (change)="changed.emit($event.value)"
      [attr.aria-label]="'shell.language' | t"
      data-testid="language-switch"
    >
      @for (option of locales; track option) {
        <mat-button-toggle [value]="option" [attr.data-testid]="'lang-' + option">{{ option.toUpperCase() }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      --mat-button-toggle-height: 32px;
    }
  `,
})
export class LanguageSwitch {
  readonly locale = input.required<Locale>();
  readonly changed = output<Locale>();

  protected readonly locales = LOCALES;
}
