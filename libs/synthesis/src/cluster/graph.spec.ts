import { exactKnn } from './knn';
import { hdbscan } from './hdbscan';
import { sphericalKMeans } from './spherical-kmeans';
import { normaliseRows } from '../vectors';

/** Two tight groups of unit vectors (cosine 0.8 apart) and one point orthogonal to both. */
function blobs(): { vectors: Float64Array; n: number } {
  const centres = [
    [1, 0, 0],
    [0.8, 0.6, 0],
  ];
  const points: number[] = [];
  centres.forEach((c) => {
    for (let i = 0; i < 8; i++) points.push(c[0] + 0.02 * Math.sin(i + 1), c[1] + 0.02 * Math.cos(i * 3 + 1), 0.02 * Math.sin(i * 7));
  });
  points.push(0, 0, 1);
  const n = points.length / 3;
  const vectors = Float64Array.from(points);
  normaliseRows(vectors, n, 3);
  return { vectors, n };
}

describe('graph clustering primitives', () => {
  it('should list the most similar points first when building the kNN graph', () => {
    const vectors = Float64Array.from([1, 0, 0.99, 0.141, 0, 1, 0.7071, 0.7071]);
    const g = exactKnn(vectors, 4, 2, 2);
    expect(Array.from(g.indices.slice(0, 2))).toEqual([1, 3]);
    expect(g.similarities[0]).toBeGreaterThanOrEqual(g.similarities[1]);
  });

  it('should find two clusters and flag the far point as noise when running HDBSCAN', () => {
    const { vectors, n } = blobs();
    const g = exactKnn(vectors, n, 3, 10);
    const { labels, clusters } = hdbscan(g, { minPoints: 3, minClusterSize: 4 });
    expect(clusters).toBe(2);
    expect(labels[n - 1]).toBe(-1);
    expect(new Set(Array.from(labels.slice(0, 8))).size).toBe(1);
    expect(labels[0]).not.toBe(labels[8]);
  });

  it('should keep fixed points in their cluster when k-means is constrained', () => {
    const { vectors, n } = blobs();
    const fixed = new Int32Array(n).fill(-1);
    fixed[0] = 1;
    fixed[8] = 1;
    const { labels } = sphericalKMeans(vectors, n, 3, 2, { seed: 1, fixed });
    expect(labels[0]).toBe(1);
    expect(labels[8]).toBe(1);
  });
});

describe('bounded spherical k-means', () => {
  /** Plain Lloyd iterations (argmax cosine, normalised member sums) until nothing moves. */
  function lloyd(vectors: Float64Array, n: number, dim: number, k: number, start: Float64Array): Int32Array {
    const centroids = Float64Array.from(start);
    const labels = new Int32Array(n).fill(-1);
    for (let iter = 0; iter < 100; iter++) {
      let changed = 0;
      for (let i = 0; i < n; i++) {
        let best = -1;
        let bestS = -Infinity;
        for (let j = 0; j < k; j++) {
          let s = 0;
          for (let d = 0; d < dim; d++) s += vectors[i * dim + d] * centroids[j * dim + d];
          if (s > bestS) [best, bestS] = [j, s];
        }
        if (labels[i] !== best) changed++;
        labels[i] = best;
      }
      if (changed === 0) break;
      centroids.fill(0);
      for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) centroids[labels[i] * dim + d] += vectors[i * dim + d];
      normaliseRows(centroids, k, dim);
    }
    return labels;
  }

  it('should end with the same partition as plain Lloyd iterations when started from the same centres', () => {
    const n = 300;
    const dim = 8;
    const k = 6;
    let seed = 7;
    const next = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
    const vectors = Float64Array.from({ length: n * dim }, (_, p) => next() + (Math.floor(p / dim) % k === p % dim ? 0.8 : 0));
    normaliseRows(vectors, n, dim);
    // Two starting centres in the same group and none in two others: clusters must move.
    const start = new Float64Array(k * dim);
    [0, 1, 2, 3, 6, 7].forEach((i, j) => start.set(vectors.subarray(i * dim, i * dim + dim), j * dim));
    const { labels } = sphericalKMeans(vectors, n, dim, k, { initialCentroids: start, maxIterations: 100 });
    expect(Array.from(labels)).toEqual(Array.from(lloyd(vectors, n, dim, k, start)));
  });
});
