import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PersonalDataFinding } from '@tropa/contracts';
import { findingKey, segmentText } from '../model/transcript-plan';

/** An utterance's text with its personal data marked: spans of text, never HTML. */
@Component({
  selector: 'tropa-finding-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (segment of segments(); track $index) {@if (segment.finding) {<mark [class.rejected]="!isAccepted(segment.finding)" data-testid="finding-mark">{{ segment.text }}</mark>} @else {<span>{{ segment.text }}</span>}}`,
  styles: `
    :host {
      white-space: pre-wrap;
    }
    mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 3px;
      padding: 0 2px;
    }
    mark.rejected {
      background: transparent;
      text-decoration: underline dotted;
    }
  `,
})
export class FindingText {
  readonly text = input.required<string>();
  readonly findings = input<PersonalDataFinding[]>([]);
  /** Keys of the accepted findings (see `findingKey`); unaccepted ones are only underlined. */
  readonly accepted = input<ReadonlySet<string> | null>(null);

  protected readonly segments = computed(() => segmentText(this.text(), this.findings()));

  protected isAccepted(finding: PersonalDataFinding): boolean {
    const accepted = this.accepted();
    return accepted === null || accepted.has(findingKey(finding));
  }
}
