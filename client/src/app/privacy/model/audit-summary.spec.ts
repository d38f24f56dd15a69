import type { AuditEntryResponse } from '@tropa/contracts';
import { privacyAuditSummary } from './audit-summary';

const entry = (action: AuditEntryResponse['action'], details: Record<string, unknown>): AuditEntryResponse => ({
  id: 'a1',
  action,
  actorId: null,
  actorEmail: null,
  projectId: 'project-1',
  target: null,
  details,
  createdAt: '2026-11-01T00:00:00.000Z',
});

describe('privacyAuditSummary', () => {
  it('should summarise each privacy action by its counts', () => {
    expect(privacyAuditSummary(entry('privacy.erase_participant', { participantId: 'p1', utterances: 4, quotes: 2 }))).toEqual({
      key: 'privacy.audit.participant',
      params: { utterances: 4, quotes: 2 },
    });
    expect(privacyAuditSummary(entry('privacy.erase_respondent', { answers: 5, quotes: 1 }))).toEqual({ key: 'privacy.audit.respondent', params: { answers: 5, quotes: 1 } });
    expect(privacyAuditSummary(entry('privacy.retention', { responses: 120, retentionDays: 30 }))).toEqual({
      key: 'privacy.audit.retention',
      params: { responses: 120, days: 30 },
    });
  });

  it('should leave other actions to the generic details', () => {
    expect(privacyAuditSummary(entry('project.update', { fields: ['name'] }))).toBeNull();
  });
});
