import { sniffEncoding, type TextEncoding } from '../encoding/decode-text';
import { ImportError, ImportErrorCode } from '../import-error';
import { peekBytes } from './byte-stream';
import { readCsvRecords } from './csv-records';
import { type CsvDelimiter, detectDelimiter, readSeparatorHint } from './detect-delimiter';
import { detectSurveyLayout, type LayoutColumn } from './detect-survey-layout';
import type { ReadResponseTableOptions, ResponseColumn, ResponseRow, ResponseTable, ResponseTableInput } from './response-table.types';
import { readXlsxRecords } from './xlsx-records';
import { assertSafeZip } from '../zip/zip-guard';

const SNIFF_BYTES = 64 * 1024;
const MAX_HEADER_ROWS = 3;
const SAMPLE_VALUES = 5;
const SAMPLE_LENGTH = 100;
/** Far more than any survey export has; beyond it a file is not a response table (and mapping it would take minutes). */
export const MAX_RESPONSE_COLUMNS = 5_000;

/**
 * Opens a survey response export (CSV or XLSX) for streaming. Reads only what it needs up front —
 * the first 64 KB to sniff the format, encoding and delimiter, the header rows and a few sample
 * rows — and hands back `rows`, an async iterable that reads the rest of the input lazily.
 * Throws `ImportError` for an empty file, a legacy .xls, an unreadable file, or no header row.
 */
export async function readResponseTable(input: ResponseTableInput, options: ReadResponseTableOptions = {}): Promise<ResponseTable> {
  const fileName = options.fileName ?? 'the file';
  const peeked = await peekBytes(input, SNIFF_BYTES);
  if (peeked.prefix.length === 0) throw new ImportError(ImportErrorCode.EmptyFile, `The file "${fileName}" is empty`);
  if (peeked.prefix[0] === 0xd0 && peeked.prefix[1] === 0xcf) {
    throw new ImportError(ImportErrorCode.UnsupportedFormat, `"${fileName}" is a legacy Excel .xls file: save it as .xlsx or .csv and upload again`);
  }
  const format = options.format ?? (peeked.prefix[0] === 0x50 && peeked.prefix[1] === 0x4b ? 'xlsx' : 'csv');

  let encoding: TextEncoding | null = null;
  let delimiter: CsvDelimiter | null = null;
  let records: AsyncGenerator<ResponseRow>;
  if (format === 'xlsx') {
    if (input instanceof Uint8Array) assertSafeZip(input, ImportErrorCode.InvalidTable);
    records = readXlsxRecords(peeked.chunks);
  } else {
    encoding = sniffEncoding(peeked.prefix, peeked.complete).encoding;
    const sample = new TextDecoder(encoding).decode(peeked.prefix);
    if (looksBinary(sample)) throw new ImportError(ImportErrorCode.BinaryFile, `"${fileName}" is not a CSV or XLSX file`);
    const hint = readSeparatorHint(sample);
    delimiter = hint ?? detectDelimiter(sample);
    records = readCsvRecords(peeked.chunks, encoding, delimiter, hint ? 2 : 1);
  }
  const nonBlank = skipBlankRows(records);

  const head: ResponseRow[] = [];
  for (let next = await nonBlank.next(); !next.done; next = await nonBlank.next()) {
    head.push(next.value);
    if (head.length >= MAX_HEADER_ROWS) break;
  }
  if (head.length === 0) throw new ImportError(ImportErrorCode.InvalidTable, `"${fileName}" has no header row`);
  if (head.some((row) => row.cells.length > MAX_RESPONSE_COLUMNS)) {
    throw new ImportError(ImportErrorCode.InvalidTable, `"${fileName}" has more than ${MAX_RESPONSE_COLUMNS} columns`);
  }
  const layout = detectSurveyLayout(head.map((row) => row.cells));

  const buffered = head.slice(layout.headerRows);
  const sampleRows = options.sampleRows ?? 20;
  while (buffered.length < sampleRows) {
    const next = await nonBlank.next();
    if (next.done) break;
    buffered.push(next.value);
  }
  const width = layout.columns.length;
  const columns = layout.columns.map((column) => withSamples(column, buffered));

  async function* rows(): AsyncGenerator<ResponseRow> {
    try {
      for (const row of buffered.splice(0)) yield padRow(row, width);
      for (let next = await nonBlank.next(); !next.done; next = await nonBlank.next()) yield padRow(next.value, width);
    } finally {
      // A consumer that stops early (a bad row, a cancelled job) releases the input stream.
      await nonBlank.return(undefined);
    }
  }
  return { source: layout.source, format, encoding, delimiter, columns, metadata: layout.metadata, rows: rows() };
}

async function* skipBlankRows(records: AsyncGenerator<ResponseRow>): AsyncGenerator<ResponseRow> {
  for await (const record of records) {
    if (record.cells.some((cell) => cell.trim().length > 0)) yield record;
  }
}

function withSamples(column: LayoutColumn, rows: ResponseRow[]): ResponseColumn {
  const sampleValues: string[] = [];
  for (const row of rows) {
    const value = (row.cells[column.index] ?? '').trim().slice(0, SAMPLE_LENGTH);
    if (value.length > 0 && !sampleValues.includes(value)) sampleValues.push(value);
    if (sampleValues.length >= SAMPLE_VALUES) break;
  }
  return { ...column, sampleValues };
}

function padRow(row: ResponseRow, width: number): ResponseRow {
  if (row.cells.length >= width) return row;
  return { line: row.line, cells: [...row.cells, ...Array.from({ length: width - row.cells.length }, () => '')] };
}

/** Control characters other than tab/newline/form feed, or undecodable bytes, in more than 1% of the text (as transcripts judge it). */
function looksBinary(text: string): boolean {
  const suspicious = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return suspicious > Math.max(2, text.length * 0.01);
}
