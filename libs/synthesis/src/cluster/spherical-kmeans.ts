/**
 * Spherical k-means (cosine similarity, unit-length centroids) with k-means++
 * seeding, several restarts (the best objective wins) and optional constraints:
 * `fixed[i] = c` pins point i to cluster c (seeded / constrained k-means of
 * Basu et al. 2002), which is how moderators' job tags steer the clustering.
 * Always returns exactly k non-empty clusters when there are at least k usable
 * points: an empty cluster is re-seeded with the worst-fitting point.
 */
import { Rng } from '../rng';
import { crossDots, dot4, dotInOrder } from '../vectors/dense';

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
  // One options shape for every run keeps runOnce's optimised code valid across calls.
  const run = (initialCentroids: Float64Array | undefined, iterations: number, random: Rng): KMeansResult =>
    runOnce(vectors, n, dim, k, { skip: options.skip, fixed: options.fixed, initialCentroids, maxIterations: iterations }, random);
  for (let r = 0; r < restarts; r++) {
    const result = run(options.initialCentroids, probe, rng.fork());
    if (!best || result.objective > best.objective + 1e-9) best = result;
  }
  if (best && probe < maxIterations && !best.converged) best = run(best.centroids, maxIterations - probe, rng.fork());
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

/** Points whose distances to all centres are computed together (one register-tiled product per batch). */
const BATCH = 64;
/** Bounds are only trusted by this margin, so rounding can never skip a point whose centre changed. */
const SLACK = 1e-9;

/**
 * Lloyd iterations with Elkan's bounds (Elkan 2003): per point an upper bound on
 * the distance to its own centre and a lower bound on the distance to every other
 * centre, all moved by how far the centres moved. A centre is only compared with a
 * point when neither its lower bound nor half the distance between the two centres
 * rules it out, so after the first iterations most points need one dot product or
 * none. For unit centres the Euclidean distance √(‖x‖² + 1 − 2 x·c) orders centres
 * exactly as the cosine does, so the result is that of plain Lloyd iterations.
 */
interface RunOptions {
  skip: Uint8Array | undefined;
  fixed: Int32Array | undefined;
  initialCentroids: Float64Array | undefined;
  maxIterations: number;
}

function runOnce(vectors: Float64Array, n: number, dim: number, k: number, options: RunOptions, rng: Rng): KMeansResult {
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

  const lloyd = new BoundedLloyd(vectors, n, dim, k, centroids, skip, fixed);
  const { labels, similarity } = lloyd;
  let converged = false;
  let boundsValid = false;
  for (let iter = 0; iter < options.maxIterations; iter++) {
    let changed = fixed ? pinFixed(labels, fixed, skip) : 0;
    // Skipping relies on all centres having the same length (an empty sum leaves a zero centre).
    if (lloyd.measureCentres() && boundsValid) changed += lloyd.boundedPass();
    else changed += lloyd.exactPass();
    boundsValid = true;
    if (hasEmpty(labels, n, k)) {
      for (let i = 0; i < n; i++) if (labels[i] >= 0) similarity[i] = dot(vectors, i * dim, centroids, labels[i] * dim, dim);
      // Points moved into empty clusters get an upper bound that forces an exact look next time.
      for (const i of repairEmpty(labels, similarity, n, k, fixed)) lloyd.upper[i] = Infinity;
    }
    lloyd.moveCentres();
    // Stop when (almost) nothing moves: the last few flips barely change the objective.
    if (changed <= Math.floor(n / 2000)) {
      converged = true;
      break;
    }
  }
  // Final similarities against the final centroids.
  let objective = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] < 0) continue;
    similarity[i] = dot(vectors, i * dim, centroids, labels[i] * dim, dim);
    objective += similarity[i];
  }
  return { labels, centroids, objective, similarity, converged };
}

function pinFixed(labels: Int32Array, fixed: Int32Array, skip: Uint8Array | undefined): number {
  let changed = 0;
  for (let i = 0; i < labels.length; i++) {
    if (fixed[i] < 0 || (skip && skip[i])) continue;
    if (labels[i] !== fixed[i]) changed++;
    labels[i] = fixed[i];
  }
  return changed;
}

/**
 * State of Elkan-bounded Lloyd iterations. Each step is its own small method with
 * one hot loop, so V8 optimises each from complete type feedback instead of
 * deoptimising one large function whose later branches it has not seen yet.
 */
