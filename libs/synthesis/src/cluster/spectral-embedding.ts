/**
 * Spectral embedding of a kNN graph (Ng, Jordan & Weiss 2001): symmetric
 * affinity from cosine similarities, normalised as D^-1/2 W D^-1/2, its top
 * eigenvectors found by randomized SVD on the sparse matrix, rows normalised.
 * k-means in this space follows the graph's connected regions instead of
 * assuming round clusters in the TF-IDF space, which suits short quotes whose
 * wording varies along a topic.
 */
import { normaliseRows, randomizedSvd, type CsrMatrix } from '../vectors';
import type { KnnGraph } from './knn';
import { spreadLabels } from './label-spreading';

export interface SpectralOptions {
  /** Neighbours per point used for the affinity (≤ graph.k). */
  neighbours?: number;
  seed?: number;
  /** Eigenvalues of a normalised affinity cluster near 1, so more power iterations than for text. */
  powerIterations?: number;
  /**
   * Moderator seeds: group per point or -1. Constrained spectral clustering
   * (Kamvar, Klein & Manning 2003): points of one group are linked with the
   * strongest affinity, edges between points of different groups are cut.
   */
  groups?: Int32Array;
}

/** Links per seeded point to others of its group: enough to connect the group, linear in its size. */
const MUST_LINKS = 10;

/** Symmetric normalised affinity of the kNN graph as CSR (union of both directions, max weight). */
export function normalisedAffinity(graph: KnnGraph, neighbours: number, groups?: Int32Array): CsrMatrix {
  const n = graph.n;
  const k = Math.min(neighbours, graph.k);
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map<number, number>());
  if (groups) {
    const members = new Map<number, number[]>();
    groups.forEach((g, i) => {
      if (g >= 0) members.set(g, [...(members.get(g) ?? []), i]);
    });
    for (const list of members.values()) {
      for (let a = 0; a < list.length; a++) {
        for (let step = 1; step <= Math.min(MUST_LINKS, list.length - 1); step++) {
          const i = list[a];
          const j = list[(a + step) % list.length];
          rows[i].set(j, 1);
          rows[j].set(i, 1);
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = graph.indices[i * graph.k + t];
      if (j < 0 || j === i) continue;
      if (groups && groups[i] >= 0 && groups[j] >= 0 && groups[i] !== groups[j]) continue;
      const w = Math.max(0, graph.similarities[i * graph.k + t]);
      if (w === 0) continue;
      rows[i].set(j, Math.max(rows[i].get(j) ?? 0, w));
      rows[j].set(i, Math.max(rows[j].get(i) ?? 0, w));
    }
  }
  const degree = new Float64Array(n);
  rows.forEach((row, i) => row.forEach((w) => (degree[i] += w)));
  const indptr = new Int32Array(n + 1);
  rows.forEach((row, i) => (indptr[i + 1] = indptr[i] + row.size));
  const indices = new Int32Array(indptr[n]);
  const data = new Float32Array(indptr[n]);
  rows.forEach((row, i) => {
    let p = indptr[i];
    for (const j of [...row.keys()].sort((a, b) => a - b)) {
      const d = Math.sqrt(degree[i] * degree[j]);
      indices[p] = j;
      data[p] = d > 0 ? (row.get(j) as number) / d : 0;
      p++;
    }
  });
  return { rows: n, cols: n, indptr, indices, data };
}

/** n × dims row-normalised spectral coordinates (dims capped by n). */
export function spectralEmbedding(graph: KnnGraph, dims: number, options: SpectralOptions = {}): { vectors: Float64Array; dim: number } {
  const affinity = normalisedAffinity(graph, options.neighbours ?? 15, options.groups);
  const svd = randomizedSvd(affinity, dims, {
    seed: options.seed,
    powerIterations: options.powerIterations ?? 12,
    // The top eigenvalues of the normalised affinity lie within a factor of about two
    // of each other, so two products between orthonormalisations stay well conditioned.
    orthonormaliseEvery: 2,
    oversample: 20,
  });
  normaliseRows(svd.projection, graph.n, svd.k);
  if (!options.groups) return { vectors: svd.projection, dim: svd.k };
  // With seeds: append the seed groups' spread memberships as a second, equally
  // weighted block, so k-means sees both the graph's shape and the moderators' groups.
  let groupCount = 0;
  for (const g of options.groups) groupCount = Math.max(groupCount, g + 1);
  const spread = spreadLabels(affinity, options.groups, groupCount);
  const dim = svd.k + groupCount;
  const vectors = new Float64Array(graph.n * dim);
  const half = Math.SQRT1_2;
  for (let i = 0; i < graph.n; i++) {
    for (let d = 0; d < svd.k; d++) vectors[i * dim + d] = half * svd.projection[i * svd.k + d];
    for (let g = 0; g < groupCount; g++) vectors[i * dim + svd.k + g] = half * spread[i * groupCount + g];
  }
  normaliseRows(vectors, graph.n, dim);
  return { vectors, dim };
}
