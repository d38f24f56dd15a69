import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Clipboard } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiError, FieldError, Locale } from '@tropa/contracts';
import { LOCALES, TEXT_LIMITS } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { ProjectStore } from '../../projects/data-access/project-store';
import { SurveyBuilderStore } from '../data-access/survey-builder-store';
import { SurveyStore } from '../data-access/survey-store';
import { BUILDER_QUESTION_KINDS } from '../model/survey-definition';
import type { BuilderQuestion, BuilderQuestionKind, QuestionDefaults, QuestionPatch } from '../model/survey-definition';
import { surveyModel } from '../model/survey-model';
import { QuestionEditor } from '../ui/question-editor';
import { SurveyView } from '../ui/survey-view';

/** The survey builder: details, pages and questions, JSON view and a live SurveyJS preview. */
@Component({
  selector: 'tropa-survey-builder-tab',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, QuestionEditor, SurveyView, TranslatePipe, ErrorBanner],
  providers: [SurveyBuilderStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="layout">
      <div class="editor">
        <section class="tropa-panel">
          <h3>{{ 'builder.details' | t }}</h3>
          <div class="tropa-form details">
            <mat-form-field>
              <mat-label>{{ 'surveys.name' | t }}</mat-label>
              <input matInput [value]="title()" [disabled]="!editable()" [attr.maxlength]="limits.name" (input)="title.set(text($event))" data-testid="builder-title" />
              @if (fieldError('title'); as message) {
                <mat-hint class="error">{{ message }}</mat-hint>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'surveys.description' | t }}</mat-label>
              <textarea matInput rows="2" [value]="description()" [disabled]="!editable()" [attr.maxlength]="limits.description" (input)="description.set(text($event))" data-testid="builder-description"></textarea>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'surveys.language' | t }}</mat-label>
              <mat-select [value]="language()" [disabled]="!editable()" (valueChange)="language.set($event)" data-testid="builder-language">
                @for (locale of locales; track locale) {
                  <mat-option [value]="locale">{{ labels.language(locale) | t }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'surveys.languageHint' | t }}</mat-hint>
            </mat-form-field>
          </div>
        </section>

        @for (page of builder.pages(); track page.id; let pageIndex = $index) {
          <section class="page" data-testid="builder-page">
            <div class="page-head">
              <h3>{{ 'builder.page' | t: { n: pageIndex + 1 } }}</h3>
              @if (editable() && builder.pages().length > 1) {
                <button mat-button type="button" (click)="builder.removePage(page.id)" data-testid="builder-remove-page">{{ 'builder.removePage' | t }}</button>
              }
            </div>
            @for (question of page.questions; track question.id; let first = $first; let last = $last) {
              <tropa-question-editor
                [question]="question"
                [others]="othersOf(question)"
                [problems]="builder.problemsByQuestion().get(question.id) ?? []"
                [serverErrors]="builder.serverErrorsByQuestion().get(question.id) ?? []"
                [editable]="editable()"
                [first]="first && pageIndex === 0"
                [last]="last && pageIndex === builder.pages().length - 1"
                (changed)="updateQuestion(question.id, $event)"
                (moved)="builder.moveQuestion(question.id, $event)"
                (removed)="builder.removeQuestion(question.id)"
              />
            } @empty {
              <p class="tropa-muted">{{ 'builder.emptyPage' | t }}</p>
            }
            @if (editable()) {
              <div class="tropa-actions add">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'builder.questionType' | t }}</mat-label>
                  <mat-select [value]="newKind()" (valueChange)="newKind.set($event)" data-testid="builder-new-kind">
                    @for (kind of kinds; track kind) {
                      <mat-option [value]="kind" [attr.data-testid]="'kind-option-' + kind">{{ labels.questionType(kind) | t }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <button mat-stroked-button type="button" (click)="addQuestion(page.id)" data-testid="builder-add-question">{{ 'builder.addQuestion' | t }}</button>
              </div>
            }
          </section>
        }
        @if (editable()) {
          <button mat-button type="button" (click)="builder.addPage()" data-testid="builder-add-page">{{ 'builder.addPage' | t }}</button>
        }

        @if (builder.serverErrors().length > 0) {
          <div class="server-errors" role="alert" data-testid="builder-server-errors">
            <p>{{ 'builder.serverErrors' | t }}</p>
            <ul>
              @for (error of builder.serverErrors(); track $index) {
                <li><code>{{ error.field }}</code>: {{ error.message }}</li>
              }
            </ul>
          </div>
        }
        @if (saveError(); as error) {
          <tropa-error-banner [error]="error" [retryable]="false" />
        }
        @if (editable()) {
          <div class="tropa-actions save-bar">
            <button mat-flat-button type="button" [disabled]="saving() || builder.problems().length > 0" (click)="save()" data-testid="builder-save">
              {{ 'common.save' | t }}
            </button>
            @if (builder.problems().length > 0) {
              <span class="tropa-form-error">{{ 'builder.hasProblems' | t }}</span>
            } @else if (dirty()) {
              <span class="tropa-muted" data-testid="builder-unsaved">{{ 'builder.unsaved' | t }}</span>
            } @else if (savedOnce()) {
              <span class="tropa-muted" data-testid="builder-saved">{{ 'common.saved' | t }}</span>
            }
          </div>
        }

        <section class="tropa-panel json">
          <div class="tropa-actions">
            <h3 class="tropa-spacer">{{ 'builder.json' | t }}</h3>
            <button mat-button type="button" (click)="toggleJson()" data-testid="builder-toggle-json">
              {{ (showJson() ? 'builder.hideJson' : 'builder.showJson') | t }}
            </button>
          </div>
          @if (showJson()) {
            <p class="tropa-muted">{{ 'builder.jsonHint' | t }}</p>
            <textarea class="json-text" [value]="jsonDraft()" [readOnly]="!editable()" (input)="editJson(text($event))" spellcheck="false" data-testid="builder-json"></textarea>
            @if (jsonError(); as message) {
              <p class="tropa-form-error" role="alert" data-testid="builder-json-error">{{ 'builder.jsonInvalid' | t: { message } }}</p>
            }
            <div class="tropa-actions">
              @if (editable()) {
                <button mat-stroked-button type="button" (click)="applyJson()" data-testid="builder-json-apply">{{ 'builder.jsonApply' | t }}</button>
              }
              <button mat-button type="button" (click)="copyJson()" data-testid="builder-json-copy">{{ (copied() ? 'common.copied' : 'common.copy') | t }}</button>
            </div>
          }
          <div class="tropa-actions">
            <button mat-button type="button" (click)="downloadJson()" data-testid="builder-json-download">{{ 'builder.jsonDownload' | t }}</button>
            @if (editable()) {
              <label class="file-button" mat-button>
                {{ 'builder.jsonUpload' | t }}
                <input type="file" accept=".json,application/json" (change)="uploadJson($event)" data-testid="builder-json-file" />
              </label>
            }
          </div>
        </section>
      </div>

      <aside class="preview" data-testid="builder-preview">
        <h3>{{ 'builder.preview' | t }}</h3>
        @if (builder.questions().length === 0) {
          <p class="tropa-muted">{{ 'builder.previewEmpty' | t }}</p>
        } @else {
          <tropa-survey-view [model]="previewModel()" />
        }
      </aside>
    </div>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 24px;
      align-items: start;
    }
    @media (max-width: 960px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .details {
      max-width: none;
    }
    .page {
      margin-bottom: 16px;
    }
    .page-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .add {
      margin-top: 8px;
    }
    .save-bar {
      margin: 16px 0;
    }
    .server-errors {
      padding: 8px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .json-text {
      width: 100%;
      box-sizing: border-box;
      min-height: 280px;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85rem;
    }
    .file-button {
      position: relative;
      cursor: pointer;
      padding: 8px 12px;
      color: var(--mat-sys-primary);
    }
    .file-button input {
      position: absolute;
      inset: 0;
      opacity: 0;
      cursor: pointer;
    }
    .preview {
      position: sticky;
      top: 72px;
      max-height: calc(100vh - 96px);
      overflow: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 0 12px 12px;
      background: var(--mat-sys-surface);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class SurveyBuilderTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveyStore);
  protected readonly builder = inject(SurveyBuilderStore);
  private readonly i18n = inject(I18n);
  private readonly clipboard = inject(Clipboard);
  private readonly document = inject(DOCUMENT);

  protected readonly labels = labelKeys;
  protected readonly limits = TEXT_LIMITS;
  protected readonly locales = LOCALES;
  protected readonly kinds = BUILDER_QUESTION_KINDS;
  protected readonly editable = this.project.canEditContent;
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly language = signal<Locale>('ru');
  protected readonly newKind = signal<BuilderQuestionKind>('radiogroup');
  protected readonly saving = signal(false);
  protected readonly savedOnce = signal(false);
  protected readonly saveError = signal<ApiError | null>(null);
  private readonly fieldErrors = signal<FieldError[]>([]);
  protected readonly showJson = signal(false);
  protected readonly jsonDraft = signal('');
  protected readonly jsonError = signal<string | null>(null);
  /** True while the JSON text holds the user's own edits (not yet applied). */
  private readonly jsonEdited = signal(false);
  protected readonly copied = signal(false);
  protected readonly previewModel = computed(() => surveyModel(this.builder.definition(), this.language()));
  protected readonly dirty = computed(() => {
    const survey = this.store.survey();
    return (
      this.builder.dirty() ||
      (survey !== null &&
        (survey.title !== this.title() || survey.description !== this.description() || survey.language !== this.language()))
    );
  });
  private loadedId: string | null = null;

  constructor() {
    effect(() => {
      const survey = this.store.survey();
      if (!survey || survey.id === this.loadedId) return;
      this.loadedId = survey.id;
      untracked(() => {
        this.title.set(survey.title);
        this.description.set(survey.description);
        this.language.set(survey.language);
        this.builder.load(survey.definition);
      });
    });
    // The JSON view follows the builder unless the user is typing JSON of their own.
    effect(() => {
      const json = this.builder.json();
      if (!untracked(this.jsonEdited)) {
        untracked(() => this.jsonDraft.set(json));
      }
    });
  }

  protected editJson(text: string): void {
    this.jsonDraft.set(text);
    this.jsonEdited.set(true);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected fieldError(field: string): string | null {
    return this.fieldErrors().find((error) => error.field === field)?.message ?? null;
  }

  protected othersOf(question: BuilderQuestion): BuilderQuestion[] {
    return this.builder.questions().filter((other) => other.id !== question.id);
  }

  protected addQuestion(pageId: string): void {
    const defaults: QuestionDefaults = {
      title: this.i18n.t('builder.newQuestion'),
      option: (n) => this.i18n.t('builder.option', { n }),
      row: (n) => this.i18n.t('builder.row', { n }),
    };
    this.builder.addQuestion(this.newKind(), pageId, defaults);
  }

  protected updateQuestion(questionId: string, patch: QuestionPatch): void {
    this.builder.updateQuestion(questionId, patch);
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.saveError.set(null);
    this.fieldErrors.set([]);
    const result = await this.store.update({
      title: this.title().trim(),
      description: this.description().trim(),
      language: this.language(),
      definition: this.builder.definition(),
    });
    this.saving.set(false);
    if (result.ok) {
      this.builder.markSaved();
      this.savedOnce.set(true);
      return;
    }
    const details = result.error.details ?? [];
    const definitionErrors = details.filter((detail) => detail.field.startsWith('definition'));
    this.builder.setServerErrors(definitionErrors);
    this.fieldErrors.set(details.filter((detail) => !detail.field.startsWith('definition')));
    if (definitionErrors.length === 0) {
      this.saveError.set(result.error);
    }
  }

  protected toggleJson(): void {
    this.showJson.update((shown) => !shown);
    this.jsonDraft.set(this.builder.json());
    this.jsonEdited.set(false);
    this.jsonError.set(null);
  }

  protected applyJson(): void {
    const result = this.builder.applyJson(this.jsonDraft());
    this.jsonError.set(result.ok ? null : result.message);
    if (result.ok) {
      this.jsonEdited.set(false);
      this.jsonDraft.set(this.builder.json());
    }
  }

  protected copyJson(): void {
    this.copied.set(this.clipboard.copy(this.builder.json()));
  }

  protected downloadJson(): void {
    const blob = new Blob([this.builder.json()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const anchor = this.document.createElement('a');
    anchor.href = url;
    anchor.download = `${this.title().trim() || 'survey'}.json`;
    anchor.click();
    URL.revokeObjectURL(url);
  }

  protected async uploadJson(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text();
    const result = this.builder.applyJson(text);
    this.jsonError.set(result.ok ? null : result.message);
    this.jsonEdited.set(!result.ok);
    this.jsonDraft.set(result.ok ? this.builder.json() : text);
    this.showJson.set(!result.ok || this.showJson());
  }
}
