import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { TextEncoding } from '../encoding/decode-text';
import { ImportError, ImportErrorCode } from '../import-error';
import type { CsvDelimiter } from './detect-delimiter';
import type { ResponseRow } from './response-table.types';

/**
 * Streams CSV records through csv-parse: bytes are decoded chunk by chunk (the decoder drops a
 * BOM), quoted fields may hold delimiters and line breaks, rows may differ in length. Each record
 * carries the line where it starts; records before `fromLine` are skipped. A malformed file (an
 * unclosed quote) becomes an ImportError.
 */
export async function* readCsvRecords(chunks: AsyncIterable<Buffer>, encoding: TextEncoding, delimiter: CsvDelimiter, fromLine = 1): AsyncGenerator<ResponseRow> {
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, from_line: fromLine });
  const source = Readable.from(decodeChunks(chunks, encoding), { objectMode: false });
  source.on('error', (error: Error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // Most fields hold no line break: look before running a regular expression on each.
      let breaks = 0;
      for (let index = 0; index < record.length; index += 1) {
        const field = record[index];
        if (!field.includes('\n') && !field.includes('\r')) continue;
        breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
        record[index] = field.replace(/\r\n?/g, '\n');
      }
      yield { line: info.lines - breaks, cells: record };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(ImportErrorCode.InvalidTable, `The CSV file could not be read: ${message}`);
  } finally {
    source.destroy();
  }
}

async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}
