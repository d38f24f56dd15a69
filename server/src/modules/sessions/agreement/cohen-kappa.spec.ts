import { binaryAgreement } from './cohen-kappa';

describe('binaryAgreement', () => {
  it('should give κ = 1 when two coders agree on every unit', () => {
    expect(binaryAgreement([true, false, true, false], [true, false, true, false])).toEqual({ percent: 1, kappa: 1 });
  });

  it('should match a hand-computed κ when coders partly agree', () => {
    // 10 units: both 4, neither 3, only A 2, only B 1 → pₒ = 0.7; pA = 0.6, pB = 0.5; pₑ = 0.3 + 0.2 = 0.5; κ = 0.4
    const a = [true, true, true, true, false, false, false, true, true, false];
    const b = [true, true, true, true, false, false, false, false, false, true];
    const result = binaryAgreement(a, b);
    expect(result.percent).toBeCloseTo(0.7, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
  });

  it('should give a negative κ when coders disagree more than chance', () => {
    expect(binaryAgreement([true, false], [false, true]).kappa).toBeCloseTo(-1, 10);
  });

  it('should leave κ undefined when both coders never apply the code', () => {
    expect(binaryAgreement([false, false], [false, false])).toEqual({ percent: 1, kappa: null });
    expect(binaryAgreement([], [])).toEqual({ percent: 0, kappa: null });
  });
});
