import type { AgreementResponse, MemberResponse, QuoteResponse, TagResponse } from '@tropa/contracts';

/** Builders of codebook, quote and agreement responses for the sessions' coding tests. */
export function aTag(overrides: Partial<TagResponse> = {}): TagResponse {
  return {
    id: 'tag-1',
    parentId: null,
    kind: 'pain',
    name: 'Pain',
    color: '#ff0000',
    description: '',
    shortcut: null,
    stageId: null,
    valence: null,
    usage: 0,
    ...overrides,
  };
}

export function aHighlight(overrides: Partial<QuoteResponse> = {}): QuoteResponse {
  return {
    id: 'quote-1',
    sourceType: 'transcript',
    text: 'text',
    sessionId: 'session-1',
    utteranceId: 'utterance-0',
    surveyId: null,
    responseId: null,
    questionName: null,
    sourceTitle: null,
    speaker: null,
    start: 0,
    end: 4,
    participantKey: null,
    stageId: null,
    sentiment: null,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aMember(overrides: Partial<MemberResponse> = {}): MemberResponse {
  return { userId: 'user-1', email: 'anna@example.com', displayName: 'Anna', role: 'researcher', joinedAt: '2026-01-01T00:00:00.000Z', ...overrides };
}

export function anAgreement(overrides: Partial<AgreementResponse> = {}): AgreementResponse {
  return {
    coderA: 'user-1',
    coderB: 'user-2',
    units: 10,
    percentAgreement: 0.9,
    kappa: 0.72,
    tags: [{ tagId: 'tag-1', tagName: 'Pain', units: 3, percentAgreement: 0.9, kappa: 0.72 }],
    disagreements: [{ utteranceId: 'utterance-3', position: 3, speaker: 'Vera', text: 'Too slow', onlyA: ['Pain'], onlyB: [] }],
    ...overrides,
  };
}
