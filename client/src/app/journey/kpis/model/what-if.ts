import { formatNumber, formatSigned } from './kpi-format';

/** The parts of "+10 % conversion at Consideration → +12,300 revenue", formatted in the UI language. */
export interface WhatIfChangeText {
  /** Change of the stage's conversion in percentage points, signed: "+10 %". */
  change: string;
  stage: string;
  /** Signed revenue change: "+12,300". */
  delta: string;
}

/** Slider position (0..100) → conversion share (0..1), clamped and rounded to whole percent. */
export function sliderToConversion(position: number): number {
  if (!Number.isFinite(position)) return 0;
  return Math.round(Math.min(100, Math.max(0, position))) / 100;
}

/** Conversion share → slider position 0..100. */
export function conversionToSlider(conversion: number | null): number {
  return conversion === null ? 0 : Math.round(Math.min(1, Math.max(0, conversion)) * 100);
}

export function whatIfChangeText(before: number | null, after: number, delta: number | null, stage: string, locale: string): WhatIfChangeText {
  const points = (after - (before ?? 0)) * 100;
  return {
    change: `${formatSigned(points, locale, 1)} %`,
    stage,
    delta: formatSigned(delta, locale),
  };
}

/** New conversion as the label beside a slider: "72 %". */
export function sliderLabel(position: number, locale: string): string {
  return `${formatNumber(position, locale)} %`;
}
