/**
 * Exact k-nearest neighbours by cosine on unit vectors. Quadratic, so callers
 * use it on at most a few thousand points (a sample when the corpus is larger)
 * and assign the rest to the clusters found there.
 */
import { crossDots } from '../vectors/dense';

export interface KnnGraph {
  n: number;
  k: number;
  /** n × k neighbour indices, most similar first (-1 when fewer than k exist). */
  indices: Int32Array;
  /** n × k cosine similarities matching indices. */
  similarities: Float64Array;
}

export function exactKnn(vectors: Float64Array, n: number, dim: number, k: number, skip?: Uint8Array): KnnGraph {
  const kk = Math.max(0, Math.min(k, n - 1));
  const indices = new Int32Array(n * kk).fill(-1);
  const similarities = new Float64Array(n * kk).fill(-Infinity);
  // Blocked over i: a block of rows against every later row in register tiles (each
  // pair is computed once and offered to both neighbour lists), through a block-sized buffer.
  const BLOCK = 32;
  const buffer = new Float64Array(BLOCK * n);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    const width = n - i0;
    crossDots(vectors, i0, i1, vectors, i0, n, dim, buffer, width);
    for (let i = i0; i < i1; i++) {
      if (skip && skip[i]) continue;
      const row = (i - i0) * width - i0;
      for (let j = i + 1; j < n; j++) {
        if (skip && skip[j]) continue;
        const s = buffer[row + j];
        insert(indices, similarities, kk, i, j, s);
        insert(indices, similarities, kk, j, i, s);
      }
    }
  }
  return { n, k: kk, indices, similarities };
}

/** Offer neighbour j (similarity s) to i's sorted top-kk list. */
function insert(indices: Int32Array, similarities: Float64Array, kk: number, i: number, j: number, s: number): void {
  const o = i * kk;
  if (kk === 0 || s <= similarities[o + kk - 1]) return;
  let p = kk - 1;
  while (p > 0 && similarities[o + p - 1] < s) {
    similarities[o + p] = similarities[o + p - 1];
    indices[o + p] = indices[o + p - 1];
    p--;
  }
  similarities[o + p] = s;
  indices[o + p] = j;
}

/**
 * Shared-neighbourhood smoothing: each vector becomes the normalised sum of itself
 * and its mutual nearest neighbours (j in kNN(i) and i in kNN(j)). Mutual
 * neighbours are very likely to share a topic, so averaging removes wording noise
 * while a point with no mutual neighbour (an outlier) stays where it is.
 */
export function smoothByMutualNeighbours(vectors: Float64Array, n: number, dim: number, graph: KnnGraph, neighbours: number): Float64Array {
  const k = Math.min(neighbours, graph.k);
  const out = new Float64Array(vectors);
  const isNeighbour = (i: number, j: number): boolean => {
    for (let t = 0; t < k; t++) if (graph.indices[i * graph.k + t] === j) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    for (let t = 0; t < k; t++) {
      const j = graph.indices[i * graph.k + t];
      if (j < 0 || !isNeighbour(j, i)) continue;
      const oj = j * dim;
      for (let d = 0; d < dim; d++) out[o + d] += vectors[oj + d];
    }
    let s = 0;
    for (let d = 0; d < dim; d++) s += out[o + d] * out[o + d];
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let d = 0; d < dim; d++) out[o + d] *= inv;
    }
  }
  return out;
}
