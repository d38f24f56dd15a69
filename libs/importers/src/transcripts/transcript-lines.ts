import { acceptSpeakerLabel, collectLabelEvidence, evidenceFor, hasSpeakerShape, isNameLike, type LabelEvidence, normaliseSpeakerName } from './speaker-label';
import { CLOCK_TIME_SOURCE, parseClockTime } from './timestamp';
import type { TranscriptSegment } from './transcript.types';

/** One line of a plain-text transcript, or one paragraph (line) of a DOCX. */
export interface TranscriptLine {
  /** 1-based line (paragraph) number, used in warnings. */
  line: number;
  text: string;
  /** Text of the bold run(s) opening a DOCX paragraph, null when there is none. */
  boldLabel: string | null;
}

interface LineReading {
  kind: 'blank' | 'timestamp' | 'text';
  label: string | null;
  labelWithTimestamp: boolean;
  bold: boolean;
  startMs: number | null;
  endMs: number | null;
  /** Text after the label. */
  text: string;
  /** The whole line without its leading timestamp: used when the label is rejected. */
  fullText: string;
}

const TS = CLOCK_TIME_SOURCE;
const BRACKETED_TS = String.raw`[[(]\s*(${TS})\s*[\])]`;
const TIMESTAMP_LINE = new RegExp(String.raw`^[[(]?\s*(${TS})\s*[\])]?(?:\s*(?:-->|–|—|-)\s*[[(]?\s*(${TS})\s*[\])]?)?$`);
const LEADING_BRACKETED_TS = new RegExp(String.raw`^${BRACKETED_TS}\s*`);
const LEADING_BARE_TS = new RegExp(String.raw`^(${TS})\s+`);
const LABEL = String.raw`([^\s:[\]()][^:[\]()]{0,40}?)`;
const LABEL_BRACKETED_TS = new RegExp(String.raw`^${LABEL}\s*${BRACKETED_TS}\s*:?\s*(.*)$`);
const LABEL_BARE_TS = new RegExp(String.raw`^${LABEL}\s+(${TS})\s*(?::\s+(.*))?$`);
const LABEL_COLON = new RegExp(String.raw`^${LABEL}\s*[:：]\s*(.*)$`);

/**
 * Reads "Speaker: text" transcripts (plain text and DOCX paragraphs) into segments.
 *
 * - Timestamps `[00:01:23]`, `(01:23)`, `00:01:23` may come before the speaker, between the
 *   speaker and the colon, right after the colon, or alone on a line (then they time the next
 *   text). A bare (unbracketed) leading time counts only as `h:mm:ss` or before a speaker label,
 *   so "10:30 we met" stays prose.
 * - `Speaker 1  0:03` (name and time alone on a line, Otter/Teams style) and a bare name on the
 *   line after a timestamp line open a turn whose text follows on the next lines.
 * - Labels are accepted by `acceptSpeakerLabel` with evidence gathered from the whole file; a
 *   rejected label stays part of the text.
 * - Lines without an accepted label continue the current speaker's turn; blank lines do not end
 *   a turn. Without any speaker yet, blank lines separate paragraphs.
 */
export function readTranscriptLines(lines: TranscriptLine[]): TranscriptSegment[] {
  const readings = lines.map(readLine);
  markNamesAfterTimestamps(readings);

  const evidence = new Map<string, LabelEvidence>();
  let textLines = 0;
  let labelled = 0;
  for (const reading of readings) {
    if (reading.kind !== 'text') continue;
    textLines++;
    if (reading.label === null) continue;
    labelled++;
    collectLabelEvidence(evidence, reading.label, { withTimestamp: reading.labelWithTimestamp, bold: reading.bold });
  }
  const dialogueShaped = textLines > 0 && labelled / textLines >= 0.5;

  const segments: TranscriptSegment[] = [];
  let open: TranscriptSegment | null = null;
  let speaker: string | null = null;
  let pendingStart: number | null = null;
  let pendingEnd: number | null = null;
  for (const reading of readings) {
    if (reading.kind === 'blank') {
      if (speaker === null) open = null;
      continue;
    }
    if (reading.kind === 'timestamp') {
      pendingStart = reading.startMs;
      pendingEnd = reading.endMs;
      open = null;
      continue;
    }
    const accepted = reading.label !== null && acceptSpeakerLabel(reading.label, evidenceFor(evidence, reading.label), dialogueShaped);
    if (accepted && reading.label !== null) speaker = reading.label;
    const text = accepted ? reading.text : reading.fullText;
    const startMs = reading.startMs ?? pendingStart;
    if (open && !accepted && startMs === null) {
      open.text = open.text.length > 0 ? `${open.text} ${text}` : text;
      continue;
    }
    open = { speaker, startMs, endMs: reading.startMs === null ? pendingEnd : null, text };
    segments.push(open);
    pendingStart = null;
    pendingEnd = null;
  }
  return segments;
}

