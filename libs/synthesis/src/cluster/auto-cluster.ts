/**
 * Automatic number of clusters: HDBSCAN* on the kNN graph proposes clusters
 * (both the excess-of-mass and the leaf selection of its condensed tree), each
 * proposal is refined by spherical k-means started from its centres, and the
 * proposal with the higher simplified silhouette wins. Points far from their
 * centre without local support stay unclustered.
 */
import { hdbscan } from './hdbscan';
import type { KnnGraph } from './knn';
import { sphericalKMeans, updateCentroids } from './spherical-kmeans';
import { crossDots } from '../vectors/dense';

const SUPPORT_VOTES = 1;

export interface AutoClusterInput {
  graph: KnnGraph;
  /** m × dim unit vectors. */
  vectors: Float64Array;
  m: number;
  dim: number;
  /** Number of seed groups; fixed[s] = group of a seeded point or -1. */
  groups: number;
  fixed: Int32Array;
  seed: number;
}

export interface AutoClusterResult {
  labels: Int32Array;
  k: number;
  /** Per-cluster similarity below which an unsupported point is an outlier. */
  thresholds: Float64Array;
  silhouette: number;
}

export function autoCluster(input: AutoClusterInput): AutoClusterResult {
  const { m } = input;
  const minClusterSize = Math.max(3, Math.min(40, Math.round(m / 400)));
  let best: AutoClusterResult | undefined;
  for (const selection of ['eom', 'leaf'] as const) {
    const found = hdbscan(input.graph, { minPoints: Math.min(5, minClusterSize), minClusterSize, selection });
    const candidate = refine(input, found.labels, found.clusters);
    if (!best || candidate.silhouette > best.silhouette + 1e-12) best = candidate;
  }
  return best as AutoClusterResult;
}

function refine(input: AutoClusterInput, proposal: Int32Array, proposed: number): AutoClusterResult {
  const { graph, vectors, m, dim } = input;
  let hl = proposal;
  let count = proposed;
  let fixed = input.fixed;
  // Seeds: a found cluster holding seeded quotes joins the group most of them belong to.
  if (input.groups > 0) ({ labels: hl, count, fixed } = mergeWithSeeds(hl, count, input.groups, input.fixed, m));
  if (count === 0) return { labels: new Int32Array(m).fill(-1), k: 0, thresholds: new Float64Array(0), silhouette: -Infinity };
  const initial = new Float64Array(count * dim);
  updateCentroids(vectors, hl, m, dim, count, initial);
  const refined = sphericalKMeans(vectors, m, dim, count, { seed: input.seed, restarts: 1, fixed, initialCentroids: initial });
  // Outlier rule per cluster: below (mean − 3·sd) of the similarities of the points
  // HDBSCAN itself placed there — a cluster-specific notion of "too far".
  const thresholds = clusterThresholds(refined.labels, refined.similarity, hl, count);
  const labels = Int32Array.from(refined.labels);
  // A far point still stays when its nearest neighbours are in the same cluster:
  // it has local support, it is just worded unusually.
  // Support = a mutual neighbour (s among its neighbours' nearest too) in the same cluster;
  // one-way neighbours do not count, since everybody is somebody's nearest neighbour.
  const near = Math.min(5, graph.k);
  const isNeighbour = (t: number, s: number): boolean => {
    for (let q = 0; q < near; q++) if (graph.indices[t * graph.k + q] === s) return true;
    return false;
  };
  const supported = (s: number, c: number): boolean => {
    let votes = 0;
    for (let q = 0; q < near; q++) {
      const t = graph.indices[s * graph.k + q];
      if (t >= 0 && refined.labels[t] === c && isNeighbour(t, s)) votes++;
    }
    return votes >= SUPPORT_VOTES;
  };
  for (let s = 0; s < m; s++) {
    const c = labels[s];
    if (c >= 0 && fixed[s] < 0 && refined.similarity[s] < thresholds[c] && !supported(s, c)) labels[s] = -1;
  }
  return { labels, k: count, thresholds, silhouette: simplifiedSilhouette(vectors, labels, refined.centroids, m, dim, count) };
}

/**
 * Mean simplified silhouette (Hruschka et al.): for each point (1 − cos to own
 * centre) vs (1 − cos to the nearest other centre); outliers count as 0, so a
 * proposal cannot win by discarding hard points. O(m·k·dim) instead of O(m²).
 */
export function simplifiedSilhouette(vectors: Float64Array, labels: Int32Array, centroids: Float64Array, m: number, dim: number, k: number): number {
  if (k < 2 || m === 0) return k === 1 ? 0 : -Infinity;
  let total = 0;
  // Similarities of a block of points to every centre in one tiled product.
  const BLOCK = 64;
  const sims = new Float64Array(BLOCK * k);
  for (let s0 = 0; s0 < m; s0 += BLOCK) {
    const s1 = Math.min(m, s0 + BLOCK);
    crossDots(vectors, s0, s1, centroids, 0, k, dim, sims, k);
    for (let s = s0; s < s1; s++) {
      const own = labels[s];
      if (own < 0) continue;
      const o = (s - s0) * k;
      const a = 1 - sims[o + own];
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === own) continue;
        b = Math.min(b, 1 - sims[o + c]);
      }
      const denominator = Math.max(a, b);
      total += denominator > 0 ? (b - a) / denominator : 0;
    }
  }
  return total / m;
}

function mergeWithSeeds(
  hl: Int32Array,
  count: number,
  groups: number,
  seeds: Int32Array,
  m: number,
): { labels: Int32Array; count: number; fixed: Int32Array } {
  const votes = Array.from({ length: count }, () => new Map<number, number>());
  for (let s = 0; s < m; s++) if (hl[s] >= 0 && seeds[s] >= 0) votes[hl[s]].set(seeds[s], (votes[hl[s]].get(seeds[s]) ?? 0) + 1);
  const target = new Int32Array(count);
  let next = groups;
  for (let c = 0; c < count; c++) {
    let best = -1;
    let bestVotes = 0;
    for (const [g, v] of votes[c]) if (v > bestVotes || (v === bestVotes && g < best)) [best, bestVotes] = [g, v];
    target[c] = best >= 0 ? best : next++;
  }
  const labels = new Int32Array(m).fill(-1);
  for (let s = 0; s < m; s++) labels[s] = seeds[s] >= 0 ? seeds[s] : hl[s] >= 0 ? target[hl[s]] : -1;
  return { labels, count: next, fixed: seeds };
}

function clusterThresholds(labels: Int32Array, similarity: Float64Array, core: Int32Array, k: number): Float64Array {
  const sum = new Float64Array(k);
  const sq = new Float64Array(k);
  const cnt = new Float64Array(k);
  for (let s = 0; s < labels.length; s++) {
    const c = labels[s];
    if (c < 0 || core[s] !== c) continue;
    sum[c] += similarity[s];
    sq[c] += similarity[s] * similarity[s];
    cnt[c]++;
  }
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    if (cnt[c] < 2) continue;
    const mean = sum[c] / cnt[c];
    const sd = Math.sqrt(Math.max(0, sq[c] / cnt[c] - mean * mean));
    out[c] = mean - 3 * sd;
  }
  return out;
}