class BoundedLloyd {
  readonly labels: Int32Array;
  readonly similarity: Float64Array;
  readonly upper: Float64Array;
  /** n × k lower bounds on the distance from each point to each centre. */
  private readonly lower: Float64Array;
  private readonly norm2: Float64Array;
  private readonly centroidNorm2: Float64Array;
  private readonly halfGap: Float64Array;
  private readonly halfDistance: Float64Array;
  private readonly moved: Float64Array;
  private readonly movedList: Int32Array;
  /** Running member sums per cluster, member counts, and the labels they reflect. */
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;
  private readonly assigned: Int32Array;
  private readonly dirty: Uint8Array;
  /** Points that choose their cluster (not skipped, not fixed). */
  private readonly free: Int32Array;
  private readonly batchRows: Float64Array;
  private readonly batchSims: Float64Array;

  constructor(
    private readonly vectors: Float64Array,
    private readonly n: number,
    private readonly dim: number,
    private readonly k: number,
    private readonly centroids: Float64Array,
    skip: Uint8Array | undefined,
    fixed: Int32Array | undefined,
  ) {
    this.labels = new Int32Array(n).fill(-1);
    this.similarity = new Float64Array(n);
    this.upper = new Float64Array(n);
    this.lower = new Float64Array(n * k);
    this.norm2 = new Float64Array(n);
    for (let i = 0; i < n; i++) this.norm2[i] = dot(vectors, i * dim, vectors, i * dim, dim);
    this.centroidNorm2 = new Float64Array(k);
    this.halfGap = new Float64Array(k);
    this.halfDistance = new Float64Array(k * k);
    this.moved = new Float64Array(k);
    this.movedList = new Int32Array(k);
    this.sums = new Float64Array(k * dim);
    this.counts = new Int32Array(k);
    this.assigned = new Int32Array(n).fill(-1);
    this.dirty = new Uint8Array(k);
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (!(skip && skip[i]) && !(fixed && fixed[i] >= 0)) free.push(i);
    this.free = Int32Array.from(free);
    this.batchRows = new Float64Array(BATCH * dim);
    this.batchSims = new Float64Array(BATCH * k);
  }

  /** Squared lengths of the centres; true when all are unit length (bounds usable). */
  measureCentres(): boolean {
    const { centroids, centroidNorm2, k, dim } = this;
    let unit = true;
    for (let j = 0; j < k; j++) {
      centroidNorm2[j] = dot(centroids, j * dim, centroids, j * dim, dim);
      if (Math.abs(centroidNorm2[j] - 1) > 1e-9) unit = false;
    }
    return unit;
  }

  /** Exact distances from every free point to every centre (tiled): labels, upper and all lower bounds. */
  exactPass(): number {
    const { vectors, dim, k, centroids, centroidNorm2, norm2, free, labels, upper, lower, batchRows, batchSims } = this;
    let changed = 0;
    for (let from = 0; from < free.length; from += BATCH) {
      const size = Math.min(BATCH, free.length - from);
      for (let b = 0; b < size; b++) {
        const o = free[from + b] * dim;
        for (let d = 0; d < dim; d++) batchRows[b * dim + d] = vectors[o + d];
      }
      crossDots(batchRows, 0, size, centroids, 0, k, dim, batchSims, k);
      for (let b = 0; b < size; b++) {
        const i = free[from + b];
        const o = b * k;
        let bestJ = -1;
        let bestS = -Infinity;
        for (let j = 0; j < k; j++) {
          const s = batchSims[o + j];
          lower[i * k + j] = Math.sqrt(Math.max(0, norm2[i] + centroidNorm2[j] - 2 * s));
          if (s > bestS) {
            bestS = s;
            bestJ = j;
          }
        }
        if (labels[i] !== bestJ) changed++;
        labels[i] = bestJ;
        upper[i] = lower[i * k + bestJ];
      }
    }
    return changed;
  }

