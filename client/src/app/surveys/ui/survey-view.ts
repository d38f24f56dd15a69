import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SurveyModule } from 'survey-angular-ui';
import type { Model } from 'survey-core';
import 'survey-core/i18n/russian';

/** A SurveyJS form (preview or the respondent's page); the model comes from the container. */
@Component({
  selector: 'tropa-survey-view',
  imports: [SurveyModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<survey [model]="model()" />`,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class SurveyView {
  readonly model = input.required<Model>();
}
