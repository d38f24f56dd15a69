import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import type { TagResponse } from '@tropa/contracts';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { tagKindKey } from '../model/tag-labels';
import type { TagRow } from '../model/tag-tree';

/**
 * The codebook as an indented table: children under their parents, a colour swatch, kind,
 * shortcut and how many quotes carry the tag (a link to those quotes).
 */
@Component({
  selector: 'tropa-tag-tree-table',
  imports: [MatButtonModule, MatTooltipModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tropa-table-wrap">
      <table class="tropa-table" data-testid="tag-tree">
        <thead>
          <tr>
            <th>{{ 'codebook.name' | t }}</th>
            <th>{{ 'codebook.kindLabel' | t }}</th>
            <th>{{ 'codebook.shortcut' | t }}</th>
            <th class="number">{{ 'codebook.usage' | t }}</th>
            @if (editable()) {
              <th><span class="cdk-visually-hidden">{{ 'common.actions' | t }}</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.tag.id) {
            <tr data-testid="tag-row" [attr.data-tag-id]="row.tag.id" [attr.aria-level]="row.depth + 1">
              <td>
                <div class="name" [style.padding-left.px]="row.depth * 24">
                  @if (row.hasChildren) {
                    <button
                      type="button"
                      class="toggle"
                      [attr.aria-expanded]="!collapsed().has(row.tag.id)"
                      [attr.aria-label]="row.tag.name"
                      (click)="toggled.emit(row.tag)"
                      data-testid="tag-toggle"
                    >
                      {{ collapsed().has(row.tag.id) ? '▸' : '▾' }}
                    </button>
                  } @else {
                    <span class="toggle-space"></span>
                  }
                  <span class="swatch" [style.background]="row.tag.color" aria-hidden="true"></span>
                  <span>
                    <span class="label" data-testid="tag-name">{{ row.tag.name }}</span>
                    @if (row.tag.description) {
                      <span class="tropa-muted description">{{ row.tag.description }}</span>
                    }
                  </span>
                </div>
              </td>
              <td data-testid="tag-kind">{{ kindKey(row.tag.kind) | t }}</td>
              <td>
                @if (row.tag.shortcut) {
                  <kbd data-testid="tag-shortcut">{{ row.tag.shortcut }}</kbd>
                }
              </td>
              <td class="number">
                @if (row.tag.usage > 0) {
                  <a
                    [routerLink]="['/projects', projectId(), 'quotes']"
                    [queryParams]="{ tagId: row.tag.id }"
                    [attr.title]="'codebook.usageTitle' | t: { n: row.tag.usage }"
                    data-testid="tag-usage"
                    >{{ row.tag.usage }}</a
                  >
                } @else {
                  <span class="tropa-muted" data-testid="tag-usage">0</span>
                }
              </td>
              @if (editable()) {
                <td class="actions">
                  <button mat-button type="button" (click)="edit.emit(row.tag)" data-testid="tag-edit">{{ 'common.edit' | t }}</button>
                  <button
                    mat-button
                    type="button"
                    [disabled]="row.tag.stageId !== null"
                    [matTooltip]="row.tag.stageId !== null ? ('codebook.stageTag' | t) : ''"
                    (click)="merge.emit(row.tag)"
                    data-testid="tag-merge"
                  >
                    {{ 'codebook.merge' | t }}
                  </button>
                  <button
                    mat-button
                    type="button"
                    [disabled]="row.tag.stageId !== null"
                    [matTooltip]="row.tag.stageId !== null ? ('codebook.stageTag' | t) : ''"
                    (click)="remove.emit(row.tag)"
                    data-testid="tag-delete"
                  >
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
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .toggle {
      width: 24px;
      height: 24px;
      flex: 0 0 24px;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      cursor: pointer;
      font-size: 1em;
    }
    .toggle-space {
      display: inline-block;
      flex: 0 0 24px;
    }
    .swatch {
      display: inline-block;
      width: 14px;
      height: 14px;
      border-radius: 4px;
      flex: 0 0 14px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .description {
      display: block;
      font-size: 0.85em;
    }
    .number {
      text-align: right;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    kbd {
      font-family: inherit;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
  `,
})
export class TagTreeTable {
  readonly rows = input.required<readonly TagRow[]>();
  readonly projectId = input.required<string>();
  readonly editable = input(false);
  readonly collapsed = input<ReadonlySet<string>>(new Set());
  readonly toggled = output<TagResponse>();
  readonly edit = output<TagResponse>();
  readonly merge = output<TagResponse>();
  readonly remove = output<TagResponse>();

  protected readonly kindKey = tagKindKey;
}
