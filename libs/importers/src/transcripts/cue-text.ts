import { decodeHtmlEntities } from './html-entities';
import { acceptSpeakerLabel, collectLabelEvidence, evidenceFor, type LabelEvidence, normaliseSpeakerName } from './speaker-label';
import type { TranscriptSegment } from './transcript.types';

/** A piece of cue text with what is known of its speaker. */
export interface CuePiece {
  /** Speaker given by a `<v Name>` voice tag: certain. */
  voice: string | null;
  /** Speaker given by a `Name:`/`[Name]` prefix: accepted only after the whole file is read. */
  candidate: string | null;
  /** The prefix as written, put back into the text when the candidate is rejected. */
  prefix: string;
  text: string;
}

export interface TimedCue {
  startMs: number;
  endMs: number;
  pieces: CuePiece[];
}

const VOICE_TAG = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;
const DIALOGUE_MARK = /^(?:[-–—]|>>)\s*/;
const BRACKET_PREFIX = /^(?:(?:[-–—]|>>)\s*)?\[([^\]]{1,40})\]\s*:?\s*(.*)$/;
const COLON_PREFIX = /^(?:(?:[-–—]|>>)\s*)?([^:[\]()]{1,41}?)\s*:\s*(.*)$/;

/**
 * Removes markup (`<c>`, `<i>`, `<b>`, `<u>`, `<font>`, `<ruby>`, `<lang>`, inline timestamps,
 * `</v>`, SSA overrides like `{\an8}`) and decodes entities.
 */
export function cleanCueLine(line: string): string {
  const withoutMarkup = line.replace(/<[^>\n]*>/g, '').replace(/\{\\[^}\n]*\}/g, '');
  return decodeHtmlEntities(withoutMarkup).replace(/\s+/g, ' ').trim();
}

/**
 * Splits a cue's lines into pieces: each `<v Name>` starts a piece of that voice; outside voice
 * tags, the first line and lines opened by a dialogue dash (`- `, `>>`) may start with a
 * `Name:` / `[Name]` prefix.
 */
export function splitCue(lines: string[]): CuePiece[] {
  const raw = lines.join('\n');
  const chunks: Array<{ voice: string | null; raw: string }> = [];
  let last = 0;
  let voice: string | null = null;
  for (const match of raw.matchAll(VOICE_TAG)) {
    chunks.push({ voice, raw: raw.slice(last, match.index) });
    voice = match[1] ? normaliseSpeakerName(decodeHtmlEntities(match[1])) || null : null;
    last = match.index + match[0].length;
  }
  chunks.push({ voice, raw: raw.slice(last) });

  const pieces: CuePiece[] = [];
  for (const chunk of chunks) {
    const chunkLines = chunk.raw.split('\n').map(cleanCueLine).filter((line) => line.length > 0);
    if (chunkLines.length === 0) continue;
    if (chunk.voice !== null) {
      pieces.push({ voice: chunk.voice, candidate: null, prefix: '', text: chunkLines.join(' ') });
      continue;
    }
    chunkLines.forEach((line, index) => {
      const current = pieces.at(-1);
      const opensPiece = index === 0 || DIALOGUE_MARK.test(line);
      const prefixed = opensPiece ? matchPrefix(line) : null;
      if (prefixed) pieces.push({ voice: null, ...prefixed });
      else if (opensPiece || !current) pieces.push({ voice: null, candidate: null, prefix: '', text: line.replace(DIALOGUE_MARK, '') });
      else current.text = `${current.text} ${line.replace(DIALOGUE_MARK, '')}`;
    });
  }
  return pieces;
}

function matchPrefix(line: string): { candidate: string; prefix: string; text: string } | null {
  const match = BRACKET_PREFIX.exec(line) ?? COLON_PREFIX.exec(line);
  if (!match || match[2].length === 0) return null;
  const candidate = normaliseSpeakerName(match[1]);
  if (candidate.length === 0) return null;
  return { candidate, prefix: line.slice(0, line.length - match[2].length).replace(DIALOGUE_MARK, ''), text: match[2] };
}

/**
 * Decides every candidate prefix against the whole file (see `acceptSpeakerLabel`) and turns
 * cues into segments. A cue without any speaker information continues the previous speaker when
 * the file names speakers at all (subtitles name a speaker only when the speaker changes).
 */
export function cuesToSegments(cues: TimedCue[]): TranscriptSegment[] {
  const evidence = new Map<string, LabelEvidence>();
  let pieceCount = 0;
  let candidateCount = 0;
  for (const cue of cues) {
    for (const piece of cue.pieces) {
      pieceCount++;
      if (piece.candidate !== null) {
        candidateCount++;
        collectLabelEvidence(evidence, piece.candidate);
      }
    }
  }
  const dialogueShaped = pieceCount > 0 && candidateCount / pieceCount >= 0.3;
  const segments: TranscriptSegment[] = [];
  let speaker: string | null = null;
  for (const cue of cues) {
    for (const piece of cue.pieces) {
      let text = piece.text;
      if (piece.voice !== null) speaker = piece.voice;
      else if (piece.candidate !== null && acceptSpeakerLabel(piece.candidate, evidenceFor(evidence, piece.candidate), dialogueShaped)) {
        speaker = piece.candidate;
      } else if (piece.candidate !== null) text = `${piece.prefix}${piece.text}`;
      segments.push({ speaker, startMs: cue.startMs, endMs: cue.endMs, text });
    }
  }
  return segments;
}
