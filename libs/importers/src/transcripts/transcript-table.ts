import { hasSpeakerShape } from './speaker-label';
import { parseTimeRange } from './timestamp';
import type { TranscriptSegment } from './transcript.types';

/** Which columns of a table hold the speaker, the time(s) and the text. */
export interface TranscriptTableColumns {
  speaker: number | null;
  start: number | null;
  end: number | null;
  text: number;
  /** Whether the first row is a header row (skipped). */
  hasHeader: boolean;
}

const HEADER_PATTERNS = {
  speaker: /^(speaker|speaker name|спикер|говорящий|участник|имя|name|who|кто|person|собеседник|роль|role)$/,
  start: /^(time|время|timestamp|таймкод|тайм-код|time ?code|timecode|start|start time|начало|время начала)$/,
  end: /^(end|end time|конец|окончание|время окончания)$/,
  text: /^(text|текст|transcript|транскрипт|транскрипция|расшифровка|реплика|реплики|utterance|content|содержание|сообщение|message|speech|речь|comment|комментарий)$/,
} as const;

/**
 * Recognises a transcript table exported by a transcription service: by its header names
 * (Speaker | Time | Text, Спикер | Время | Текст, …) or, without a header, by its shape — a
 * column of timestamps (80%+ of cells), a column of short speaker-shaped names (80%+), and the
 * column with the longest cells as the text. Needs the text column and a speaker or time column.
 */
export function detectTranscriptTable(rows: string[][]): TranscriptTableColumns | null {
  if (rows.length === 0) return null;
  return detectByHeader(rows[0]) ?? detectByShape(rows);
}

export function tableToSegments(rows: string[][], columns: TranscriptTableColumns): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let speaker: string | null = null;
  for (const row of columns.hasHeader ? rows.slice(1) : rows) {
    const text = (row[columns.text] ?? '').trim();
    const speakerCell = columns.speaker === null ? '' : (row[columns.speaker] ?? '').replace(/\s+/g, ' ').replace(/[:：]$/, '').trim();
    if (speakerCell.length > 0) speaker = speakerCell;
    const range = columns.start === null ? null : parseTimeRange(row[columns.start] ?? '');
    const end = columns.end === null ? null : parseTimeRange(row[columns.end] ?? '');
    segments.push({ speaker, startMs: range?.startMs ?? null, endMs: end?.startMs ?? range?.endMs ?? null, text });
  }
  return segments;
}

function normaliseHeader(cell: string): string {
  return cell.toLowerCase().replace(/[:.*()]/g, ' ').replace(/\s+/g, ' ').trim();
}

function detectByHeader(header: string[]): TranscriptTableColumns | null {
  const find = (pattern: RegExp): number | null => {
    const index = header.findIndex((cell) => pattern.test(normaliseHeader(cell)));
    return index === -1 ? null : index;
  };
  const text = find(HEADER_PATTERNS.text);
  const speaker = find(HEADER_PATTERNS.speaker);
  const start = find(HEADER_PATTERNS.start);
  if (text === null || (speaker === null && start === null)) return null;
  return { speaker, start, end: find(HEADER_PATTERNS.end), text, hasHeader: true };
}

function detectByShape(rows: string[][]): TranscriptTableColumns | null {
  const width = Math.max(...rows.map((row) => row.length));
  if (rows.length < 2 || width < 2) return null;
  const share = (column: number, test: (cell: string) => boolean): number => {
    const cells = rows.map((row) => (row[column] ?? '').trim()).filter((cell) => cell.length > 0);
    return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
  };
  let start: number | null = null;
  let speaker: number | null = null;
  for (let column = 0; column < width; column++) {
    if (start === null && share(column, (cell) => parseTimeRange(cell) !== null) >= 0.8) start = column;
    else if (speaker === null && share(column, (cell) => cell.length <= 40 && hasSpeakerShape(cell.replace(/[:：]$/, ''))) >= 0.8) speaker = column;
  }
  let text: number | null = null;
  let longest = 0;
  for (let column = 0; column < width; column++) {
    if (column === start || column === speaker) continue;
    const length = rows.reduce((sum, row) => sum + (row[column] ?? '').length, 0);
    if (length > longest) {
      longest = length;
      text = column;
    }
  }
  if (text === null || (speaker === null && start === null)) return null;
  return { speaker, start, end: null, text, hasHeader: false };
}
