/** A highlight as a span of an utterance's text: `[start, end)` in UTF-16 code units. */
export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
}

/** A run of the text covered by the same set of highlights (none for plain text). */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Ids of the highlights covering this run, shortest (innermost) first. */
  highlightIds: string[];
}

/**
 * Cuts the text at every highlight boundary so overlapping and nested highlights render as
 * flat runs. Spans are clamped to the text; empty or inverted spans are ignored.
 */
export function segmentText(text: string, highlights: readonly HighlightSpan[]): TextSegment[] {
  const spans = highlights
    .map((span) => ({ ...span, start: Math.max(0, span.start), end: Math.min(text.length, span.end) }))
    .filter((span) => span.start < span.end);
  if (text.length === 0) {
    return [];
  }
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index];
    const end = points[index + 1];
    const covering = spans
      .filter((span) => span.start <= start && span.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.id.localeCompare(b.id))
      .map((span) => span.id);
    const previous = segments.at(-1);
    if (previous && sameIds(previous.highlightIds, covering)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), highlightIds: covering });
    }
  }
  return segments;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
