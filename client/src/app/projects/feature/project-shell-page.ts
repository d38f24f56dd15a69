import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { labelKeys } from '../../core/i18n/labels';
import type { MessageKey } from '../../core/i18n/messages.en';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ErrorBanner } from '../../core/ui/error-banner';
import { LoadingIndicator } from '../../core/ui/loading-indicator';
import { ProjectStore } from '../data-access/project-store';

interface ProjectTab {
  path: string;
  label: MessageKey;
}

/** A project's header and its tab navigation; each tab is a lazy-loaded route. */
@Component({
  selector: 'tropa-project-shell-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabsModule, TranslatePipe, ErrorBanner, LoadingIndicator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-page">
      @if (store.project(); as project) {
        <div class="tropa-page-header">
          <a routerLink="/projects" class="back">{{ 'projects.back' | t }}</a>
        </div>
        <div class="tropa-page-header">
          <h1 data-testid="project-title">{{ project.name }}</h1>
          <span class="tropa-chip" data-testid="my-role">{{ labels.role(project.myRole) | t }}</span>
        </div>
        @if (!store.canEditContent()) {
          <p class="tropa-muted" data-testid="read-only-note">{{ 'project.readOnly' | t }}</p>
        }
        <nav mat-tab-nav-bar mat-stretch-tabs="false" mat-align-tabs="start" [tabPanel]="panel" data-testid="project-tabs">
          @for (tab of tabs(); track tab.path) {
            <a
              mat-tab-link
              [routerLink]="tab.path"
              routerLinkActive
              #active="routerLinkActive"
              [active]="active.isActive"
              [attr.data-testid]="'tab-' + tab.path"
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
          <tropa-error-banner [error]="error" (retry)="store.load(projectId())" />
        }
        <a routerLink="/projects">{{ 'projects.back' | t }}</a>
      } @else {
        <tropa-loading />
      }
    </div>
  `,
  styles: `
    .back {
      color: var(--mat-sys-primary);
    }
    .tab-body {
      padding-top: 16px;
    }
    /* Twelve tabs fit a laptop's width without the paginator's arrows. */
    [data-testid='project-tabs'] .mat-mdc-tab-link {
      min-width: 0;
      padding: 0 10px;
      flex-grow: 0;
    }
  `,
})
export class ProjectShellPage {
  protected readonly store = inject(ProjectStore);
  protected readonly labels = labelKeys;

  readonly projectId = input.required<string>();

  protected readonly tabs = computed<ProjectTab[]>(() => {
    const tabs: ProjectTab[] = [
      { path: 'general', label: 'tabs.general' },
      { path: 'stages', label: 'tabs.stages' },
      { path: 'personas', label: 'tabs.personas' },
      { path: 'touchpoints', label: 'tabs.touchpoints' },
      { path: 'surveys', label: 'tabs.surveys' },
      { path: 'sessions', label: 'tabs.sessions' },
      { path: 'quotes', label: 'tabs.quotes' },
      { path: 'codebook', label: 'tabs.codebook' },
      { path: 'synthesis', label: 'tabs.synthesis' },
      { path: 'journey', label: 'tabs.journey' },
      { path: 'members', label: 'tabs.members' },
    ];
    return this.store.isOwner() ? [...tabs, { path: 'audit', label: 'tabs.audit' }] : tabs;
  });

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.store.load(projectId));
    });
  }
}
