import type { DetectedSpeaker, ImportWarning, ParsedTranscript, ParsedUtterance, TranscriptFormat, TranscriptSegment } from './transcript.types';

/** Consecutive segments of one speaker further apart than this stay separate utterances. */
export const MERGE_GAP_MS = 30_000;

/**
 * Turns raw segments (cues, lines, table rows) into utterances.
 *
 * Merge rule: a segment joins the previous utterance when both have the same speaker (names
 * compared case-insensitively; two speaker-less segments count as the same) and the gap between
 * them is at most {@link MERGE_GAP_MS}. The gap is the next segment's start minus the previous
 * utterance's end (or its last known start when no end is known); when either time is unknown the
 * segments merge. Merged text is joined with a single space; the start is the first segment's,
 * the end the last segment's. Segments without a speaker (captions, notes) merge only while the
 * previous text does not end a sentence, so unlabelled files become sentences, not one blob.
 * Empty segments are dropped.
 */
export function buildTranscript(format: TranscriptFormat, segments: TranscriptSegment[], warnings: ImportWarning[]): ParsedTranscript {
  const canonicalNames = new Map<string, string>();
  const utterances: ParsedUtterance[] = [];
  let lastKnownTime: number | null = null;
  for (const segment of segments) {
    const text = segment.text.replace(/\s+/g, ' ').trim();
    if (text.length === 0) continue;
    const speaker = segment.speaker === null ? null : canonicalName(canonicalNames, segment.speaker);
    const previous = utterances.at(-1);
    const sameTurn = previous !== undefined && previous.speaker === speaker && !isGapTooLong(lastKnownTime, segment.startMs);
    if (previous && sameTurn && (speaker !== null || !endsSentence(previous.text))) {
      previous.text = `${previous.text} ${text}`;
      previous.endMs = segment.endMs;
    } else {
      utterances.push({ index: utterances.length, speaker, startMs: segment.startMs, endMs: segment.endMs, text });
    }
    lastKnownTime = segment.endMs ?? segment.startMs ?? lastKnownTime;
  }
  return { format, utterances, speakers: countSpeakers(utterances), warnings };
}

function isGapTooLong(previousTime: number | null, nextStart: number | null): boolean {
  return previousTime !== null && nextStart !== null && nextStart - previousTime > MERGE_GAP_MS;
}

function endsSentence(text: string): boolean {
  return /[.!?…]["'»”)\]]*$/.test(text);
}

function canonicalName(names: Map<string, string>, speaker: string): string {
  const key = speaker.toLocaleLowerCase();
  const known = names.get(key);
  if (known !== undefined) return known;
  names.set(key, speaker);
  return speaker;
}

function countSpeakers(utterances: ParsedUtterance[]): DetectedSpeaker[] {
  const speakers = new Map<string, DetectedSpeaker>();
  for (const utterance of utterances) {
    if (utterance.speaker === null) continue;
    const speaker = speakers.get(utterance.speaker) ?? { name: utterance.speaker, utteranceCount: 0, wordCount: 0 };
    speaker.utteranceCount += 1;
    speaker.wordCount += countWords(utterance.text);
    speakers.set(utterance.speaker, speaker);
  }
  return [...speakers.values()];
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
