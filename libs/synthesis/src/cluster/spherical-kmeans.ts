/**
 * Spherical k-means (cosine similarity, unit-length centroids) with k-means++
 * seeding, several restarts (the best objective wins) and optional constraints:
 * `fixed[i] = c` pins point i to cluster c (seeded / constrained k-means of
 * Basu et al. 2002), which is how moderators' job tags steer the clustering.
 * Always returns exactly k non-empty clusters when there are at least k usable
 * points: an empty cluster is re-seeded with the worst-fitting point.
 */
import { Rng } from '../rng';
import { dot4 } from '../vectors/dense';

export interface KMeansOptions {
  seed?: number;
  restarts?: number;
  maxIterations?: number;
  /** Iterations each restart gets before the best one is continued (default 6). */
  probeIterations?: number;
  /** Per point: cluster index it must belong to, or -1. */
  fixed?: Int32Array;
  /** Per point: 1 to ignore it (empty vectors); ignored points get label -1. */
  skip?: Uint8Array;
  /** Initial centroids (k × dim) for some clusters; rows of zeros are seeded by k-means++. */
  initialCentroids?: Float64Array;
}

export interface KMeansResult {
  labels: Int32Array;
  centroids: Float64Array;
  /** Sum over points of cosine to their centroid (higher is better). */
  objective: number;
  /** Cosine of each point to its centroid. */
  similarity: Float64Array;
  /** True when assignments stopped changing before the iteration limit. */
  converged: boolean;
}

export function sphericalKMeans(
  vectors: Float64Array,
  n: number,
  dim: number,
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  const rng = new Rng(options.seed ?? 42);
  // With all centroids given up front, restarts would all be identical.
  const restarts = options.initialCentroids && !hasZeroRows(options.initialCentroids, k, dim) ? 1 : Math.max(1, options.restarts ?? 8);
  const maxIterations = options.maxIterations ?? 40;
  // Restarts are compared after a short probe (most of the objective is settled in the
  // first iterations); only the winner runs to convergence. Same choice, a fraction of the cost.
  const probe = restarts > 1 ? Math.min(maxIterations, options.probeIterations ?? 6) : maxIterations;
  let best: KMeansResult | undefined;
  for (let r = 0; r < restarts; r++) {
    const result = runOnce(vectors, n, dim, k, { ...options, maxIterations: probe }, rng.fork());
    if (!best || result.objective > best.objective + 1e-9) best = result;
  }
  if (best && probe < maxIterations && !best.converged) {
    best = runOnce(vectors, n, dim, k, { ...options, initialCentroids: best.centroids, maxIterations: maxIterations - probe }, rng.fork());
  }
  return best as KMeansResult;
}

function hasZeroRows(c: Float64Array, k: number, dim: number): boolean {
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += Math.abs(c[j * dim + d]);
    if (s === 0) return true;
  }
  return false;
}

function runOnce(vectors: Float64Array, n: number, dim: number, k: number, options: KMeansOptions, rng: Rng): KMeansResult {
  const skip = options.skip;
  const fixed = options.fixed;
  const centroids = new Float64Array(k * dim);
  const hasCentroid = new Uint8Array(k);
  if (options.initialCentroids) {
    centroids.set(options.initialCentroids);
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += centroids[j * dim + d] * centroids[j * dim + d];
      if (s > 0) hasCentroid[j] = 1;
    }
  }
  seedPlusPlus(vectors, n, dim, k, centroids, hasCentroid, skip, rng);

  const labels = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  const maxIterations = options.maxIterations ?? 40;
  let objective = -Infinity;
  let converged = false;
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (skip && skip[i]) continue;
      let bestJ = fixed && fixed[i] >= 0 ? fixed[i] : -1;
      let bestS = -Infinity;
      const o = i * dim;
      if (bestJ >= 0) {
        bestS = dot(vectors, o, centroids, bestJ * dim, dim);
      } else {
        for (let j = 0; j < k; j++) {
          const s = dot(vectors, o, centroids, j * dim, dim);
          if (s > bestS) {
            bestS = s;
            bestJ = j;
          }
        }
      }
      if (labels[i] !== bestJ) changed++;
      labels[i] = bestJ;
      similarity[i] = bestS;
      total += bestS;
    }
    objective = total;
    repairEmpty(labels, similarity, n, k, fixed);
    updateCentroids(vectors, labels, n, dim, k, centroids);
    // Stop when (almost) nothing moves: the last few flips barely change the objective.
    if (changed <= Math.floor(n / 2000)) {
      converged = true;
      break;
    }
  }
  // Final similarities against the final centroids.
  objective = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] < 0) continue;
    similarity[i] = dot(vectors, i * dim, centroids, labels[i] * dim, dim);
    objective += similarity[i];
  }
  return { labels, centroids, objective, similarity, converged };
}

