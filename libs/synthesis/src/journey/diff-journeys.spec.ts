import { assembleJourney } from './assemble-journey';
import { diffJourneys } from './diff-journeys';
import { EN_QUOTES, enInput, evidenceQuote, touchpointAnalysisOf } from './journey.fixtures';

describe('diffJourneys', () => {
  const v1 = assembleJourney(enInput());

  it('should find nothing changed when the same evidence is assembled again', () => {
    const diff = diffJourneys(v1, JSON.parse(JSON.stringify(assembleJourney(enInput()))));
    expect(diff).toMatchObject({ added: [], removed: [], changed: [], kpis: [] });
    expect(diff.unchanged).toBe(v1.findings.length);
    expect(diff.emotion.every((e) => e.delta === 0)).toBe(true);
  });

  it('should report added, removed and changed findings when new evidence arrives', () => {
    const newQuote = evidenceQuote('q16', 'The hidden fees were also a problem for me', {
      stageId: 'pu',
      sentiment: -2,
      participantKey: 'p5',
      sourceId: 's2',
      personaId: 'pB',
      tags: [
        { kind: 'pain', id: 'pain-fees', name: 'Hidden fees' },
        { kind: 'decision', id: 'dec-cancel', name: 'Decides to cancel' },
      ],
    });
    const quotes = [...EN_QUOTES, newQuote];
    const v2 = assembleJourney(
      enInput({
        quotes,
        touchpoints: touchpointAnalysisOf(quotes, [{ id: 'tp-site', name: 'Website' }], 'en'),
        jobs: [],
        metrics: [
          { stageId: 'aw', leads: 1000 },
          { stageId: 'co', leads: 400 },
          { stageId: 'pu', leads: 120, averageCheck: 25, purchaseFrequency: 1.5 },
        ],
      }),
    );

    const diff = diffJourneys(v1, v2);

    expect(diff.added.map((f) => f.key)).toContain('decisions|pu|tag:dec-cancel');
    expect(diff.removed.map((f) => f.key)).toEqual(expect.arrayContaining(['jobs|aw|job:j1', 'jobs|co|job:j1', 'jobs|pu|job:j1']));
    const fees = diff.changed.find((c) => c.key === 'pains|pu|tag:pain-fees');
    expect(fees).toMatchObject({ changes: ['evidence', 'strength'], evidenceAdded: ['q16'], evidenceRemoved: [], levelBefore: 'weak', levelAfter: 'moderate' });
    const pu = diff.emotion.find((e) => e.stageId === 'pu');
    expect(pu).toMatchObject({ nBefore: 11, nAfter: 12 });
    expect(pu?.delta).toBeLessThan(0);
    expect(diff.kpis).toEqual([
      { stageId: 'aw', field: 'conversion', before: 0.3, after: 0.4, delta: 0.1 },
      { stageId: 'co', field: 'leads', before: 300, after: 400, delta: 100 },
      { stageId: 'co', field: 'conversion', before: 0.4, after: 0.3, delta: -0.1 },
    ]);
  });

  it('should mark a finding changed when only its text differs', () => {
    const renamed = assembleJourney(
      enInput({ jobs: [{ id: 'j1', title: 'Coffee at home', statement: 'When I run out of coffee, I want a refill', quoteIds: ['q2', 'q5', 'q13'] }] }),
    );
    const diff = diffJourneys(v1, renamed);
    expect(diff.changed.map((c) => [c.key, c.changes])).toEqual([
      ['jobs|aw|job:j1', ['text']],
      ['jobs|co|job:j1', ['text']],
      ['jobs|pu|job:j1', ['text']],
    ]);
    expect(diff.removed).toEqual([]);
  });
});
