export * from './journey.types';
export { rescale, meanInterval, tQuantile975, EMOTION_MIN, EMOTION_MAX, type MeanInterval } from './statistics';
export { evidenceLevel, evidenceStrength, findingKey, FindingWithoutEvidenceError, STRONG_MIN_PARTICIPANTS, STRONG_MIN_SOURCES } from './evidence';
export { emotionCurve, quoteEmotion, surveyEmotion, type EmotionCurveResult, type EmotionObservation } from './emotion-curve';
export { representativeQuotes, THOUGHTS_PER_STAGE, MIN_CONTENT_WORDS, MAX_CANDIDATES } from './representative-quotes';
export {
  assembleJourney,
  createFinding,
  indexEvidence,
  evidenceWeight,
  stageKpis,
  THEME_VALENCE_THRESHOLD,
  OPPORTUNITIES_PER_STAGE,
  UNKNOWN_VALENCE,
  type CreateFindingParams,
  type EvidenceIndex,
} from './assemble-journey';
export {
  diffJourneys,
  type DiffableJourney,
  type EmotionDelta,
  type FindingChange,
  type FindingChangeField,
  type JourneyDiff,
  type KpiDelta,
  type KpiField,
} from './diff-journeys';
