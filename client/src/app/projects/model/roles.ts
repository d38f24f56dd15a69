import type { ProjectRole } from '@tropa/contracts';

/** Research data: surveys, sessions, stages, personas, touchpoints; starting the synthesis. */
export const CONTENT_EDITORS: readonly ProjectRole[] = ['owner', 'researcher'];
/** What the platform synthesised: clusters, jobs, the map's findings, recommendations, KPIs, versions. */
export const REVIEWERS: readonly ProjectRole[] = ['owner', 'researcher', 'strategist'];

export function hasRole(role: ProjectRole | null, roles: readonly ProjectRole[]): boolean {
  return role !== null && roles.includes(role);
}