function readLine(source: TranscriptLine): LineReading {
  const trimmed = source.text.replace(/\s+/g, ' ').trim();
  const reading: LineReading = { kind: 'text', label: null, labelWithTimestamp: false, bold: false, startMs: null, endMs: null, text: trimmed, fullText: trimmed };
  if (trimmed.length === 0) return { ...reading, kind: 'blank' };

  const timestampLine = TIMESTAMP_LINE.exec(trimmed);
  if (timestampLine) {
    const startMs = parseClockTime(timestampLine[1]);
    if (startMs !== null) {
      const endMs = timestampLine[2] === undefined ? null : parseClockTime(timestampLine[2]);
      return { ...reading, kind: 'timestamp', startMs, endMs };
    }
  }

  let rest = trimmed;
  const bracketed = LEADING_BRACKETED_TS.exec(rest);
  const bare = bracketed ? null : LEADING_BARE_TS.exec(rest);
  const leading = bracketed ?? bare;
  const leadingMs = leading ? parseClockTime(leading[1]) : null;
  if (leading && leadingMs !== null) rest = rest.slice(leading[0].length);

  const labelled = (source.boldLabel ? readBoldLabel(rest, source.boldLabel) : null) ?? readLabel(rest);
  if (leading && leadingMs !== null && (bracketed || labelled || leading[1].split(':').length === 3)) {
    reading.startMs = leadingMs;
    reading.fullText = rest;
    reading.text = rest;
  }
  if (labelled) {
    reading.label = labelled.label;
    reading.bold = labelled.bold;
    reading.text = labelled.text;
    reading.startMs = labelled.startMs ?? reading.startMs;
    reading.labelWithTimestamp = reading.startMs !== null;
  }
  return reading;
}

interface LabelReading {
  label: string;
  bold: boolean;
  startMs: number | null;
  text: string;
}

function readBoldLabel(rest: string, boldLabel: string): LabelReading | null {
  const bold = normaliseSpeakerName(boldLabel);
  if (!rest.startsWith(bold)) return null;
  const label = bold.replace(/\s*[:：]$/, '').trim();
  if (!hasSpeakerShape(label)) return null;
  const remainder = rest.slice(bold.length);
  const after = remainder.replace(/^\s*[:：]?\s*/, '');
  const { startMs, text } = stripLeadingTimestamp(after);
  // A bold paragraph with nothing after it may be a title: bold counts only with a colon or text.
  const colon = /[:：]$/.test(bold) || /^\s*[:：]/.test(remainder);
  return { label, bold: colon || text.length > 0, startMs, text };
}

function readLabel(rest: string): LabelReading | null {
  const withBracketedTs = LABEL_BRACKETED_TS.exec(rest);
  if (withBracketedTs) return labelReading(withBracketedTs[1], withBracketedTs[2], withBracketedTs[3] ?? '');
  const withBareTs = LABEL_BARE_TS.exec(rest);
  if (withBareTs) return labelReading(withBareTs[1], withBareTs[2], withBareTs[3] ?? '');
  const withColon = LABEL_COLON.exec(rest);
  if (!withColon || !hasSpeakerShape(withColon[1])) return null;
  const { startMs, text } = stripLeadingTimestamp(withColon[2]);
  return { label: normaliseSpeakerName(withColon[1]), bold: false, startMs, text };
}

function labelReading(label: string, time: string, text: string): LabelReading | null {
  const startMs = parseClockTime(time);
  if (startMs === null || !hasSpeakerShape(label)) return null;
  return { label: normaliseSpeakerName(label), bold: false, startMs, text: text.trim() };
}

/** A timestamp right after the colon: bracketed, or bare in `h:mm:ss` form ("Анна: 10:30 удобно" keeps its time of day). */
function stripLeadingTimestamp(text: string): { startMs: number | null; text: string } {
  const bare = LEADING_BARE_TS.exec(text);
  const match = LEADING_BRACKETED_TS.exec(text) ?? (bare && bare[1].split(':').length === 3 ? bare : null);
  const startMs = match ? parseClockTime(match[1]) : null;
  return startMs === null || !match ? { startMs: null, text } : { startMs, text: text.slice(match[0].length) };
}

/** Teams/Otter layout: a timestamp line, then a line holding only the speaker's name, then text. */
function markNamesAfterTimestamps(readings: LineReading[]): void {
  for (let i = 1; i + 1 < readings.length; i++) {
    const reading = readings[i];
    if (reading.kind !== 'text' || reading.label !== null || readings[i - 1].kind !== 'timestamp') continue;
    if (readings[i + 1].kind !== 'text' || !hasSpeakerShape(reading.text) || !isNameLike(reading.text)) continue;
    reading.label = normaliseSpeakerName(reading.text);
    reading.labelWithTimestamp = true;
    reading.text = '';
  }
}
