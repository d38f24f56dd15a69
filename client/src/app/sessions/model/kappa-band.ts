/** Landis & Koch (1977) bands of Cohen's κ: how far two coders agree beyond chance. */
export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect';

export function kappaBand(kappa: number): KappaBand {
  if (kappa < 0) {
    return 'poor';
  }
  if (kappa <= 0.2) {
    return 'slight';
  }
  if (kappa <= 0.4) {
    return 'fair';
  }
  if (kappa <= 0.6) {
    return 'moderate';
  }
  if (kappa <= 0.8) {
    return 'substantial';
  }
  return 'almostPerfect';
}
