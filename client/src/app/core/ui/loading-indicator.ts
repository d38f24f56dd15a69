import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '../i18n/translate.pipe';

@Component({
  selector: 'tropa-loading',
  imports: [MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="loading" data-testid="loading" role="status" [attr.aria-label]="'common.loading' | t">
      <mat-progress-bar mode="indeterminate" />
    </div>
  `,
  styles: `
    .loading {
      padding: 8px 0 16px;
    }
  `,
})
export class LoadingIndicator {}
