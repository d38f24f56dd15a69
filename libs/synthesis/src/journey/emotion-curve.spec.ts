import { assembleJourney } from './assemble-journey';
import { emotionCurve } from './emotion-curve';
import { enInput, evidenceQuote } from './journey.fixtures';
import type { JourneyStageInput, SurveyMetricPoint } from './journey.types';
import { meanInterval, rescale, tQuantile975 } from './statistics';

const stages: JourneyStageInput[] = [{ id: 's', name: 'Service', order: 1 }];
const inferred = (id: string, sentiment: number, participantKey = id) => evidenceQuote(id, 'text', { stageId: 's', sentiment, participantKey });

describe('rescale', () => {
  it('should map the ends and the middle of a scale to -2, +2 and 0', () => {
    expect(rescale(1, 1, 5)).toBe(-2);
    expect(rescale(5, 1, 5)).toBe(2);
    expect(rescale(3, 1, 5)).toBe(0);
    expect(rescale(7, 0, 10)).toBeCloseTo(0.8, 10);
  });

  it('should refuse an empty scale or a value outside it', () => {
    expect(() => rescale(3, 5, 5)).toThrow(RangeError);
    expect(() => rescale(6, 1, 5)).toThrow('outside the scale');
    expect(() => rescale(Number.NaN, 1, 5)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('should give no interval when there is one observation', () => {
    expect(meanInterval([1.5])).toEqual({ n: 1, mean: 1.5, low: null, high: null });
  });

  it('should use Student t with n − 1 degrees of freedom when n is small', () => {
    // mean 0.5, s = √0.3, t(0.975, 5) = 2.571 → half width 0.575
    expect(meanInterval([0, 1, 0, 1, 0, 1])).toEqual({ n: 6, mean: 0.5, low: -0.07, high: 1.07 });
  });

  it('should clip the interval to the -2..+2 scale', () => {
    expect(meanInterval([2, 1])).toEqual({ n: 2, mean: 1.5, low: -2, high: 2 });
  });

  it('should approach the normal quantile when the sample is large', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
  });
});

describe('emotionCurve', () => {
  it('should report n = 1 without an interval when a stage has one quote', () => {
    const { points } = emotionCurve(stages, [inferred('q1', -1)], []);
    expect(points[0]).toMatchObject({ stageId: 's', n: 1, mean: -1, low: null, high: null });
  });

  it('should combine moderator tags, rescaled survey answers and inferred sentiment with their breakdown', () => {
    const quotes = [
      evidenceQuote('q1', 'text', { stageId: 's', sentiment: 1, tags: [{ kind: 'emotion', id: 'e', name: 'Anger', valence: -2 }] }),
      evidenceQuote('q2', 'text', { stageId: 's', sentiment: -1, sentimentInferred: false }),
      inferred('q3', 1),
      evidenceQuote('q4', 'no sentiment', { stageId: 's' }),
    ];
    const survey: SurveyMetricPoint[] = [
      { stageId: 's', kind: 'csat', value: 5, min: 1, max: 5, respondentKey: 'r1', sourceId: 'v', personaId: null },
      { stageId: 's', kind: 'ces', value: 7, min: 1, max: 7, reversed: true, respondentKey: 'r2', sourceId: 'v', personaId: null },
      { stageId: 's', kind: 'emotion', value: 11, min: 0, max: 10, respondentKey: 'r3', sourceId: 'v', personaId: null },
      { stageId: 'unknown', kind: 'emotion', value: 3, min: 0, max: 10, respondentKey: 'r3', sourceId: 'v', personaId: null },
    ];
    const { points, skippedMetricPoints } = emotionCurve(stages, quotes, survey);
    expect(skippedMetricPoints).toBe(2);
    expect(points[0].n).toBe(5);
    expect(points[0].mean).toBe(-0.4);
    expect(points[0].sources).toEqual({ moderator: { n: 2, mean: -1.5 }, survey: { n: 2, mean: 0 }, inferred: { n: 1, mean: 1 } });
    expect(points[0].low).not.toBeNull();
  });

  it('should draw one series per persona when asked', () => {
    const map = assembleJourney(enInput({ byPersona: true }));
    expect(map.emotion.byPersona.map((s) => s.personaId)).toEqual(['pA', 'pB']);
    const pu = map.emotion.byPersona[1].points.find((p) => p.stageId === 'pu');
    expect(pu?.sources.survey).toEqual({ n: 2, mean: -1.5 });
    expect(assembleJourney(enInput()).emotion.byPersona).toEqual([]);
  });
});
