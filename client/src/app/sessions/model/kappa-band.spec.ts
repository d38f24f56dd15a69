import { kappaBand } from './kappa-band';

describe('kappaBand', () => {
  it.each([
    [-0.1, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.35, 'fair'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.81, 'almostPerfect'],
    [1, 'almostPerfect'],
  ])('should read κ = %s as %s', (kappa, band) => {
    expect(kappaBand(kappa)).toBe(band);
  });
});
