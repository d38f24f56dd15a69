import type { QuoteTagApplication } from '@tropa/contracts';

/** One tag on a quote with everyone who applied it (each coder's application is kept apart). */
export interface QuoteTagGroup {
  tagId: string;
  appliedBy: Array<string | null>;
}

/** The applications grouped by tag, in the order the tags were first applied. */
export function groupTagApplications(applications: readonly QuoteTagApplication[]): QuoteTagGroup[] {
  const groups = new Map<string, QuoteTagGroup>();
  for (const application of applications) {
    const group = groups.get(application.tagId) ?? { tagId: application.tagId, appliedBy: [] };
    if (!group.appliedBy.includes(application.appliedBy)) {
      group.appliedBy.push(application.appliedBy);
    }
    groups.set(application.tagId, group);
  }
  return [...groups.values()];
}
