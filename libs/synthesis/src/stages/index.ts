export {
  assignStages,
  buildStageClassifier,
  taggedStageId,
  MIN_TAGGED_TOTAL,
  MIN_TAGGED_PER_STAGE,
  MIN_STAGE_PROBABILITY,
  MIN_MARGIN,
} from './assign-stages';
export type { StageAssignment, StageSource, StageOptions, StageModelInfo, StageClassifier } from './assign-stages';
export { stageKeyOf, matchStagesToLexicon } from './match-stage-names';
export { STAGE_LEXICON } from './stage-lexicon';
export type { StageKey, StageLexiconEntry } from './stage-lexicon';
export { trainNaiveBayes, predictNaiveBayes, TEMPERATURE_GRID } from './naive-bayes';
export type { NaiveBayesModel, NaiveBayesExample } from './naive-bayes';
