import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import type { ApiError, SurveyStatus } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { confirmAction } from '../../core/ui/confirm-dialog';
import { ErrorBanner } from '../../core/ui/error-banner';
import { ProjectStore } from '../../projects/data-access/project-store';
import { SurveyStore } from '../data-access/survey-store';
import { PublicLink } from '../ui/public-link';

/** Status (draft → open → closed), the public link and its copy button. */
@Component({
  selector: 'tropa-survey-distribution-tab',
  imports: [MatButtonModule, PublicLink, TranslatePipe, ErrorBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.survey(); as survey) {
      <section class="tropa-panel">
        <h3 data-testid="distribution-status">{{ 'distribution.status' | t: { status: (labels.surveyStatus(survey.status) | t) } }}</h3>
        <p class="tropa-muted">
          @switch (survey.status) {
            @case ('draft') {
              {{ 'distribution.draftHint' | t }}
            }
            @case ('open') {
              {{ 'distribution.openHint' | t }}
            }
            @case ('closed') {
              {{ 'distribution.closedHint' | t }}
            }
          }
        </p>
        @if (project.canEditContent()) {
          <div class="tropa-actions">
            @if (survey.status !== 'open') {
              <button mat-flat-button type="button" [disabled]="busy()" (click)="changeStatus('open')" data-testid="survey-open">
                {{ (survey.status === 'closed' ? 'distribution.reopen' : 'distribution.open') | t }}
              </button>
            }
            @if (survey.status === 'open') {
              <button mat-stroked-button type="button" [disabled]="busy()" (click)="closeSurvey()" data-testid="survey-close">
                {{ 'distribution.close' | t }}
              </button>
            }
            @if (survey.status !== 'draft' && survey.responseCount === 0) {
              <button mat-button type="button" [disabled]="busy()" (click)="changeStatus('draft')" data-testid="survey-to-draft">
                {{ 'distribution.toDraft' | t }}
              </button>
            }
          </div>
        }
        @if (error(); as error) {
          <tropa-error-banner [error]="error" [retryable]="false" />
        }
      </section>
      @if (publicUrl(); as url) {
        <section class="tropa-panel">
          <tropa-public-link [url]="url" [wasCopied]="copied()" (copied)="copy(url)" />
        </section>
      }
      @if (project.canEditContent()) {
        <section class="tropa-panel">
          <h3>{{ 'surveys.deleteTitle' | t }}</h3>
          <button mat-stroked-button type="button" class="delete" [disabled]="busy()" (click)="deleteSurvey()" data-testid="survey-delete">
            {{ 'surveys.deleteTitle' | t }}
          </button>
        </section>
      }
    }
  `,
  styles: `
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class SurveyDistributionTab {
  protected readonly project = inject(ProjectStore);
  protected readonly store = inject(SurveyStore);
  private readonly clipboard = inject(Clipboard);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly origin = inject(DOCUMENT).location.origin;
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly labels = labelKeys;
  protected readonly busy = signal(false);
  protected readonly copied = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly publicUrl = computed(() => {
    const survey = this.store.survey();
    return survey?.publicToken && survey.status !== 'draft' ? `${this.origin}/s/${survey.publicToken}` : null;
  });

  protected async changeStatus(status: SurveyStatus): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    const result = await this.store.setStatus(status);
    this.busy.set(false);
    if (!result.ok) {
      this.error.set(result.error);
    }
  }

  protected async closeSurvey(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('distribution.closeTitle'),
      message: this.i18n.t('distribution.closeConfirm', { title: this.store.survey()?.title ?? '' }),
      confirmLabel: this.i18n.t('distribution.close'),
    });
    if (confirmed) {
      await this.changeStatus('closed');
    }
  }

  protected async deleteSurvey(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: this.i18n.t('surveys.deleteTitle'),
      message: this.i18n.t('surveys.deleteConfirm', { title: this.store.survey()?.title ?? '' }),
      confirmLabel: this.i18n.t('common.delete'),
    });
    if (!confirmed) return;
    this.busy.set(true);
    this.error.set(null);
    const result = await this.store.remove();
    this.busy.set(false);
    if (result.ok) {
      // Up from …/surveys/:surveyId/distribution to the list.
      await this.router.navigate(['../..'], { relativeTo: this.route });
    } else {
      this.error.set(result.error);
    }
  }

  protected copy(url: string): void {
    this.copied.set(this.clipboard.copy(url));
  }
}
