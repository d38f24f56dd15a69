import type { FindingResponse, JourneyLane, JourneyMapResponse, ProjectRole, RecommendationResponse } from '@tropa/contracts';
import { hasRole, REVIEWERS } from '../../../projects/model/roles';

/** Who may change recommendations, metrics and versions of the map (the server checks it too). */
export function canEditJourney(role: ProjectRole | null): boolean {
  return hasRole(role, REVIEWERS);
}

export type PriorityLevel = 'high' | 'medium' | 'low';

/**
 * The band of a priority (impact × evidence strength ÷ effort): high from 6 (e.g. impact 4,
 * moderate evidence, effort 1), medium from 2, low below.
 */
export function priorityLevel(priority: number): PriorityLevel {
  if (priority >= 6) return 'high';
  if (priority >= 2) return 'medium';
  return 'low';
}

/** The priority as a short number: "7.5", "2". */
export function priorityText(priority: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(priority);
}

export interface FindingOption {
  id: string;
  text: string;
  status: FindingResponse['status'];
}

/** Findings of one stage and lane, for the grouped multi-select. */
export interface FindingGroup {
  key: string;
  stageId: string;
  stageName: string;
  lane: JourneyLane;
  findings: FindingOption[];
}

/**
 * The findings a recommendation can link, grouped by stage (map order) then lane (lane
 * order); rejected ones are left out unless already linked.
 */
export function findingGroups(
  map: Pick<JourneyMapResponse, 'stages' | 'findings'> | null,
  lanes: readonly JourneyLane[],
  keep: readonly string[] = [],
): FindingGroup[] {
  if (!map) return [];
  const stages = [...map.stages].sort((a, b) => a.order - b.order);
  const groups: FindingGroup[] = [];
  for (const stage of stages) {
    for (const lane of lanes) {
      const findings = map.findings
        .filter((finding) => finding.stageId === stage.id && finding.lane === lane)
        .filter((finding) => finding.status !== 'rejected' || keep.includes(finding.id))
        .sort((a, b) => b.score - a.score)
        .map((finding) => ({ id: finding.id, text: finding.text, status: finding.status }));
      if (findings.length > 0) groups.push({ key: `${stage.id}:${lane}`, stageId: stage.id, stageName: stage.name, lane, findings });
    }
  }
  return groups;
}

/** The texts of a recommendation's findings; a finding no longer on the map is skipped. */
export function linkedFindings(recommendation: RecommendationResponse, findings: ReadonlyMap<string, FindingResponse>): FindingOption[] {
  return recommendation.findingIds.flatMap((id) => {
    const finding = findings.get(id);
    return finding ? [{ id, text: finding.text, status: finding.status }] : [];
  });
}
