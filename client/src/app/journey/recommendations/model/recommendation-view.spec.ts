import type { FindingResponse, RecommendationResponse } from '@tropa/contracts';
import { canEditJourney, findingGroups, linkedFindings, priorityLevel, priorityText } from './recommendation-view';

function finding(overrides: Partial<FindingResponse>): FindingResponse {
  return {
    id: 'f',
    key: 'k',
    stageId: 'awareness',
    lane: 'pains',
    text: 'Text',
    assembledText: 'Text',
    quoteIds: ['q1'],
    strength: { quotes: 1, participants: 1, sources: 1, sessions: 1, surveys: 0, level: 'weak' },
    score: 1,
    status: 'proposed',
    rejectReason: null,
    reviewedBy: null,
    reviewedAt: null,
    isNew: false,
    comments: 0,
    ...overrides,
  };
}

const stages = [
  { id: 'purchase', name: 'Purchase', order: 2 },
  { id: 'awareness', name: 'Awareness', order: 1 },
];

describe('recommendation-view', () => {
  it('should let owners, researchers and strategists edit and moderators only read', () => {
    expect(canEditJourney('owner')).toBe(true);
    expect(canEditJourney('researcher')).toBe(true);
    expect(canEditJourney('strategist')).toBe(true);
    expect(canEditJourney('moderator')).toBe(false);
    expect(canEditJourney(null)).toBe(false);
  });

  it('should band priorities into high, medium and low', () => {
    expect(priorityLevel(7.5)).toBe('high');
    expect(priorityLevel(6)).toBe('high');
    expect(priorityLevel(2)).toBe('medium');
    expect(priorityLevel(1.9)).toBe('low');
    expect(priorityText(7.46, 'en')).toBe('7.5');
    expect(priorityText(2, 'ru')).toBe('2');
    expect(priorityText(0.25, 'ru')).toBe('0,3');
  });

  it('should group findings by stage in map order then lane, strongest first', () => {
    const map = {
      stages,
      findings: [
        finding({ id: 'buy-pain', stageId: 'purchase', lane: 'pains' }),
        finding({ id: 'aw-gain', stageId: 'awareness', lane: 'gains' }),
        finding({ id: 'aw-pain-low', stageId: 'awareness', lane: 'pains', score: 1 }),
        finding({ id: 'aw-pain-high', stageId: 'awareness', lane: 'pains', score: 5 }),
      ],
    };

    const groups = findingGroups(map, ['pains', 'gains']);

    expect(groups.map((group) => `${group.stageName}/${group.lane}`)).toEqual(['Awareness/pains', 'Awareness/gains', 'Purchase/pains']);
    expect(groups[0].findings.map((option) => option.id)).toEqual(['aw-pain-high', 'aw-pain-low']);
  });

  it('should leave out rejected findings unless the recommendation already links them', () => {
    const map = { stages, findings: [finding({ id: 'gone', status: 'rejected' }), finding({ id: 'kept', status: 'rejected', stageId: 'purchase' })] };

    expect(findingGroups(map, ['pains'], ['kept']).flatMap((group) => group.findings.map((option) => option.id))).toEqual(['kept']);
    expect(findingGroups(null, ['pains'])).toEqual([]);
  });

  it('should label linked findings with their text and skip those no longer on the map', () => {
    const byId = new Map([['f1', finding({ id: 'f1', text: 'Long queue at the till' })]]);
    const recommendation = { findingIds: ['f1', 'missing'] } as RecommendationResponse;

    expect(linkedFindings(recommendation, byId)).toEqual([{ id: 'f1', text: 'Long queue at the till', status: 'proposed' }]);
  });
});
