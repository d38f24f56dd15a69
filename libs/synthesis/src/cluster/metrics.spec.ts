import { adjustedRandIndex, clusteringAccuracy, normalisedMutualInformation } from './metrics';
import { hungarian } from './hungarian';

describe('clustering metrics', () => {
  it('should score 1 when the partitions are identical up to renaming', () => {
    const t = [0, 0, 1, 1, 2, 2];
    const p = [5, 5, 3, 3, 9, 9];
    expect(normalisedMutualInformation(t, p)).toBeCloseTo(1, 10);
    expect(adjustedRandIndex(t, p)).toBeCloseTo(1, 10);
    expect(clusteringAccuracy(t, p)).toBe(1);
  });

  it('should match hand-computed values when the partitions differ', () => {
    // truth [0,0,0,1,1,1], predicted [0,0,1,1,2,2]
    // contingency: t0:{p0:2,p1:1}, t1:{p1:1,p2:2}
    // ARI: index = C(2,2)+C(2,2) = 2; sumA = 3+3 = 6; sumB = 1+1+1 = 3; expected = 18/15 = 1.2; max = 4.5
    //      (2 − 1.2) / (4.5 − 1.2) = 0.242424…
    const t = [0, 0, 0, 1, 1, 1];
    const p = [0, 0, 1, 1, 2, 2];
    expect(adjustedRandIndex(t, p)).toBeCloseTo(0.8 / 3.3, 10);
    // MI = 2·(2/6)ln(2·6/(3·2)) + 2·(1/6)ln(1·6/(3·2)) = (2/3)ln 2; H(t) = ln 2; H(p) = ln 3
    const mi = (2 / 3) * Math.log(2);
    expect(normalisedMutualInformation(t, p)).toBeCloseTo(mi / ((Math.log(2) + Math.log(3)) / 2), 10);
    // Best matching: p0→t0 (2), p2→t1 (2) → 4/6
    expect(clusteringAccuracy(t, p)).toBeCloseTo(4 / 6, 10);
  });

  it('should give ARI 0 and NMI 0 when the prediction is a single cluster', () => {
    const t = [0, 0, 1, 1];
    const p = [0, 0, 0, 0];
    expect(adjustedRandIndex(t, p)).toBeCloseTo(0, 10);
    expect(normalisedMutualInformation(t, p)).toBeCloseTo(0, 10);
    expect(clusteringAccuracy(t, p)).toBe(0.5);
  });

  it('should find the minimum-cost assignment when the cost matrix is rectangular', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
    ];
    // Options: (0→1,1→0)=3, (0→2,1→1)=3, (0→0,1→1)=4 … minimum 3.
    const a = hungarian(cost);
    expect(cost[0][a[0]] + cost[1][a[1]]).toBe(3);
    const tall = hungarian([[1], [0], [2]]);
    expect(tall).toEqual([-1, 0, -1]);
  });
});
