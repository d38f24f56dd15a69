import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { FindingResponse, Kpi, RecommendationResponse, RecommendationStatus } from '@tropa/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { linkedFindings, priorityLevel, priorityText } from '../model/recommendation-view';
import type { FindingOption, PriorityLevel } from '../model/recommendation-view';

/** Recommendations as the server orders them (priority first), each with its evidence and target. */
@Component({
  selector: 'tropa-recommendation-list',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="list" data-testid="recommendation-list">
      @for (item of items(); track item.id) {
        <li class="tropa-panel row" data-testid="recommendation-row" [attr.data-recommendation-id]="item.id">
          <div class="head">
            <span class="priority" [attr.data-level]="level(item.priority)" data-testid="recommendation-priority" [title]="'recommendations.priorityHint' | t">
              {{ levelKey(level(item.priority)) | t }} · {{ priority(item.priority) }}
            </span>
            <span class="tropa-chip" data-testid="recommendation-row-status">{{ statusKey(item.status) | t }}</span>
            <span class="tropa-spacer"></span>
            @if (editable()) {
              <button mat-button type="button" (click)="edit.emit(item)" data-testid="recommendation-edit">{{ 'common.edit' | t }}</button>
              <button mat-button type="button" (click)="remove.emit(item)" data-testid="recommendation-delete">{{ 'common.delete' | t }}</button>
            }
          </div>
          <p class="text" data-testid="recommendation-row-text">{{ item.text }}</p>
          <dl>
            <dt>{{ 'recommendations.target' | t }}</dt>
            <dd data-testid="recommendation-row-target">
              {{ item.stageId ? (stageNames().get(item.stageId) ?? '—') : '—' }} ·
              {{ item.kpi ? (kpiKey(item.kpi) | t) : ('recommendations.none' | t) }}
            </dd>
            @if (item.expectedEffect) {
              <dt>{{ 'recommendations.effect' | t }}</dt>
              <dd data-testid="recommendation-row-effect">{{ item.expectedEffect }}</dd>
            }
            <dt>{{ 'recommendations.impactEffort' | t }}</dt>
            <dd data-testid="recommendation-row-scores">{{ 'recommendations.scores' | t: { impact: item.impact, effort: item.effort } }}</dd>
            <dt>{{ 'recommendations.owner' | t }}</dt>
            <dd data-testid="recommendation-row-owner">{{ item.ownerDepartment || '—' }}</dd>
          </dl>
          @let linked = findingsOf(item);
          @if (linked.length > 0) {
            <ul class="findings" [attr.aria-label]="'recommendations.findings' | t">
              @for (finding of linked; track finding.id) {
                <li data-testid="recommendation-row-finding" [attr.data-finding-id]="finding.id">{{ finding.text }}</li>
              }
            </ul>
          } @else {
            <p class="tropa-muted" data-testid="recommendation-row-no-findings">{{ 'recommendations.noEvidence' | t }}</p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .row {
      margin-bottom: 12px;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .priority {
      font-weight: 600;
      padding: 2px 8px;
      border-radius: 12px;
    }
    .priority[data-level='high'] {
      background: #ffe3e3;
      color: #c92a2a;
    }
    .priority[data-level='medium'] {
      background: #fff3bf;
      color: #8f5e00;
    }
    .priority[data-level='low'] {
      background: var(--mat-sys-surface-container);
    }
    .text {
      font-size: 1.05rem;
      white-space: pre-wrap;
      margin: 8px 0;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 0 0 8px;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .findings {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class RecommendationList {
  private readonly i18n = inject(I18n);

  readonly items = input.required<readonly RecommendationResponse[]>();
  readonly stageNames = input.required<ReadonlyMap<string, string>>();
  readonly findings = input.required<ReadonlyMap<string, FindingResponse>>();
  readonly editable = input(false);
  readonly edit = output<RecommendationResponse>();
  readonly remove = output<RecommendationResponse>();

  protected level(priority: number): PriorityLevel {
    return priorityLevel(priority);
  }

  protected levelKey(level: PriorityLevel): `recommendations.priority.${PriorityLevel}` {
    return `recommendations.priority.${level}`;
  }

  protected priority(priority: number): string {
    return priorityText(priority, this.i18n.locale());
  }

  protected kpiKey(kpi: Kpi): `kpis.kpi.${Kpi}` {
    return `kpis.kpi.${kpi}`;
  }

  protected statusKey(status: RecommendationStatus): `recommendations.status.${RecommendationStatus}` {
    return `recommendations.status.${status}`;
  }

  protected findingsOf(item: RecommendationResponse): FindingOption[] {
    return linkedFindings(item, this.findings());
  }
}
