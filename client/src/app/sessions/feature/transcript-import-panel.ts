import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, PersonalDataFinding } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { SessionStore } from '../data-access/session-store';
import { TranscriptImportStore } from '../data-access/transcript-import-store';
import { formatTranscriptTime } from '../model/transcript-time';
import { findingKey } from '../model/transcript-plan';
import type { SpeakerChoice } from '../model/transcript-plan';
import { FindingText } from '../ui/finding-text';

export const MAX_TRANSCRIPT_MB = 20;

/** Select values of a speaker's mapping: `moderator`, `ignore` or `p:<participantId>`. */
function choiceValue(choice: SpeakerChoice | undefined): string {
  switch (choice?.kind) {
    case 'participant':
      return `p:${choice.participantId}`;
    case 'moderator':
      return 'moderator';
    case 'ignore':
    case undefined:
      return 'ignore';
  }
}

function choiceOf(value: string): SpeakerChoice {
  if (value.startsWith('p:')) {
    return { kind: 'participant', participantId: value.slice(2) };
  }
  return value === 'moderator' ? { kind: 'moderator' } : { kind: 'ignore' };
}

/**
 * The upload wizard: choose a file → preview (speakers mapped, personal data to replace,
 * names to swap for pseudonyms, warnings) → save. The file stays in memory for the second send.
 */
