/**
 * External clustering metrics against known labels: NMI (arithmetic-mean
 * normalisation, as scikit-learn's default), adjusted Rand index, and accuracy
 * under the best one-to-one matching of clusters to labels (Hungarian).
 * Labels are arbitrary integers; callers map "unclustered" to one extra label.
 */
import { hungarian } from './hungarian';

interface Contingency {
  table: Map<string, number>;
  a: Map<number, number>;
  b: Map<number, number>;
  n: number;
}

function contingency(truth: ArrayLike<number>, predicted: ArrayLike<number>): Contingency {
  if (truth.length !== predicted.length) throw new Error('label arrays differ in length');
  const table = new Map<string, number>();
  const a = new Map<number, number>();
  const b = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    const key = `${truth[i]}\u0000${predicted[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    a.set(truth[i], (a.get(truth[i]) ?? 0) + 1);
    b.set(predicted[i], (b.get(predicted[i]) ?? 0) + 1);
  }
  return { table, a, b, n: truth.length };
}

function entropy(counts: Map<number, number>, n: number): number {
  let h = 0;
  for (const c of counts.values()) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export function normalisedMutualInformation(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const { table, a, b, n } = contingency(truth, predicted);
  if (n === 0) return 1;
  let mi = 0;
  for (const [key, nij] of table) {
    const [ti, pi] = key.split('\u0000').map(Number);
    mi += (nij / n) * Math.log((n * nij) / ((a.get(ti) ?? 1) * (b.get(pi) ?? 1)));
  }
  const ha = entropy(a, n);
  const hb = entropy(b, n);
  // Both partitions trivial (one cluster each): identical, by sklearn's convention.
  if (ha === 0 && hb === 0) return 1;
  const denominator = (ha + hb) / 2;
  return denominator > 0 ? Math.max(0, mi / denominator) : 0;
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

export function adjustedRandIndex(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const { table, a, b, n } = contingency(truth, predicted);
  if (n < 2) return 1;
  let index = 0;
  for (const nij of table.values()) index += pairs(nij);
  let sumA = 0;
  for (const c of a.values()) sumA += pairs(c);
  let sumB = 0;
  for (const c of b.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  // Both partitions all-singletons or all-one-cluster: identical structure.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Share of items whose cluster is matched to their label by the best one-to-one matching. */
export function clusteringAccuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const { table, a, b, n } = contingency(truth, predicted);
  if (n === 0) return 1;
  const clusters = [...b.keys()];
  const labels = [...a.keys()];
  const clusterIndex = new Map(clusters.map((c, i) => [c, i]));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = clusters.map(() => new Array<number>(labels.length).fill(0));
  for (const [key, nij] of table) {
    const [ti, pi] = key.split('\u0000').map(Number);
    counts[clusterIndex.get(pi) ?? 0][labelIndex.get(ti) ?? 0] = nij;
  }
  const assignment = hungarian(counts.map((row) => row.map((c) => -c)));
  let matched = 0;
  assignment.forEach((col, row) => {
    if (col >= 0) matched += counts[row][col];
  });
  return matched / n;
}
