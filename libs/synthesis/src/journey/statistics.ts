/**
 * Small statistics for the journey map: rescaling survey answers to the
 * -2..+2 emotion scale, means, and the 95 % confidence interval of a mean with
 * Student's t (exact table to 30 degrees of freedom, Cornish–Fisher expansion beyond).
 */

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** Maps `value` on the scale `min..max` linearly to -2..+2. Throws RangeError for an empty scale or a value outside it. */
export function rescale(value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('rescale: value, min and max must be finite numbers');
  if (max <= min) throw new RangeError(`rescale: the scale ${min}..${max} is empty`);
  if (value < min || value > max) throw new RangeError(`rescale: ${value} is outside the scale ${min}..${max}`);
  return EMOTION_MIN + ((value - min) * (EMOTION_MAX - EMOTION_MIN)) / (max - min);
}

export function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Two-sided 95 % quantiles t(0.975, df) for df = 1..30. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064,
  2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const Z_975 = 1.959964;

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around the normal quantile (error < 1e-4). */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`tQuantile975: degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T_975.length) return T_975[df - 1];
  const z = Z_975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface MeanInterval {
  n: number;
  mean: number | null;
  /** null when n < 2 (one observation has no spread). */
  low: number | null;
  high: number | null;
}

/**
 * Mean with its 95 % interval: mean ± t(0.975, n − 1) · s / √n, s the sample
 * standard deviation (n − 1 denominator); the bounds are clipped to `clip`.
 */
export function meanInterval(values: readonly number[], clip: readonly [number, number] = [EMOTION_MIN, EMOTION_MAX]): MeanInterval {
  const n = values.length;
  const m = mean(values);
  if (m === null) return { n, mean: null, low: null, high: null };
  if (n < 2) return { n, mean: round2(m), low: null, high: null };
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { n, mean: round2(m), low: round2(Math.max(clip[0], m - half)), high: round2(Math.min(clip[1], m + half)) };
}
