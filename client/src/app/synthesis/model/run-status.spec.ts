import { aCluster, aFinishedRun, aSynthesisRun } from '../../testing/factories';
import { EN_MESSAGES } from '../../core/i18n/messages.en';
import { canCancelRun, canRetryRun, changeSummary, isRunActive, moveTargets, progressPercent, synthesisLabels } from './run-status';

describe('run status', () => {
  it('should treat only queued and running runs as active', () => {
    expect(isRunActive(aSynthesisRun({ status: 'queued' }))).toBe(true);
    expect(isRunActive(aSynthesisRun({ status: 'running' }))).toBe(true);
    expect(isRunActive(aFinishedRun())).toBe(false);
    expect(isRunActive(aSynthesisRun({ status: 'failed' }))).toBe(false);
  });

  it('should allow cancelling an active run and retrying a failed or cancelled one', () => {
    expect(canCancelRun(aSynthesisRun({ status: 'running' }))).toBe(true);
    expect(canCancelRun(aFinishedRun())).toBe(false);
    expect(canRetryRun(aSynthesisRun({ status: 'failed' }))).toBe(true);
    expect(canRetryRun(aSynthesisRun({ status: 'cancelled' }))).toBe(true);
    expect(canRetryRun(aFinishedRun())).toBe(false);
  });

  it('should round the progress to a percent, clamp it and show 100 for a finished run', () => {
    expect(progressPercent({ status: 'running', progress: 0.426 })).toBe(43);
    expect(progressPercent({ status: 'running', progress: 1.7 })).toBe(100);
    expect(progressPercent({ status: 'running', progress: -1 })).toBe(0);
    expect(progressPercent({ status: 'succeeded', progress: 0.9 })).toBe(100);
  });

  it('should list the non-zero change counts in display order', () => {
    expect(changeSummary({ new: 2, grown: 0, shrunk: 1, same: 3, gone: 1 })).toEqual([
      { change: 'new', count: 2 },
      { change: 'shrunk', count: 1 },
      { change: 'same', count: 3 },
      { change: 'gone', count: 1 },
    ]);
    expect(changeSummary(null)).toEqual([]);
  });

  it('should offer as move targets only the open clusters other than the source', () => {
    const clusters = [
      aCluster({ id: 'source' }),
      aCluster({ id: 'open', status: 'accepted' }),
      aCluster({ id: 'discarded', status: 'discarded' }),
      aCluster({ id: 'merged', status: 'merged' }),
      aCluster({ id: 'proposed', kind: 'theme' }),
    ];

    expect(moveTargets(clusters, 'source').map((cluster) => cluster.id)).toEqual(['open', 'proposed']);
  });

  it('should have an English label for every change, phase and status', () => {
    const keys = [
      ...(['new', 'grown', 'shrunk', 'same', 'gone'] as const).map(synthesisLabels.change),
      ...(['queued', 'loading', 'sentiment', 'stages', 'clustering', 'touchpoints', 'saving', 'done', 'failed', 'cancelled'] as const).map(
        synthesisLabels.phase,
      ),
      ...(['proposed', 'accepted', 'discarded', 'merged'] as const).map(synthesisLabels.clusterStatus),
    ];

    expect(keys.filter((key) => !(key in EN_MESSAGES))).toEqual([]);
  });
});
