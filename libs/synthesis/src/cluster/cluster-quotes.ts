/**
 * The clustering pipeline used by synthesise():
 *   texts → TF-IDF (words + char n-grams) → randomized SVD → kNN graph on a
 *   sample (all quotes up to GRAPH_SAMPLE) →
 *   (k given) spectral embedding of the graph + constrained spherical k-means |
 *   (auto) HDBSCAN* + spherical refinement on mutual-neighbour-smoothed vectors,
 *   outliers left unclustered → quotes outside the sample are
 *   assigned to the nearest centre → descriptions.
 * Everything random flows from options.seed, so results are reproducible.
 */
import type { Lang, QuoteInput } from '../types';
import { detectLanguage, type Token } from '../text';
import { embedTexts } from '../vectors';
import { crossDots, dotInOrder } from '../vectors/dense';
import { describeClusters } from '../explain';
import { Rng } from '../rng';
import type { ClusterOutput, ClusterQuotesOptions, QuoteCluster, SeedLabels } from './cluster-types';
import { exactKnn, smoothByMutualNeighbours } from './knn';
import { autoCluster } from './auto-cluster';
import { spectralEmbedding } from './spectral-embedding';
import { sphericalKMeans, updateCentroids } from './spherical-kmeans';

/** Largest number of quotes the quadratic kNN graph is built on; the rest are assigned. */
export const GRAPH_SAMPLE = 5000;
const NEIGHBOURS = 15;
/** Smoothing must stay inside the smallest groups we hope to find: few neighbours for small studies. */
function smoothingNeighbours(m: number): number {
  return Math.max(1, Math.min(15, Math.round(Math.sqrt(m) / 4)));
}

function seedEntries(seeds: SeedLabels | undefined): Array<[number, string]> {
  if (!seeds) return [];
  const entries: Array<[number, string]> =
    seeds instanceof Map ? [...seeds.entries()] : Object.entries(seeds).map(([i, key]) => [Number(i), key]);
  return entries.filter(([i, key]) => Number.isInteger(i) && key !== undefined && key !== '');
}

export function clusterQuotes(quotes: readonly QuoteInput[], options: ClusterQuotesOptions = {}): ClusterOutput {
  const n = quotes.length;
  if (n === 0) return { clusters: [], unclustered: [] };
  const seed = options.seed ?? 42;
  const rng = new Rng(seed);
  const langs: Lang[] = quotes.map((q) => q.lang ?? detectLanguage(q.text ?? ''));
  const embedding = embedTexts(
    quotes.map((q) => q.text ?? ''),
    { seed, dimensions: options.dimensions, powerIterations: 1, keepTokens: true },
    langs,
  );
  const { vectors, dim, empty, tokens } = embedding;
  const usable: number[] = [];
  for (let i = 0; i < n; i++) if (!empty[i] && dim > 0) usable.push(i);

  // Seeds: group key → cluster slot; only usable quotes can be pinned.
  const groups = new Map<string, number[]>();
  for (const [i, key] of seedEntries(options.seedLabels)) {
    if (i < 0 || i >= n || empty[i]) continue;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  const groupList = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);

  // Sample for the graph: every seeded quote, then a random subset of the rest.
  const seeded = new Set(groupList.flat());
  let sample = usable;
  if (usable.length > GRAPH_SAMPLE) {
    const rest = rng.shuffle(usable.filter((i) => !seeded.has(i)));
    sample = [...seeded, ...rest.slice(0, Math.max(0, GRAPH_SAMPLE - seeded.size))].sort((a, b) => a - b);
  }
  const m = sample.length;
  const labels = new Int32Array(n).fill(-1);
  if (m === 0) return finish(quotes, langs, labels, vectors, dim, tokens);

  const sampleVectors = new Float64Array(m * dim);
  sample.forEach((i, s) => sampleVectors.set(vectors.subarray(i * dim, i * dim + dim), s * dim));
  const graph = exactKnn(sampleVectors, m, dim, NEIGHBOURS);
  const position = new Map(sample.map((i, s) => [i, s]));

  let k: number;
  const fixed: Int32Array = new Int32Array(m).fill(-1);
  let initial: Float64Array | undefined;
  let automatic = false;
  let sampleLabels: Int32Array;

  if (options.k !== undefined && options.k > 0) {
    k = Math.min(Math.floor(options.k), m);
    // Given k: k-means in the spectral embedding of the kNN graph (k dimensions),
    // with seeds as must-link / cannot-link constraints on the graph.
    groupList.slice(0, k).forEach((members, g) => {
      for (const i of members) fixed[position.get(i) as number] = g;
    });
    const spectral = spectralEmbedding(graph, k, { seed: rng.int(2 ** 31), groups: groupList.length ? fixed : undefined });
    initial = new Float64Array(k * spectral.dim);
    const hasSeeds = groupList.length > 0;
    if (hasSeeds) updateCentroids(spectral.vectors, fixed, m, spectral.dim, k, initial);
    const result = sphericalKMeans(spectral.vectors, m, spectral.dim, k, {
      seed: rng.int(2 ** 31),
      restarts: 8,
      fixed,
      initialCentroids: hasSeeds ? initial : undefined,
    });
    sampleLabels = result.labels;
  } else {
    // Automatic k: density clusters on the graph, refined on neighbour-smoothed vectors.
    const smooth = smoothByMutualNeighbours(sampleVectors, m, dim, graph, smoothingNeighbours(m));
    const seedsFixed = new Int32Array(m).fill(-1);
    groupList.forEach((members, g) => members.forEach((i) => (seedsFixed[position.get(i) as number] = g)));
    const auto = autoCluster({ graph, vectors: smooth, m, dim, groups: groupList.length, fixed: seedsFixed, seed: rng.int(2 ** 31) });
    if (auto.k === 0) return finish(quotes, langs, labels, vectors, dim, tokens);
    k = auto.k;
    automatic = true;
    sampleLabels = auto.labels;
    // Final partition in the spectral embedding with the k found, outliers kept out.
    if (k > 1) {
      const spectral = spectralEmbedding(graph, k, { seed: rng.int(2 ** 31), groups: groupList.length ? seedsFixed : undefined });
      const init = new Float64Array(k * spectral.dim);
      updateCentroids(spectral.vectors, sampleLabels, m, spectral.dim, k, init);
      const skip = new Uint8Array(m);
      for (let s = 0; s < m; s++) if (sampleLabels[s] < 0) skip[s] = 1;
      const fixedSeeds = new Int32Array(m).fill(-1);
      for (let s = 0; s < m; s++) if (seedsFixed[s] >= 0) fixedSeeds[s] = sampleLabels[s];
      const r = sphericalKMeans(spectral.vectors, m, spectral.dim, k, { seed: rng.int(2 ** 31), restarts: 1, fixed: fixedSeeds, skip, initialCentroids: init });
      sampleLabels = r.labels;
    }
  }
  sample.forEach((i, s) => (labels[i] = sampleLabels[s]));

  // Quotes outside the sample: nearest centre (raw vectors), then a few Lloyd passes.
  if (m < usable.length) assignRest(vectors, dim, usable, position, labels, k, automatic);
  return finish(quotes, langs, labels, vectors, dim, tokens);
}

