import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { labelKeys } from '../../core/i18n/labels';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../../projects/data-access/project-store';
import { SurveyStore } from '../data-access/survey-store';

interface SurveyTab {
  path: string;
  label: MessageKey;
}

/** One survey: its title, status, the "closed" banner and the sub-pages as lazy routes. */
@Component({
  selector: 'tropa-survey-detail-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, TranslatePipe, ErrorBanner, LoadingIndicator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="../" class="back" data-testid="surveys-back">{{ 'surveys.back' | t }}</a>
    @if (store.survey(); as survey) {
      <div class="tropa-page-header heading">
        <h2 data-testid="survey-heading">{{ survey.title }}</h2>
        <span class="tropa-chip" data-testid="survey-status">{{ labels.surveyStatus(survey.status) | t }}</span>
      </div>
      @if (survey.status === 'closed') {
        <div class="closed" role="status" data-testid="survey-closed-banner">{{ 'surveys.closedBanner' | t }}</div>
      }
      @if (!project.canEditContent()) {
        <p class="tropa-muted" data-testid="survey-read-only">{{ 'surveys.readOnly' | t }}</p>
      }
      <nav mat-tab-nav-bar mat-stretch-tabs="false" mat-align-tabs="start" [tabPanel]="panel" data-testid="survey-tabs">
        @for (tab of tabs(); track tab.path) {
          <a
            mat-tab-link
            [routerLink]="tab.path"
            routerLinkActive
            #active="routerLinkActive"
            [active]="active.isActive"
            [attr.data-testid]="'survey-tab-' + tab.path"
          >
            {{ tab.label | t }}
          </a>
        }
      </nav>
      <mat-tab-nav-panel #panel>
        <div class="tab-body">
          <router-outlet />
        </div>
      </mat-tab-nav-panel>
    } @else if (store.status() === 'error') {
      @if (store.error(); as error) {
        <tropa-error-banner [error]="error" (retry)="store.load(projectId(), surveyId())" />
      }
    } @else {
      <tropa-loading />
    }
  `,
  styles: `
    .back {
      color: var(--mat-sys-primary);
    }
    .heading {
      margin-top: 8px;
    }
    .closed {
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font-weight: 500;
    }
    .tab-body {
      padding-top: 16px;
    }
  `,
})
export class SurveyDetailPage {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveyStore);
  protected readonly labels = labelKeys;

  readonly projectId = input.required<string>();
  readonly surveyId = input.required<string>();

  protected readonly tabs = computed<SurveyTab[]>(() => {
    const tabs: SurveyTab[] = [
      { path: 'builder', label: 'surveyTabs.builder' },
      { path: 'mapping', label: 'surveyTabs.mapping' },
      { path: 'distribution', label: 'surveyTabs.distribution' },
      { path: 'responses', label: 'surveyTabs.responses' },
      { path: 'summary', label: 'surveyTabs.summary' },
    ];
    return this.project.canEditContent() ? [...tabs, { path: 'import', label: 'surveyTabs.import' }] : tabs;
  });

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      const surveyId = this.surveyId();
      untracked(() => this.store.load(projectId, surveyId));
    });
  }
}
