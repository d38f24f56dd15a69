/**
 * The emotion curve: per stage, the mean of all observations on -2..+2 with a
 * 95 % interval and n. One observation per quote — the mean valence of its
 * emotion tags when any has one, else a person's sentiment (both "moderator"),
 * else the inferred sentiment ("inferred"); quotes with neither are not counted —
 * plus one per survey answer mapped as emotion / CSAT / CES to the stage, rescaled
 * from its scale (reversed scales negated) ("survey"). All observations weigh the same.
 */
import type { EmotionPoint, EmotionSourceKind, EvidenceQuote, JourneyStageInput, SurveyMetricPoint } from './journey.types';
import { mean, meanInterval, rescale, round2 } from './statistics';

export interface EmotionObservation {
  stageId: string;
  value: number;
  source: EmotionSourceKind;
}

/** The observation a quote contributes, or null. */
export function quoteEmotion(quote: EvidenceQuote): { value: number; source: EmotionSourceKind } | null {
  const valences = quote.tags.filter((t) => t.kind === 'emotion' && typeof t.valence === 'number' && Number.isFinite(t.valence)).map((t) => t.valence as number);
  const tagged = mean(valences);
  if (tagged !== null) return { value: tagged, source: 'moderator' };
  if (quote.sentiment === null || !Number.isFinite(quote.sentiment)) return null;
  return { value: quote.sentiment, source: quote.sentimentInferred ? 'inferred' : 'moderator' };
}

/** A survey answer on -2..+2, or null when it is outside its scale. */
export function surveyEmotion(point: SurveyMetricPoint): number | null {
  try {
    const value = rescale(point.value, point.min, point.max);
    return point.reversed ? -value : value;
  } catch {
    return null;
  }
}

export interface EmotionCurveResult {
  points: EmotionPoint[];
  skippedMetricPoints: number;
}

export function emotionCurve(stages: readonly JourneyStageInput[], quotes: readonly EvidenceQuote[], survey: readonly SurveyMetricPoint[]): EmotionCurveResult {
  const stageIds = new Set(stages.map((s) => s.id));
  const observations: EmotionObservation[] = [];
  for (const quote of quotes) {
    if (quote.stageId === null || !stageIds.has(quote.stageId)) continue;
    const emotion = quoteEmotion(quote);
    if (emotion) observations.push({ stageId: quote.stageId, ...emotion });
  }
  let skippedMetricPoints = 0;
  for (const point of survey) {
    const value = stageIds.has(point.stageId) ? surveyEmotion(point) : null;
    if (value === null) skippedMetricPoints++;
    else observations.push({ stageId: point.stageId, value, source: 'survey' });
  }
  const points = stages.map((stage) => emotionPoint(stage.id, observations.filter((o) => o.stageId === stage.id)));
  return { points, skippedMetricPoints };
}

function emotionPoint(stageId: string, observations: readonly EmotionObservation[]): EmotionPoint {
  const interval = meanInterval(observations.map((o) => o.value));
  const breakdown = (source: EmotionSourceKind) => {
    const values = observations.filter((o) => o.source === source).map((o) => o.value);
    const m = mean(values);
    return { n: values.length, mean: m === null ? null : round2(m) };
  };
  return {
    stageId,
    n: interval.n,
    mean: interval.mean,
    low: interval.low,
    high: interval.high,
    sources: { moderator: breakdown('moderator'), survey: breakdown('survey'), inferred: breakdown('inferred') },
  };
}