const dot = dot4;

/** k-means++ on the sphere: next centre drawn with probability ∝ (1 − max cosine to chosen centres). */
function seedPlusPlus(
  vectors: Float64Array,
  n: number,
  dim: number,
  k: number,
  centroids: Float64Array,
  has: Uint8Array,
  skip: Uint8Array | undefined,
  rng: Rng,
): void {
  const usable: number[] = [];
  for (let i = 0; i < n; i++) if (!(skip && skip[i])) usable.push(i);
  if (usable.length === 0) return;
  const distance = new Float64Array(n).fill(Infinity);
  const consider = (j: number): void => {
    for (const i of usable) {
      const d = Math.max(0, 1 - dot(vectors, i * dim, centroids, j * dim, dim));
      if (d < distance[i]) distance[i] = d;
    }
  };
  let any = false;
  for (let j = 0; j < k; j++) {
    if (has[j]) {
      consider(j);
      any = true;
    }
  }
  for (let j = 0; j < k; j++) {
    if (has[j]) continue;
    let pick = usable[rng.int(usable.length)];
    if (any) {
      let total = 0;
      for (const i of usable) total += distance[i];
      if (total > 0) {
        let r = rng.next() * total;
        for (const i of usable) {
          r -= distance[i];
          if (r <= 0) {
            pick = i;
            break;
          }
        }
      }
    }
    centroids.set(vectors.subarray(pick * dim, pick * dim + dim), j * dim);
    has[j] = 1;
    any = true;
    consider(j);
  }
}

/** Give every empty cluster the free point that fits its own cluster worst. */
function repairEmpty(labels: Int32Array, similarity: Float64Array, n: number, k: number, fixed: Int32Array | undefined): void {
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) if (labels[i] >= 0) counts[labels[i]]++;
  for (let j = 0; j < k; j++) {
    if (counts[j] > 0) continue;
    let worst = -1;
    for (let i = 0; i < n; i++) {
      if (labels[i] < 0 || counts[labels[i]] < 2 || (fixed && fixed[i] >= 0)) continue;
      if (worst < 0 || similarity[i] < similarity[worst]) worst = i;
    }
    if (worst < 0) continue;
    counts[labels[worst]]--;
    labels[worst] = j;
    similarity[worst] = 1;
    counts[j]++;
  }
}

/** Centroid = normalised sum of members (the spherical k-means update). */
export function updateCentroids(vectors: Float64Array, labels: Int32Array, n: number, dim: number, k: number, centroids: Float64Array): void {
  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const j = labels[i];
    if (j < 0) continue;
    counts[j]++;
    const o = i * dim;
    const c = j * dim;
    for (let d = 0; d < dim; d++) sums[c + d] += vectors[o + d];
  }
  for (let j = 0; j < k; j++) {
    if (counts[j] === 0) continue; // keep the previous centroid
    let s = 0;
    for (let d = 0; d < dim; d++) s += sums[j * dim + d] * sums[j * dim + d];
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < dim; d++) centroids[j * dim + d] = sums[j * dim + d] * inv;
  }
}
