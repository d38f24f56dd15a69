import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** The survey's public link with copy and open buttons. */
@Component({
  selector: 'tropa-public-link',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="label" for="public-link">{{ 'distribution.link' | t }}</label>
    <div class="row">
      <input id="public-link" class="link" readonly [value]="url()" (focus)="select($event)" data-testid="public-link" />
      <button mat-flat-button type="button" (click)="copied.emit()" data-testid="public-link-copy">
        {{ (wasCopied() ? 'common.copied' : 'distribution.copyLink') | t }}
      </button>
      <a mat-button [href]="url()" target="_blank" rel="noopener" data-testid="public-link-open">{{ 'distribution.openLink' | t }}</a>
    </div>
  `,
  styles: `
    .label {
      display: block;
      font-weight: 500;
      margin-bottom: 4px;
    }
    .row {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      align-items: center;
    }
    .link {
      flex: 1 1 320px;
      font: inherit;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      padding: 8px 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 6px;
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class PublicLink {
  readonly url = input.required<string>();
  readonly wasCopied = input(false);
  readonly copied = output();

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }
}
