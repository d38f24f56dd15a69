import type { AuditEntryResponse } from '@tropa/contracts';
import type { MessageKey } from '../../core/i18n/messages.en';

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** A privacy audit entry's details as a sentence (counts only: erasures record no erased data); null for other actions. */
export function privacyAuditSummary(entry: AuditEntryResponse): { key: MessageKey; params: Record<string, number> } | null {
  const d = entry.details;
  if (entry.action === 'privacy.erase_participant') {
    return { key: 'privacy.audit.participant', params: { utterances: count(d['utterances']), quotes: count(d['quotes']) } };
  }
  if (entry.action === 'privacy.erase_respondent') {
    return { key: 'privacy.audit.respondent', params: { answers: count(d['answers']), quotes: count(d['quotes']) } };
  }
  if (entry.action === 'privacy.retention') {
    return { key: 'privacy.audit.retention', params: { responses: count(d['responses']), days: count(d['retentionDays']) } };
  }
  return null;
}
