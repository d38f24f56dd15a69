/**
 * Timestamps as written in transcripts: `h:mm:ss.mmm`, `mm:ss.mmm`, `h:mm:ss`, `m:ss`, with `.`
 * or `,` before the fraction. Returns milliseconds, or null when the text is not a valid time
 * (minutes or seconds of 60 and more when an hour part exists, empty parts, letters).
 */
export function parseClockTime(text: string): number | null {
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const hours = match[1] === undefined ? 0 : Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (seconds >= 60 || (match[1] !== undefined && minutes >= 60)) return null;
  const fraction = match[4] === undefined ? 0 : Number(match[4].padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

/** A timestamp pattern (no anchors, no groups) for use inside larger patterns. */
export const CLOCK_TIME_SOURCE = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;

/** A table cell or line holding a time or a range: `00:01:23`, `[00:01:23]`, `00:01:23 --> 00:01:30`, `0:05 – 0:09`. */
export function parseTimeRange(text: string): { startMs: number; endMs: number | null } | null {
  const parts = text
    .trim()
    .split(/\s*(?:-->|–|—|\s-\s)\s*/)
    .map((part) => part.replace(/^[[(]\s*|\s*[\])]$/g, ''));
  if (parts.length === 0 || parts.length > 2) return null;
  const startMs = parseClockTime(parts[0]);
  if (startMs === null) return null;
  if (parts.length === 1) return { startMs, endMs: null };
  const endMs = parseClockTime(parts[1]);
  return endMs === null ? null : { startMs, endMs };
}