function assignRest(
  vectors: Float64Array,
  dim: number,
  usable: number[],
  position: Map<number, number>,
  labels: Int32Array,
  k: number,
  automatic: boolean,
): void {
  const centroids = new Float64Array(k * dim);
  updateCentroids(vectors, labels, labels.length, dim, k, centroids);
  // Outlier threshold per cluster in this (raw) space: mean − 3·sd of the sampled members' similarity.
  const thresholds = new Float64Array(k).fill(-Infinity);
  if (automatic) {
    const sum = new Float64Array(k);
    const sq = new Float64Array(k);
    const count = new Float64Array(k);
    for (const i of position.keys()) {
      const c = labels[i];
      if (c < 0) continue;
      // Same summation order as the batched similarities below, so a quote identical to a
      // sampled one gets exactly the same similarity (clusters of duplicates have sd 0).
      const s = dotInOrder(vectors, i * dim, centroids, c * dim, dim);
      sum[c] += s;
      sq[c] += s * s;
      count[c]++;
    }
    for (let c = 0; c < k; c++) {
      if (count[c] < 2) continue;
      const mean = sum[c] / count[c];
      // The margin keeps rounding from flagging a quote that sits at the mean of a tight
      // cluster (many duplicates: the sd is 0 and the mean carries summation error).
      thresholds[c] = mean - 3 * Math.sqrt(Math.max(0, sq[c] / count[c] - mean * mean)) - 1e-9;
    }
  }
  // Given k: a few Lloyd passes so the centres also reflect the assigned quotes. Sampled
  // quotes keep their labels (they come from the graph method and include every seed).
  const passes = automatic ? 1 : 3;
  const rest = Int32Array.from(usable.filter((i) => !position.has(i)));
  // Rows are gathered in batches so similarities to all centres come from one tiled product.
  const BATCH = 64;
  const rows = new Float64Array(BATCH * dim);
  const sims = new Float64Array(BATCH * k);
  for (let pass = 0; pass < passes; pass++) {
    for (let from = 0; from < rest.length; from += BATCH) {
      const size = Math.min(BATCH, rest.length - from);
      for (let b = 0; b < size; b++) rows.set(vectors.subarray(rest[from + b] * dim, rest[from + b] * dim + dim), b * dim);
      crossDots(rows, 0, size, centroids, 0, k, dim, sims, k);
      for (let b = 0; b < size; b++) {
        let best = -1;
        let bestS = -Infinity;
        for (let c = 0; c < k; c++) {
          const s = sims[b * k + c];
          if (s > bestS) {
            best = c;
            bestS = s;
          }
        }
        labels[rest[from + b]] = bestS < thresholds[best] ? -1 : best;
      }
    }
    if (pass + 1 < passes) updateCentroids(vectors, labels, labels.length, dim, k, centroids);
  }
}

function finish(
  quotes: readonly QuoteInput[],
  langs: Lang[],
  labels: Int32Array,
  vectors: Float64Array,
  dim: number,
  tokens: Token[][] | undefined,
): ClusterOutput {
  const groups = new Map<number, number[]>();
  const unclustered: string[] = [];
  labels.forEach((c, i) => {
    if (c < 0) unclustered.push(quotes[i].id);
    else {
      const list = groups.get(c) ?? [];
      list.push(i);
      groups.set(c, list);
    }
  });
  const members = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  const descriptions = describeClusters({ quotes, langs, clusters: members, vectors, dim, tokens });
  const clusters: QuoteCluster[] = members.map((list, c) => {
    const d = descriptions[c];
    return {
      id: `c${c + 1}`,
      memberIds: list.map((i) => quotes[i].id),
      scores: d.scores,
      representativeIds: d.representatives.map((i) => quotes[i].id),
      label: d.label,
      keywords: d.keywords,
      cohesion: d.cohesion,
      size: d.size,
      participantShare: d.participantShare,
      sourceShare: d.sourceShare,
      stageDistribution: d.stageDistribution,
      lang: d.lang,
    };
  });
  return { clusters, unclustered };
}