@Component({
  selector: 'tropa-transcript-import-panel',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FindingText,
    TranslatePipe,
    ErrorBanner,
    LoadingIndicator,
  ],
  providers: [TranscriptImportStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tropa-panel" data-testid="transcript-import">
      @if (store.busy()) {
        <tropa-loading />
      }
      @if (sizeError()) {
        <p class="tropa-form-error" role="alert" data-testid="transcript-error">{{ 'transcript.tooLarge' | t }}</p>
      }
      @if (store.error(); as error) {
        @if (error.statusCode === 413) {
          <p class="tropa-form-error" role="alert" data-testid="transcript-error">{{ 'transcript.tooLarge' | t }}</p>
        } @else {
          <div data-testid="transcript-error">
            <tropa-error-banner [error]="error" [retryable]="false" />
            @if (error.details?.length) {
              <ul class="tropa-form-error">
                @for (detail of error.details; track $index) {
                  <li data-testid="transcript-field-error">{{ detail.field }}: {{ detail.message }}</li>
                }
              </ul>
            }
          </div>
        }
      }

      @switch (store.step()) {
        @case ('choose') {
          <h4>{{ 'transcript.upload' | t }}</h4>
          <p class="tropa-muted">{{ 'transcript.fileHint' | t }}</p>
          <label class="file">
            <span class="tropa-muted">{{ 'transcript.chooseFile' | t }}</span>
            <input
              type="file"
              accept=".vtt,.srt,.docx,.txt,text/vtt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              [disabled]="store.busy()"
              (change)="chooseFile($event)"
              data-testid="transcript-file"
            />
          </label>
        }
        @case ('preview') {
          @if (store.preview(); as preview) {
            <p class="tropa-muted" data-testid="transcript-format">
              {{ store.file()?.name }} · {{ 'transcript.format' | t: { format: preview.format.toUpperCase(), count: preview.utterances.length } }}
            </p>

            <h4>{{ 'transcript.speakers' | t }}</h4>
            <div class="tropa-table-wrap">
              <table class="tropa-table" data-testid="speaker-table">
                <thead>
                  <tr>
                    <th>{{ 'transcript.speaker' | t }}</th>
                    <th>{{ 'transcript.is' | t }}</th>
                    <th>{{ 'transcript.newParticipant' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (speaker of preview.speakers; track speaker.name) {
                    <tr data-testid="speaker-row">
                      <td>
                        <div class="speaker-name" data-testid="speaker-name">{{ speaker.name }}</div>
                        <div class="tropa-muted small">
                          {{ 'transcript.speakerCounts' | t: { utterances: speaker.utteranceCount, words: speaker.wordCount } }}
                        </div>
                      </td>
                      <td>
                        <mat-form-field subscriptSizing="dynamic">
                          <mat-select
                            [value]="choiceValue(store.choices()[speaker.name])"
                            (valueChange)="assign(speaker.name, $event)"
                            [attr.aria-label]="speaker.name"
                            data-testid="speaker-choice"
                          >
                            <mat-option value="moderator">{{ 'transcript.asModerator' | t }}</mat-option>
                            <mat-option value="ignore">{{ 'transcript.ignore' | t }}</mat-option>
                            @for (participant of session.participants(); track participant.id) {
                              <mat-option [value]="'p:' + participant.id">{{ participant.pseudonym }}</mat-option>
                            }
                          </mat-select>
                        </mat-form-field>
                      </td>
                      <td>
                        <div class="inline">
                          <mat-form-field subscriptSizing="dynamic">
                            <mat-label>{{ 'participants.pseudonym' | t }}</mat-label>
                            <input
                              matInput
                              maxlength="100"
                              #pseudonym
                              (keydown.enter)="$event.preventDefault(); createParticipant(speaker.name, pseudonym.value); pseudonym.value = ''"
                              data-testid="speaker-new-pseudonym"
                            />
                          </mat-form-field>
                          <button
                            mat-button
                            type="button"
                            [disabled]="creatingFor() === speaker.name"
                            (click)="createParticipant(speaker.name, pseudonym.value); pseudonym.value = ''"
                            data-testid="speaker-create-participant"
                          >
                            {{ 'transcript.createParticipant' | t }}
                          </button>
                        </div>
                        @if (createErrors()[speaker.name]; as createError) {
                          <p class="tropa-form-error small" role="alert" data-testid="speaker-create-error">
                            {{ createError.details?.[0]?.message || createError.message || ('errors.generic' | t) }}
                          </p>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>

            <h4>{{ 'transcript.personalData' | t }}</h4>
            @if (preview.personalData.length === 0) {
              <p class="tropa-muted" data-testid="findings-none">{{ 'transcript.noPersonalData' | t }}</p>
            } @else {
              <p class="tropa-muted">
                {{ 'transcript.personalDataHint' | t }}
                <span data-testid="findings-count">{{ 'transcript.acceptedCount' | t: { accepted: store.acceptedCount(), total: preview.personalData.length } }}</span>
              </p>
              <ul class="findings" data-testid="finding-list">
                @for (finding of preview.personalData; track key(finding)) {
                  <li data-testid="finding">
                    <mat-checkbox
                      [checked]="store.accepted().has(key(finding))"
                      (change)="store.toggleFinding(finding, $event.checked)"
                      data-testid="finding-accept"
                    >
                      <span class="tropa-chip" data-testid="finding-kind">{{ labels.personalDataKind(finding.kind) | t }}</span>
                      <span class="finding-text" data-testid="finding-text">{{ finding.text }}</span>
                    </mat-checkbox>
                    <div class="context">
                      <span class="tropa-muted small">
                        {{ 'transcript.utterance' | t: { index: finding.utterance + 1 } }} · {{ utteranceOf(finding)?.speaker ?? '' }}
                      </span>
                      <tropa-finding-text
                        [text]="utteranceOf(finding)?.text ?? ''"
                        [findings]="store.findingsByUtterance().get(finding.utterance) ?? []"
                        [accepted]="store.accepted()"
                      />
                    </div>
                  </li>
                }
              </ul>
            }

            <h4>{{ 'transcript.names' | t }}</h4>
            <p class="tropa-muted">{{ 'transcript.namesHint' | t }}</p>
            @for (row of store.names(); track $index; let index = $index) {
              <div class="inline" data-testid="name-row">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'transcript.name' | t }}</mat-label>
                  <input
                    matInput
                    maxlength="100"
                    [value]="row.name"
                    (input)="store.updateName(index, { name: nameInput.value, pseudonym: row.pseudonym })"
                    #nameInput
                    data-testid="name-original"
                  />
                </mat-form-field>
                <span aria-hidden="true">→</span>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'participants.pseudonym' | t }}</mat-label>
                  <input
                    matInput
                    maxlength="100"
                    [value]="row.pseudonym"
                    (input)="store.updateName(index, { name: row.name, pseudonym: pseudonymInput.value })"
                    #pseudonymInput
                    data-testid="name-pseudonym"
                  />
                </mat-form-field>
                <button mat-button type="button" (click)="store.removeName(index)" data-testid="name-remove">{{ 'common.remove' | t }}</button>
              </div>
            } @empty {
              <p class="tropa-muted" data-testid="names-none">{{ 'transcript.noNames' | t }}</p>
            }
            <button mat-button type="button" (click)="store.addName()" data-testid="name-add">{{ 'transcript.addName' | t }}</button>

            @if (preview.warnings.length > 0) {
              <h4>{{ 'transcript.warnings' | t }}</h4>
              <ul class="warnings" data-testid="transcript-warnings">
                @for (warning of preview.warnings; track $index) {
                  <li>
                    @if (warning.line) {
                      {{ 'transcript.line' | t: { line: warning.line } }}:
                    }
                    {{ warning.message }}
                  </li>
                }
              </ul>
            }

            <h4>{{ 'transcript.redactedPreview' | t }}</h4>
            <ol class="redacted" data-testid="redacted-preview">
              @for (utterance of store.redactedPreview(); track utterance.index) {
                <li>
                  <span class="tropa-muted small">{{ time(utterance.startMs) }}</span>
                  <strong>{{ speakerLabel(utterance.speaker) }}</strong>
                  <span class="text" data-testid="redacted-text">{{ utterance.text }}</span>
                </li>
              }
            </ol>

            <div class="tropa-actions">
              <button mat-flat-button type="button" [disabled]="store.busy()" (click)="save()" data-testid="transcript-save">
                {{ (store.busy() ? 'transcript.saving' : 'transcript.save') | t }}
              </button>
              <button mat-button type="button" [disabled]="store.busy()" (click)="store.reset()" data-testid="transcript-restart">
                {{ 'transcript.chooseAnother' | t }}
              </button>
            </div>
          }
        }
        @case ('done') {
          <p data-testid="transcript-saved">{{ 'transcript.saved' | t: { count: store.saved() ?? 0 } }}</p>
        }
      }
    </section>
  `,
  styles: `
    .file {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .inline {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px;
    }
    .speaker-name {
      font-weight: 500;
    }
    .small {
      font-size: 0.85em;
    }
    .findings {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .finding-text {
      margin-left: 8px;
      font-family: monospace;
    }
    .context {
      margin-left: 40px;
      display: grid;
      gap: 2px;
    }
    .redacted li {
      margin-bottom: 6px;
    }
    .redacted strong {
      margin: 0 8px;
    }
    .text {
      white-space: pre-wrap;
    }
  `,
})
export class TranscriptImportPanel {
  protected readonly store = inject(TranscriptImportStore);
  protected readonly session = inject(SessionStore);

  readonly projectId = input.required<string>();
  readonly sessionId = input.required<string>();
  readonly saved = output<number>();

  protected readonly labels = labelKeys;
  protected readonly choiceValue = choiceValue;
  protected readonly key = findingKey;
  protected readonly time = formatTranscriptTime;
  protected readonly sizeError = signal(false);
  protected readonly creatingFor = signal<string | null>(null);
  protected readonly createErrors = signal<Record<string, ApiError>>({});
  private readonly utterancesByIndex = computed(
    () => new Map((this.store.preview()?.utterances ?? []).map((utterance) => [utterance.index, utterance])),
  );

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const sessionId = this.sessionId();
      untracked(() => this.store.open(projectId, sessionId));
    });
  }

  protected utteranceOf(finding: PersonalDataFinding): { speaker: string | null; text: string } | undefined {
    return this.utterancesByIndex().get(finding.utterance);
  }

  protected speakerLabel(speaker: string | null): string {
    if (!speaker) {
      return '';
    }
    const choice = this.store.choices()[speaker];
    if (choice?.kind === 'participant') {
      return this.session.participants().find((participant) => participant.id === choice.participantId)?.pseudonym ?? speaker;
    }
    return this.store.names().find((row) => row.name.trim() === speaker)?.pseudonym || speaker;
  }

  protected async chooseFile(event: Event): Promise<void> {
    const target = event.target as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (!file) {
      return;
    }
    this.sizeError.set(file.size > MAX_TRANSCRIPT_MB * 1024 * 1024);
    if (this.sizeError()) {
      return;
    }
    await this.store.choose(file, this.session.participants(), this.session.moderator()?.displayName ?? null);
  }

  protected assign(speaker: string, value: string): void {
    this.store.assign(speaker, choiceOf(value), this.session.participants());
  }

  /** A participant named on the spot, the speaker mapped to them. */
  protected async createParticipant(speaker: string, pseudonym: string): Promise<void> {
    const name = pseudonym.trim();
    if (!name) {
      return;
    }
    this.creatingFor.set(speaker);
    const result = await this.session.createParticipant({ pseudonym: name });
    this.creatingFor.set(null);
    this.createErrors.update((errors) => {
      const next = { ...errors };
      delete next[speaker];
      return result.ok ? next : { ...next, [speaker]: result.error };
    });
    if (result.ok) {
      this.store.assign(speaker, { kind: 'participant', participantId: result.value.id }, this.session.participants());
    }
  }

  protected async save(): Promise<void> {
    const result = await this.store.commit();
    if (result.ok) {
      this.saved.emit(result.value.utterances);
    }
  }
}