  /** Elkan's pass: a centre is compared with a point only when no bound rules it out. */
  boundedPass(): number {
    this.centreGaps();
    const { vectors, dim, k, centroids, centroidNorm2, norm2, free, labels, upper, lower, halfGap, halfDistance } = this;
    let changed = 0;
    for (let f = 0; f < free.length; f++) {
      const i = free[f];
      let a = labels[i];
      let u = upper[i];
      if (u <= halfGap[a] - SLACK) continue;
      const o = i * k;
      let tight = false;
      for (let j = 0; j < k; j++) {
        if (j === a) continue;
        const bound = Math.max(lower[o + j], halfDistance[a * k + j]) - SLACK;
        if (u <= bound) continue;
        if (!tight) {
          u = Math.sqrt(Math.max(0, norm2[i] + centroidNorm2[a] - 2 * dot(vectors, i * dim, centroids, a * dim, dim)));
          lower[o + a] = u;
          tight = true;
          if (u <= bound) continue;
        }
        const d = Math.sqrt(Math.max(0, norm2[i] + centroidNorm2[j] - 2 * dot(vectors, i * dim, centroids, j * dim, dim)));
        lower[o + j] = d;
        if (d < u) {
          a = j;
          u = d;
        }
      }
      upper[i] = u;
      if (labels[i] !== a) {
        changed++;
        labels[i] = a;
      }
    }
    return changed;
  }

  /** Half the distance between every two centres, and to each centre's nearest other centre. */
  private centreGaps(): void {
    const { centroids, centroidNorm2, k, dim, halfDistance, halfGap } = this;
    crossDots(centroids, 0, k, centroids, 0, k, dim, halfDistance, k);
    for (let j = 0; j < k; j++) {
      let nearest = Infinity;
      for (let c = 0; c < k; c++) {
        const half = Math.sqrt(Math.max(0, centroidNorm2[j] + centroidNorm2[c] - 2 * halfDistance[j * k + c])) / 2;
        if (c !== j && half < nearest) nearest = half;
        halfDistance[j * k + c] = half;
      }
      halfGap[j] = nearest;
    }
  }

  /** Spherical centroid update from the points that changed cluster, then the bounds shifted by how far centres moved. */
  moveCentres(): void {
    const { vectors, n, dim, k, labels, assigned, sums, counts, dirty, centroids, moved, movedList } = this;
    dirty.fill(0);
    for (let i = 0; i < n; i++) {
      const from = assigned[i];
      const to = labels[i];
      if (from === to) continue;
      const o = i * dim;
      if (from >= 0) {
        counts[from]--;
        dirty[from] = 1;
        for (let d = 0; d < dim; d++) sums[from * dim + d] -= vectors[o + d];
      }
      if (to >= 0) {
        counts[to]++;
        dirty[to] = 1;
        for (let d = 0; d < dim; d++) sums[to * dim + d] += vectors[o + d];
      }
      assigned[i] = to;
    }
    let movedCount = 0;
    for (let j = 0; j < k; j++) {
      moved[j] = 0;
      if (!dirty[j] || counts[j] === 0) continue; // an emptied cluster keeps its centroid
      const c = j * dim;
      let s = 0;
      for (let d = 0; d < dim; d++) s += sums[c + d] * sums[c + d];
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      let shift = 0;
      for (let d = 0; d < dim; d++) {
        const next = sums[c + d] * inv;
        const delta = next - centroids[c + d];
        shift += delta * delta;
        centroids[c + d] = next;
      }
      moved[j] = Math.sqrt(shift);
      if (moved[j] > 0) movedList[movedCount++] = j;
    }
    this.shiftBounds(movedCount);
  }

  private shiftBounds(movedCount: number): void {
    const { free, labels, upper, lower, moved, movedList, k } = this;
    for (let f = 0; f < free.length; f++) {
      const i = free[f];
      upper[i] += moved[labels[i]];
      const o = i * k;
      for (let m = 0; m < movedCount; m++) lower[o + movedList[m]] -= moved[movedList[m]];
    }
  }
}

function hasEmpty(labels: Int32Array, n: number, k: number): boolean {
  const seen = new Uint8Array(k);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c >= 0 && !seen[c]) {
      seen[c] = 1;
      count++;
    }
  }
  return count < k;
}

const dot = dot4;

