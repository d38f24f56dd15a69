import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PersonaResponse, SessionResponse, StartSynthesisRequest, SurveyListItem } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { DEFAULT_START_OPTIONS, toStartRequest } from '../model/start-request';
import type { StartOptions } from '../model/start-request';

/** The "Synthesise" button with its options: number of clusters and which quotes to use. */
@Component({
  selector: 'tropa-synthesis-start-form',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-actions">
      <button mat-flat-button type="button" [disabled]="busy()" (click)="submit()" data-testid="synthesis-start">
        {{ (again() ? 'synthesis.startAgain' : 'synthesis.start') | t }}
      </button>
      <button mat-button type="button" (click)="toggleOptions()" data-testid="synthesis-options">
        {{ (open() ? 'synthesis.hideOptions' : 'synthesis.options') | t }}
      </button>
    </div>
    @if (open()) {
      <div class="options" data-testid="synthesis-options-panel">
        <div class="k">
          <span class="tropa-muted">{{ 'synthesis.kMode' | t }}</span>
          <mat-button-toggle-group
            [value]="options().kMode"
            (change)="patch({ kMode: $event.value })"
            hideSingleSelectionIndicator
            data-testid="synthesis-k-mode"
          >
            <mat-button-toggle value="auto" data-testid="synthesis-k-auto">{{ 'synthesis.kAuto' | t }}</mat-button-toggle>
            <mat-button-toggle value="exact" data-testid="synthesis-k-exact">{{ 'synthesis.kExact' | t }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (options().kMode === 'exact') {
            <mat-form-field subscriptSizing="dynamic" class="k-field">
              <mat-label>{{ 'synthesis.k' | t }}</mat-label>
              <input
                matInput
                type="number"
                min="2"
                max="100"
                [ngModel]="options().k"
                (ngModelChange)="patch({ k: $event })"
                data-testid="synthesis-k"
              />
            </mat-form-field>
          }
        </div>
        <div class="tropa-filters">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.filter.persona' | t }}</mat-label>
            <select matNativeControl [ngModel]="options().personaId" (ngModelChange)="patch({ personaId: $event })" data-testid="synthesis-filter-persona">
              <option value="">{{ 'synthesis.filter.any' | t }}</option>
              @for (persona of personas(); track persona.id) {
                <option [value]="persona.id">{{ persona.name }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.filter.session' | t }}</mat-label>
            <select matNativeControl [ngModel]="options().sessionId" (ngModelChange)="patch({ sessionId: $event })" data-testid="synthesis-filter-session">
              <option value="">{{ 'synthesis.filter.any' | t }}</option>
              @for (session of sessions(); track session.id) {
                <option [value]="session.id">{{ session.title }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.filter.survey' | t }}</mat-label>
            <select matNativeControl [ngModel]="options().surveyId" (ngModelChange)="patch({ surveyId: $event })" data-testid="synthesis-filter-survey">
              <option value="">{{ 'synthesis.filter.any' | t }}</option>
              @for (survey of surveys(); track survey.id) {
                <option [value]="survey.id">{{ survey.title }}</option>
              }
            </select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.filter.from' | t }}</mat-label>
            <input matInput type="date" [ngModel]="options().from" (ngModelChange)="patch({ from: $event ?? '' })" data-testid="synthesis-filter-from" />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synthesis.filter.to' | t }}</mat-label>
            <input matInput type="date" [ngModel]="options().to" (ngModelChange)="patch({ to: $event ?? '' })" data-testid="synthesis-filter-to" />
          </mat-form-field>
        </div>
      </div>
    }
  `,
  styles: `
    .options {
      margin-top: 12px;
    }
    .k {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 12px;
    }
    .k-field {
      width: 120px;
    }
  `,
})
export class SynthesisStartForm {
  readonly personas = input<PersonaResponse[]>([]);
  readonly sessions = input<SessionResponse[]>([]);
  readonly surveys = input<SurveyListItem[]>([]);
  readonly busy = input(false);
  /** There was a run before: the button says "Run again". */
  readonly again = input(false);
  readonly started = output<StartSynthesisRequest>();
  readonly optionsOpened = output();

  protected readonly open = signal(false);
  protected readonly options = signal<StartOptions>(DEFAULT_START_OPTIONS);

  protected toggleOptions(): void {
    this.open.update((open) => !open);
    if (this.open()) this.optionsOpened.emit();
  }

  protected patch(change: Partial<StartOptions>): void {
    this.options.update((options) => ({ ...options, ...change }));
  }

  protected submit(): void {
    this.started.emit(toStartRequest(this.options()));
  }
}
