/**
 * Multinomial naive Bayes over binary stem features (each content stem counted
 * once per quote), Laplace-smoothed, with class priors from the training counts.
 *
 * Raw naive Bayes posteriors are famously over-confident, so they are
 * temperature-scaled: p(c|x) ∝ exp(log p(c) + Σ log p(w|c)) ^ (1/T), with T chosen
 * from a fixed grid to minimise the leave-one-out negative log-likelihood of the
 * training quotes (each quote scored by a model without it). That makes the
 * reported probability usable as a threshold.
 */

export interface NaiveBayesExample {
  features: readonly string[];
  label: string;
}

export interface NaiveBayesModel {
  labels: string[];
  /** label → log prior. */
  logPrior: Map<string, number>;
  /** label → (feature → count). */
  counts: Map<string, Map<string, number>>;
  /** label → total feature count. */
  totals: Map<string, number>;
  /** label → number of training examples. */
  docs: Map<string, number>;
  vocabulary: Set<string>;
  alpha: number;
  temperature: number;
}

export const TEMPERATURE_GRID: readonly number[] = [0.25, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16];

function unique(features: readonly string[]): string[] {
  return [...new Set(features)];
}

function logScores(model: NaiveBayesModel, features: readonly string[], exclude?: NaiveBayesExample): number[] {
  const v = model.vocabulary.size;
  const n = [...model.docs.values()].reduce((a, b) => a + b, 0) - (exclude ? 1 : 0);
  const excludeSet = exclude ? new Set(unique(exclude.features)) : undefined;
  return model.labels.map((label) => {
    const counts = model.counts.get(label) ?? new Map<string, number>();
    const own = exclude && exclude.label === label;
    const docs = (model.docs.get(label) ?? 0) - (own ? 1 : 0);
    const total = (model.totals.get(label) ?? 0) - (own && excludeSet ? excludeSet.size : 0);
    let score = exclude ? Math.log((docs + 1) / (n + model.labels.length)) : (model.logPrior.get(label) ?? 0);
    for (const f of features) {
      if (!model.vocabulary.has(f)) continue;
      const c = (counts.get(f) ?? 0) - (own && excludeSet?.has(f) ? 1 : 0);
      score += Math.log((c + model.alpha) / (total + model.alpha * v));
    }
    return score;
  });
}

function softmax(scores: readonly number[], temperature: number): number[] {
  const scaled = scores.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Trains the model and fits its temperature by leave-one-out. */
export function trainNaiveBayes(examples: readonly NaiveBayesExample[], alpha = 0.5): NaiveBayesModel {
  const labels = [...new Set(examples.map((e) => e.label))];
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const docs = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const label of labels) {
    counts.set(label, new Map());
    totals.set(label, 0);
    docs.set(label, 0);
  }
  for (const example of examples) {
    const bag = counts.get(example.label) as Map<string, number>;
    const features = unique(example.features);
    for (const f of features) {
      bag.set(f, (bag.get(f) ?? 0) + 1);
      vocabulary.add(f);
    }
    totals.set(example.label, (totals.get(example.label) ?? 0) + features.length);
    docs.set(example.label, (docs.get(example.label) ?? 0) + 1);
  }
  const logPrior = new Map<string, number>();
  for (const label of labels) {
    logPrior.set(label, Math.log(((docs.get(label) ?? 0) + 1) / (examples.length + labels.length)));
  }
  const model: NaiveBayesModel = { labels, logPrior, counts, totals, docs, vocabulary, alpha, temperature: 1 };

  // Leave-one-out scores once, then pick the temperature with the lowest NLL.
  const loo = examples.map((example) => ({
    scores: logScores(model, unique(example.features), example),
    truth: labels.indexOf(example.label),
  }));
  let bestT = 1;
  let bestNll = Infinity;
  for (const t of TEMPERATURE_GRID) {
    let nll = 0;
    for (const { scores, truth } of loo) nll -= Math.log(Math.max(1e-12, softmax(scores, t)[truth]));
    if (nll < bestNll - 1e-9) {
      bestNll = nll;
      bestT = t;
    }
  }
  model.temperature = bestT;
  return model;
}

/** label → calibrated probability, or null when no feature is known to the model. */
export function predictNaiveBayes(model: NaiveBayesModel, features: readonly string[]): Map<string, number> | null {
  const known = unique(features).filter((f) => model.vocabulary.has(f));
  if (known.length === 0 || model.labels.length === 0) return null;
  const probs = softmax(logScores(model, known), model.temperature);
  return new Map(model.labels.map((label, i) => [label, probs[i]]));
}