/**
 * k-means++ on the sphere: next centre drawn with probability ∝ (1 − max cosine to
 * chosen centres). Each new centre is compared only with the points it could
 * win: for unit vectors ‖x − c‖² = 2(1 − cos), so by the triangle inequality a
 * point whose current centre is at least twice as far from the new centre as from
 * the point cannot get closer to it (Elkan 2003; as used for k-means++ by Raff 2021).
 */
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
  if (has.every((h) => h === 1)) return;
  const usable: number[] = [];
  for (let i = 0; i < n; i++) if (!(skip && skip[i])) usable.push(i);
  if (usable.length === 0) return;
  const state: SeedState = {
    vectors,
    dim,
    centroids,
    usable: Int32Array.from(usable),
    distance: new Float64Array(n).fill(Infinity),
    nearest: new Int32Array(n).fill(-1),
    unitPoint: new Uint8Array(n),
    unitCentre: new Uint8Array(k),
    gap: new Float64Array(k),
    chosen: [],
    pending: new Int32Array(usable.length),
  };
  for (const i of usable) state.unitPoint[i] = isUnit(vectors, i * dim, dim) ? 1 : 0;
  const { distance } = state;
  let any = false;
  for (let j = 0; j < k; j++) {
    if (has[j]) {
      considerCentre(state, j);
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
    considerCentre(state, j);
  }
}

interface SeedState {
  vectors: Float64Array;
  dim: number;
  centroids: Float64Array;
  usable: Int32Array;
  /** 1 − max cosine to the chosen centres, and which centre gives it. */
  distance: Float64Array;
  nearest: Int32Array;
  unitPoint: Uint8Array;
  unitCentre: Uint8Array;
  /** Distance from each chosen centre to the newest one. */
  gap: Float64Array;
  chosen: number[];
  /** Points the newest centre still has to be compared with. */
  pending: Int32Array;
}

function isUnit(a: Float64Array, o: number, dim: number): boolean {
  return Math.abs(dot(a, o, a, o, dim) - 1) <= 1e-9;
}

/** Lower every point's distance with centre j, skipping points the triangle inequality rules out. */
function considerCentre(state: SeedState, j: number): void {
  const { vectors, dim, centroids, usable, distance, nearest, unitPoint, unitCentre, gap, chosen, pending } = state;
  const o = j * dim;
  unitCentre[j] = isUnit(centroids, o, dim) ? 1 : 0;
  for (const c of chosen) gap[c] = unitCentre[j] && unitCentre[c] ? Math.sqrt(Math.max(0, 2 - 2 * dot(centroids, c * dim, centroids, o, dim))) : 0;
  let count = 0;
  for (let u = 0; u < usable.length; u++) {
    const i = usable[u];
    const c = nearest[i];
    // gap ≥ 2‖x − c‖ (with a margin for rounding): the new centre cannot be nearer.
    if (c >= 0 && unitPoint[i] && gap[c] > 2 * Math.sqrt(2 * distance[i]) + 1e-9) continue;
    pending[count++] = i;
  }
  // The remaining points four at a time: one pass over the centre serves four rows.
  let p = 0;
  for (; p + 3 < count; p += 4) {
    const r0 = pending[p] * dim;
    const r1 = pending[p + 1] * dim;
    const r2 = pending[p + 2] * dim;
    const r3 = pending[p + 3] * dim;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < dim; t++) {
      const y = centroids[o + t];
      s0 += vectors[r0 + t] * y;
      s1 += vectors[r1 + t] * y;
      s2 += vectors[r2 + t] * y;
      s3 += vectors[r3 + t] * y;
    }
    offer(state, pending[p], j, s0);
    offer(state, pending[p + 1], j, s1);
    offer(state, pending[p + 2], j, s2);
    offer(state, pending[p + 3], j, s3);
  }
  for (; p < count; p++) offer(state, pending[p], j, dotInOrder(vectors, pending[p] * dim, centroids, o, dim));
  chosen.push(j);
}

function offer(state: SeedState, i: number, j: number, similarity: number): void {
  const d = Math.max(0, 1 - similarity);
  if (d < state.distance[i]) {
    state.distance[i] = d;
    state.nearest[i] = j;
  }
}

/** Give every empty cluster the free point that fits its own cluster worst; returns the points moved. */
function repairEmpty(labels: Int32Array, similarity: Float64Array, n: number, k: number, fixed: Int32Array | undefined): number[] {
  const counts = new Int32Array(k);
  const moved: number[] = [];
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
    moved.push(worst);
  }
  return moved;
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
