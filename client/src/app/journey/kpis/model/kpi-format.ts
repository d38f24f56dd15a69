/** Numbers of the KPI screens in the UI language: no currency, thousands separators, '—' for unknown. */

const DASH = '—';
/** Unicode minus: reads better than a hyphen next to digits. */
const MINUS = '−';

export function formatNumber(value: number | null | undefined, locale: string, maxFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A change with its sign: "+12,300", "−4,000", "0". */
export function formatSigned(value: number | null | undefined, locale: string, maxFractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const rounded = Number(value.toFixed(maxFractionDigits));
  const magnitude = formatNumber(Math.abs(rounded), locale, maxFractionDigits);
  if (rounded > 0) return `+${magnitude}`;
  if (rounded < 0) return `${MINUS}${magnitude}`;
  return magnitude;
}

/** A share 0..1 as a percentage: 0.625 → "62.5 %". */
export function formatPercent(share: number | null | undefined, locale: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return DASH;
  return `${formatNumber(share * 100, locale, 1)} %`;
}
