/**
 * Stage of every quote: its stage tag when it has one; otherwise a naive Bayes
 * classifier trained on the project's own stage-tagged quotes; otherwise (or when
 * the classifier is unsure or sees no known word) the stage lexicon; otherwise
 * "unknown".
 *
 * The classifier is used only with enough evidence: at least MIN_TAGGED_TOTAL (20)
 * tagged quotes in all, and at least two stages with MIN_TAGGED_PER_STAGE (3)
 * tagged quotes each; it is trained on those stages only. Below that, tagged
 * quotes keep their tags and everything else goes to the lexicon.
 * A prediction below `minProbability` (default 0.45), or less than MIN_MARGIN (0.1)
 * ahead of the runner-up, is not taken.
 * The lexicon's probability is the share of cue hits that went to the winning
 * stage (a tie between stages is no answer); it is not calibrated.
 */
import { NUMBER_PLACEHOLDER, foldWord, tokenise } from '../text';
import { PhraseIndex } from '../sentiment/phrase-index';
import type { QuoteInput, StageInput } from '../types';
import { matchStagesToLexicon } from './match-stage-names';
import { predictNaiveBayes, trainNaiveBayes, type NaiveBayesModel } from './naive-bayes';
import { STAGE_LEXICON, type StageKey } from './stage-lexicon';

export type StageSource = 'tag' | 'classifier' | 'lexicon' | 'unknown';

export interface StageAssignment {
  quoteId: string;
  stageId: string | null;
  /** 1 for a tag; the calibrated probability for the classifier; the cue share for the lexicon. */
  probability: number;
  source: StageSource;
  /** stage id → probability, when a model produced one. */
  distribution?: Record<string, number>;
}

export interface StageOptions {
  minProbability?: number;
  minTaggedTotal?: number;
  minTaggedPerStage?: number;
}

export interface StageModelInfo {
  mode: 'classifier' | 'lexicon';
  taggedQuotes: number;
  /** Stages the classifier was trained on (empty in lexicon mode). */
  trainedStageIds: string[];
  /** Stages the lexicon can predict (their names matched a lexicon stage). */
  lexiconStageIds: string[];
  temperature: number | null;
}

export interface StageClassifier {
  info: StageModelInfo;
  assign(quote: QuoteInput): StageAssignment;
}

export const MIN_TAGGED_TOTAL = 20;
export const MIN_TAGGED_PER_STAGE = 3;
export const MIN_STAGE_PROBABILITY = 0.45;
export const MIN_MARGIN = 0.1;

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The quote's tagged stage id, when a stage tag names a known stage (by id, else by name). */
export function taggedStageId(quote: QuoteInput, stages: readonly StageInput[]): string | null {
  for (const tag of quote.tags ?? []) {
    if (tag.kind !== 'stage') continue;
    const byId = stages.find((s) => s.id === tag.id);
    if (byId) return byId.id;
    const name = foldWord((tag.name ?? '').trim());
    const byName = stages.find((s) => foldWord(s.name.trim()) === name);
    if (byName) return byName.id;
  }
  return null;
}

function featuresOf(quote: QuoteInput): string[] {
  return tokenise(quote.text ?? '', quote.lang)
    .filter((t) => !t.stop && t.norm !== NUMBER_PLACEHOLDER && t.stem.length > 1)
    .map((t) => t.stem);
}

function cueIndexes(stages: readonly StageInput[]): Array<{ stageId: string; index: PhraseIndex<true> }> {
  const mapping = matchStagesToLexicon(stages);
  const cache = new Map<StageKey, PhraseIndex<true>>();
  const out: Array<{ stageId: string; index: PhraseIndex<true> }> = [];
  for (const stage of [...stages].sort((a, b) => a.order - b.order)) {
    const key = mapping.get(stage.id);
    if (!key) continue;
    let index = cache.get(key);
    if (!index) {
      index = new PhraseIndex<true>();
      const entry = STAGE_LEXICON.find((e) => e.key === key);
      for (const cue of (entry?.cues ?? '').split(/[,\n]/).map((c) => c.trim()).filter(Boolean)) index.add(cue, true);
      cache.set(key, index);
    }
    out.push({ stageId: stage.id, index });
  }
  return out;
}

