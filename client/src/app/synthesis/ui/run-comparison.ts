import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { RunComparisonResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { synthesisLabels } from '../model/run-status';

/** What changed between two runs: clusters added, removed, and matched with their sizes. */
@Component({
  selector: 'tropa-run-comparison',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = comparison();
    <div class="columns" data-testid="run-comparison">
      <section data-testid="comparison-added">
        <h4>{{ 'synthesis.compare.added' | t }} ({{ c.added.length }})</h4>
        <ul>
          @for (cluster of c.added; track cluster.clusterId) {
            <li data-testid="comparison-added-item">
              <span class="tropa-chip">{{ labels.kindOne(cluster.kind) | t }}</span> {{ cluster.label }}
              <span class="tropa-muted">{{ 'synthesis.compare.size' | t: { count: cluster.size } }}</span>
            </li>
          } @empty {
            <li class="tropa-muted">{{ 'synthesis.compare.none' | t }}</li>
          }
        </ul>
      </section>
      <section data-testid="comparison-removed">
        <h4>{{ 'synthesis.compare.removed' | t }} ({{ c.removed.length }})</h4>
        <ul>
          @for (cluster of c.removed; track cluster.clusterId) {
            <li data-testid="comparison-removed-item">
              <span class="tropa-chip">{{ labels.kindOne(cluster.kind) | t }}</span> {{ cluster.label }}
              <span class="tropa-muted">{{ 'synthesis.compare.size' | t: { count: cluster.size } }}</span>
            </li>
          } @empty {
            <li class="tropa-muted">{{ 'synthesis.compare.none' | t }}</li>
          }
        </ul>
      </section>
      <section data-testid="comparison-changed">
        <h4>{{ 'synthesis.compare.changed' | t }} ({{ c.changed.length }})</h4>
        <ul>
          @for (cluster of c.changed; track cluster.toClusterId) {
            <li data-testid="comparison-changed-item">
              <span class="tropa-chip">{{ labels.kindOne(cluster.kind) | t }}</span> {{ cluster.label }}
              <span class="tropa-muted">
                {{ 'synthesis.compare.sizeChange' | t: { before: cluster.sizeBefore, after: cluster.sizeAfter } }} ·
                {{ overlapText(cluster.overlap) }}
              </span>
            </li>
          } @empty {
            <li class="tropa-muted">{{ 'synthesis.compare.none' | t }}</li>
          }
        </ul>
      </section>
    </div>
  `,
  styles: `
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 16px;
    }
    h4 {
      margin: 0 0 8px;
    }
    ul {
      margin: 0;
      padding-left: 0;
      list-style: none;
    }
    li {
      margin-bottom: 6px;
    }
  `,
})
export class RunComparison {
  readonly comparison = input.required<RunComparisonResponse>();

  protected readonly labels = synthesisLabels;
  private readonly i18n = inject(I18n);

  /** The server gives either a share (0..1) or a count of shared quotes. */
  protected overlapText(overlap: number): string {
    return overlap <= 1 && !Number.isInteger(overlap)
      ? this.i18n.t('synthesis.compare.overlapShare', { percent: Math.round(overlap * 100) })
      : this.i18n.t('synthesis.compare.overlap', { count: overlap });
  }
}
