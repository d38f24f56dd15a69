import mammoth from 'mammoth';
import { assertSafeZip } from '../zip/zip-guard';
import { ImportError, ImportErrorCode } from '../import-error';
import { buildTranscript } from './build-transcript';
import { type HtmlBlock, type HtmlRun, readMammothHtml } from './docx-html';
import { CLOCK_TIME_SOURCE } from './timestamp';
import { readTranscriptLines, type TranscriptLine } from './transcript-lines';
import { detectTranscriptTable, tableToSegments, type TranscriptTableColumns } from './transcript-table';
import type { ImportWarning, ParsedTranscript, TranscriptSegment } from './transcript.types';

const LEADING_TIME_ONLY = new RegExp(String.raw`^\s*(?:[[(]\s*)?(?:${CLOCK_TIME_SOURCE})?(?:\s*[\])])?\s*$`);

/**
 * DOCX transcripts. The document goes through mammoth to HTML, read by a small tolerant parser:
 * - a table recognised as a transcript (see `detectTranscriptTable`) gives one segment per row;
 *   later tables with the same column count continue it; paragraphs outside are ignored with a
 *   warning;
 * - otherwise each paragraph (or `<br>`-separated line) is a line of a "Speaker: text" transcript,
 *   where a bold run opening the paragraph (`**Анна:** текст`, `**Анна**` alone) names the speaker.
 * Warnings point at 1-based paragraph numbers.
 */
export async function parseDocx(buffer: Uint8Array): Promise<ParsedTranscript> {
  assertSafeZip(buffer, ImportErrorCode.InvalidDocx);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
    html = result.value;
  } catch {
    throw new ImportError(ImportErrorCode.InvalidDocx, 'The DOCX file could not be read: it is damaged or not a Word document');
  }
  const blocks = readMammothHtml(html);
  const warnings: ImportWarning[] = [];
  const segments = tableSegments(blocks, warnings) ?? readTranscriptLines(paragraphLines(blocks));
  const transcript = buildTranscript('docx', segments, warnings);
  if (transcript.utterances.length === 0) {
    throw new ImportError(ImportErrorCode.NoUtterances, 'The DOCX file contains no transcript text');
  }
  return transcript;
}

function tableSegments(blocks: HtmlBlock[], warnings: ImportWarning[]): TranscriptSegment[] | null {
  let columns: TranscriptTableColumns | null = null;
  let width = 0;
  const segments: TranscriptSegment[] = [];
  let ignoredParagraphs = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      ignoredParagraphs++;
      continue;
    }
    const rowWidth = Math.max(0, ...block.rows.map((row) => row.length));
    const detected = detectTranscriptTable(block.rows);
    if (detected) {
      columns = detected;
      width = rowWidth;
      segments.push(...tableToSegments(block.rows, detected));
    } else if (columns && rowWidth === width) {
      segments.push(...tableToSegments(block.rows, { ...columns, hasHeader: false }));
    }
  }
  if (!columns) return null;
  if (ignoredParagraphs > 0) {
    warnings.push({ message: `${ignoredParagraphs} paragraph(s) outside the transcript table were ignored` });
  }
  return segments;
}

function paragraphLines(blocks: HtmlBlock[]): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  blocks.forEach((block, index) => {
    const line = index + 1;
    if (block.kind === 'paragraph') {
      lines.push({ line, text: block.runs.map((run) => run.text).join(''), boldLabel: leadingBold(block.runs) });
    } else {
      for (const row of block.rows) lines.push({ line, text: row.join(' '), boldLabel: null });
    }
  });
  return lines;
}

/** The bold text opening a paragraph, after an optional (non-bold) timestamp. */
function leadingBold(runs: HtmlRun[]): string | null {
  let index = 0;
  let lead = '';
  while (index < runs.length && !runs[index].bold && LEADING_TIME_ONLY.test(lead + runs[index].text)) {
    lead += runs[index].text;
    index++;
  }
  let bold = '';
  while (index < runs.length && (runs[index].bold || runs[index].text.trim().length === 0)) {
    bold += runs[index].text;
    index++;
  }
  const label = bold.replace(/\s+/g, ' ').trim();
  return label.length > 0 ? label : null;
}
