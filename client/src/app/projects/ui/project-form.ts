import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import type {
  ApiError,
  CreateProjectRequest,
  ProjectLanguage,
  ProjectResponse,
  StageTemplate,
} from '@tropa/contracts';
import { LOCALES, STAGE_TEMPLATES, TEXT_LIMITS, templateStageNames } from '@tropa/contracts';
import { applyServerErrors } from '../../core/forms/server-errors';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

/** Create a project (with a stage template) or edit its general settings (`project` set). */
@Component({
  selector: 'tropa-project-form',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatRadioModule,
    MatButtonModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="tropa-form" [formGroup]="form" (ngSubmit)="submit()" data-testid="project-form">
      @if (formMessage() !== null) {
        <p class="tropa-form-error" role="alert" data-testid="form-error">
          {{ formMessage() || ('errors.network' | t) }}
        </p>
      }
      <mat-form-field>
        <mat-label>{{ 'project.name' | t }}</mat-label>
        <input matInput formControlName="name" [maxlength]="limits.name" data-testid="project-name" />
        @if (form.controls.name.hasError('server')) {
          <mat-error data-testid="error-name">{{ form.controls.name.getError('server') }}</mat-error>
        } @else if (form.controls.name.hasError('required')) {
          <mat-error>{{ 'validation.required' | t }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'project.description' | t }}</mat-label>
        <textarea
          matInput
          formControlName="description"
          rows="3"
          [maxlength]="limits.description"
          data-testid="project-description"
        ></textarea>
        @if (form.controls.description.hasError('server')) {
          <mat-error>{{ form.controls.description.getError('server') }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'project.language' | t }}</mat-label>
        <mat-select formControlName="language" data-testid="project-language">
          @for (language of languages; track language) {
            <mat-option [value]="language">{{ labels.language(language) | t }}</mat-option>
          }
        </mat-select>
        <mat-hint>{{ 'project.languageHint' | t }}</mat-hint>
        @if (form.controls.language.hasError('server')) {
          <mat-error>{{ form.controls.language.getError('server') }}</mat-error>
        }
      </mat-form-field>

      @if (!project()) {
        <fieldset class="templates">
          <legend>{{ 'project.template' | t }}</legend>
          <mat-radio-group formControlName="stageTemplate" class="template-options">
            @for (option of templateOptions(); track option.template) {
              <div class="template-option" [class.selected]="option.template === selectedTemplate()">
                <mat-radio-button [value]="option.template" [attr.data-testid]="'template-' + option.template">
                  {{ labels.template(option.template) | t }}
                </mat-radio-button>
                <ol class="template-stages" [attr.data-testid]="'template-preview-' + option.template">
                  @for (stage of option.stages; track $index) {
                    <li>{{ stage }}</li>
                  }
                </ol>
              </div>
            }
          </mat-radio-group>
          @if (form.controls.stageTemplate.hasError('server')) {
            <p class="tropa-form-error">{{ form.controls.stageTemplate.getError('server') }}</p>
          }
        </fieldset>
      }

      <div class="tropa-actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="project-submit">
          {{ (project() ? 'common.save' : 'project.create') | t }}
        </button>
        @if (cancellable()) {
          <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        }
      </div>
    </form>
  `,
  styles: `
    .templates {
      border: 0;
      padding: 0;
      margin: 8px 0 16px;
    }
    legend {
      font-weight: 500;
      margin-bottom: 8px;
    }
    .template-options {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
      gap: 12px;
    }
    .template-option {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 8px 12px;
    }
    .template-option.selected {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .template-stages {
      margin: 4px 0 4px 8px;
      padding-left: 20px;
      font-size: 0.9em;
    }
  `,
})
export class ProjectForm {
  private readonly fb = inject(NonNullableFormBuilder);

  readonly project = input<ProjectResponse | null>(null);
  readonly defaultLanguage = input<ProjectLanguage>('en');
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly cancellable = input(false);
  readonly submitted = output<CreateProjectRequest>();
  readonly cancelled = output();

  protected readonly limits = TEXT_LIMITS;
  protected readonly labels = labelKeys;
  protected readonly languages = LOCALES;
  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    description: [''],
    language: ['en' as ProjectLanguage, Validators.required],
    stageTemplate: ['seven' as StageTemplate, Validators.required],
  });
  protected readonly formMessage = signal<string | null>(null);

  private readonly language = toSignal(this.form.controls.language.valueChanges, { initialValue: this.form.controls.language.value });
  protected readonly selectedTemplate = toSignal(this.form.controls.stageTemplate.valueChanges, {
    initialValue: this.form.controls.stageTemplate.value,
  });
  /** Each template with its stage names in the project's language. */
  protected readonly templateOptions = computed(() =>
    STAGE_TEMPLATES.map((template) => ({ template, stages: templateStageNames(template, this.language()) })),
  );

  constructor() {
    effect(() => {
      const project = this.project();
      if (project) {
        this.form.patchValue({ name: project.name, description: project.description, language: project.language });
      } else {
        this.form.controls.language.setValue(this.defaultLanguage());
      }
    });
    effect(() => this.formMessage.set(applyServerErrors(this.form, this.serverError())));
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.formMessage.set(null);
    const value = this.form.getRawValue();
    this.submitted.emit({
      name: value.name.trim(),
      description: value.description.trim(),
      language: value.language,
      stageTemplate: value.stageTemplate,
    });
  }
}
