/** Agreement of two coders on one binary code over the same units. */
export interface BinaryAgreement {
  percent: number;
  /** Cohen's κ = (pₒ − pₑ) / (1 − pₑ); null when pₑ = 1 (both coders gave one answer throughout). */
  kappa: number | null;
}

/**
 * `a[i]`, `b[i]`: whether each coder applied the code to unit i.
 * With no units the agreement is undefined: percent 0, κ null.
 */
export function binaryAgreement(a: readonly boolean[], b: readonly boolean[]): BinaryAgreement {
  const n = a.length;
  if (n === 0 || b.length !== n) return { percent: 0, kappa: null };
  let both = 0;
  let neither = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] && b[i]) both++;
    else if (!a[i] && !b[i]) neither++;
    else if (a[i]) onlyA++;
    else onlyB++;
  }
  const observed = (both + neither) / n;
  const aYes = (both + onlyA) / n;
  const bYes = (both + onlyB) / n;
  const expected = aYes * bYes + (1 - aYes) * (1 - bYes);
  return { percent: observed, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}
