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