/** Lexicon guess for a text: stage id, cue share and the distribution, or null. */
function lexiconGuess(
  text: string,
  lang: QuoteInput['lang'],
  indexes: ReadonlyArray<{ stageId: string; index: PhraseIndex<true> }>,
): { stageId: string; probability: number; distribution: Record<string, number> } | null {
  if (indexes.length === 0 || !text) return null;
  const tokens = tokenise(text, lang);
  const hits = new Map<string, number>();
  let total = 0;
  for (const { stageId, index } of indexes) {
    const n = index.findAll(tokens).length;
    if (n > 0) {
      hits.set(stageId, (hits.get(stageId) ?? 0) + n);
      total += n;
    }
  }
  if (total === 0) return null;
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) return null;
  const distribution: Record<string, number> = {};
  for (const [id, n] of hits) distribution[id] = round4(n / total);
  return { stageId: ranked[0][0], probability: round4(ranked[0][1] / total), distribution };
}

/** Trains on the tagged quotes (when there are enough) and returns the assigner. */
export function buildStageClassifier(
  quotes: readonly QuoteInput[],
  stages: readonly StageInput[],
  options: StageOptions = {},
): StageClassifier {
  const minProbability = options.minProbability ?? MIN_STAGE_PROBABILITY;
  const minTotal = options.minTaggedTotal ?? MIN_TAGGED_TOTAL;
  const minPerStage = options.minTaggedPerStage ?? MIN_TAGGED_PER_STAGE;

  const tagged = quotes
    .map((q) => ({ quote: q, stageId: taggedStageId(q, stages) }))
    .filter((x): x is { quote: QuoteInput; stageId: string } => x.stageId !== null);
  const perStage = new Map<string, number>();
  for (const t of tagged) perStage.set(t.stageId, (perStage.get(t.stageId) ?? 0) + 1);
  const trainable = stages.filter((s) => (perStage.get(s.id) ?? 0) >= minPerStage).map((s) => s.id);

  let model: NaiveBayesModel | null = null;
  if (tagged.length >= minTotal && trainable.length >= 2) {
    const examples = tagged
      .filter((t) => trainable.includes(t.stageId))
      .map((t) => ({ features: featuresOf(t.quote), label: t.stageId }));
    model = trainNaiveBayes(examples);
  }
  const indexes = cueIndexes(stages);
  const info: StageModelInfo = {
    mode: model ? 'classifier' : 'lexicon',
    taggedQuotes: tagged.length,
    trainedStageIds: model ? stages.filter((s) => trainable.includes(s.id)).map((s) => s.id) : [],
    lexiconStageIds: indexes.map((i) => i.stageId),
    temperature: model ? model.temperature : null,
  };

  const assign = (quote: QuoteInput): StageAssignment => {
    const tag = taggedStageId(quote, stages);
    if (tag) return { quoteId: quote.id, stageId: tag, probability: 1, source: 'tag' };
    let best = 0;
    let classifierDistribution: Record<string, number> | undefined;
    if (model) {
      const probs = predictNaiveBayes(model, featuresOf(quote));
      if (probs) {
        classifierDistribution = {};
        let top: string | null = null;
        // Stage order breaks exact ties.
        for (const stage of stages) {
          const p = probs.get(stage.id);
          if (p === undefined) continue;
          classifierDistribution[stage.id] = round4(p);
          if (top === null || p > (probs.get(top) ?? 0)) top = stage.id;
        }
        best = top ? (probs.get(top) ?? 0) : 0;
        const runnerUp = Math.max(0, ...[...probs.entries()].filter(([id]) => id !== top).map(([, p]) => p));
        if (top && best >= minProbability && best - runnerUp >= MIN_MARGIN) {
          return { quoteId: quote.id, stageId: top, probability: round4(best), source: 'classifier', distribution: classifierDistribution };
        }
      }
    }
    const guess = lexiconGuess(quote.text ?? '', quote.lang, indexes);
    if (guess && guess.probability >= minProbability) {
      return { quoteId: quote.id, stageId: guess.stageId, probability: guess.probability, source: 'lexicon', distribution: guess.distribution };
    }
    const unknown: StageAssignment = { quoteId: quote.id, stageId: null, probability: round4(best), source: 'unknown' };
    if (classifierDistribution) unknown.distribution = classifierDistribution;
    return unknown;
  };

  return { info, assign };
}

/** Stage of every quote, in input order. */
export function assignStages(
  quotes: readonly QuoteInput[],
  stages: readonly StageInput[],
  options: StageOptions = {},
): StageAssignment[] {
  const classifier = buildStageClassifier(quotes, stages, options);
  return quotes.map((q) => classifier.assign(q));
}
