import type {
  ClusterChange,
  ClusterChangeCounts,
  ClusterKind,
  ClusterResponse,
  ClusterStatus,
  JobStatus,
  SynthesisPhase,
  SynthesisRunResponse,
} from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';

/** A run the worker has not finished: the client keeps polling it. */
export function isRunActive(run: Pick<SynthesisRunResponse, 'status'>): boolean {
  return run.status === 'queued' || run.status === 'running';
}

export function canCancelRun(run: Pick<SynthesisRunResponse, 'status'>): boolean {
  return isRunActive(run);
}

export function canRetryRun(run: Pick<SynthesisRunResponse, 'status'>): boolean {
  return run.status === 'failed' || run.status === 'cancelled';
}

/** 0..100 for the progress bar; a succeeded run always shows 100. */
export function progressPercent(run: Pick<SynthesisRunResponse, 'status' | 'progress'>): number {
  if (run.status === 'succeeded') return 100;
  const clamped = Math.min(1, Math.max(0, Number.isFinite(run.progress) ? run.progress : 0));
  return Math.round(clamped * 100);
}

export const CHANGE_ORDER: readonly (keyof ClusterChangeCounts)[] = ['new', 'grown', 'shrunk', 'same', 'gone'];

/** The non-zero change counts in display order, e.g. `[{change: 'new', count: 2}]`. */
export function changeSummary(changes: ClusterChangeCounts | null): { change: keyof ClusterChangeCounts; count: number }[] {
  if (!changes) return [];
  return CHANGE_ORDER.map((change) => ({ change, count: changes[change] })).filter((entry) => entry.count > 0);
}

/** Clusters that may still take quotes moved in: the same run, not discarded or merged, not the source. */
export function moveTargets(clusters: readonly ClusterResponse[], sourceId: string): ClusterResponse[] {
  return clusters.filter((cluster) => cluster.id !== sourceId && cluster.status !== 'discarded' && cluster.status !== 'merged');
}

/** Dictionary keys of the synthesis enums, typed so a new value without a translation fails the build. */
export const synthesisLabels = {
  phase: (phase: SynthesisPhase): MessageKey => `synthesis.phase.${phase}`,
  runStatus: (status: JobStatus): MessageKey => `synthesis.runStatus.${status}`,
  change: (change: ClusterChange | 'gone'): MessageKey => `synthesis.change.${change}`,
  clusterStatus: (status: ClusterStatus): MessageKey => `synthesis.clusterStatus.${status}`,
  /** Plural, for tabs. */
  kind: (kind: ClusterKind): MessageKey => `synthesis.kind.${kind}`,
  kindOne: (kind: ClusterKind): MessageKey => `synthesis.kindOne.${kind}`,
} as const;
