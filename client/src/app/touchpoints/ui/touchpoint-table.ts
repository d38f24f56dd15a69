import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { StageResponse, TouchpointResponse } from '@tropa/contracts';
import { labelKeys } from '../../core/i18n/labels';
import { TranslatePipe } from '../../core/i18n/translate.pipe';

@Component({
  selector: 'tropa-touchpoint-table',
  imports: [MatButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="touchpoint-table">
        <thead>
          <tr>
            <th>{{ 'touchpoints.name' | t }}</th>
            <th>{{ 'touchpoints.channel' | t }}</th>
            <th>{{ 'touchpoints.mode' | t }}</th>
            <th>{{ 'touchpoints.ownerDepartment' | t }}</th>
            <th>{{ 'touchpoints.stages' | t }}</th>
            @if (editable()) {
              <th><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (touchpoint of touchpoints(); track touchpoint.id) {
            <tr data-testid="touchpoint-row">
              <td>
                <span class="name" data-testid="touchpoint-row-name">{{ touchpoint.name }}</span>
                @if (touchpoint.origin === 'discovered') {
                  <span class="tropa-chip">{{ 'touchpoints.discovered' | t }}</span>
                }
                @if (touchpoint.aliases.length > 0) {
                  <div class="aliases tropa-muted">{{ touchpoint.aliases.join(', ') }}</div>
                }
              </td>
              <td>{{ labels.channel(touchpoint.channel) | t }}</td>
              <td>{{ (touchpoint.online ? 'touchpoints.onlineShort' : 'touchpoints.offlineShort') | t }}</td>
              <td>{{ touchpoint.ownerDepartment || '—' }}</td>
              <td>
                @for (stageId of touchpoint.stageIds; track stageId) {
                  <span class="tropa-chip">{{ stageNames().get(stageId) ?? '…' }}</span>
                }
              </td>
              @if (editable()) {
                <td class="actions">
                  <button mat-button type="button" (click)="edit.emit(touchpoint)" data-testid="touchpoint-edit">
                    {{ 'common.edit' | t }}
                  </button>
                  <button mat-button type="button" class="delete" (click)="remove.emit(touchpoint)" data-testid="touchpoint-delete">
                    {{ 'common.delete' | t }}
                  </button>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .name {
      font-weight: 500;
      margin-right: 8px;
    }
    .aliases {
      font-size: 0.85em;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class TouchpointTable {
  readonly touchpoints = input.required<TouchpointResponse[]>();
  readonly stages = input<StageResponse[]>([]);
  readonly editable = input(false);
  readonly edit = output<TouchpointResponse>();
  readonly remove = output<TouchpointResponse>();

  protected readonly labels = labelKeys;
  protected readonly stageNames = computed(() => new Map(this.stages().map((stage) => [stage.id, stage.name])));
}
