import { Readable } from 'node:stream';
import { stream } from 'exceljs';
import { ImportError, ImportErrorCode } from '../import-error';
import { cellText } from './cell-text';
import type { ResponseRow } from './response-table.types';

/**
 * Streams the rows of the first worksheet with exceljs's `WorkbookReader` (shared strings and
 * styles are cached, so dates are recognised by their number format; rows are not kept). Cells
 * become text with `cellText`. A damaged file becomes an ImportError.
 */
export async function* readXlsxRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<ResponseRow> {
  const input = Readable.from(chunks, { objectMode: false });
  const reader = new stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(ImportErrorCode.InvalidTable, `The XLSX file could not be read: ${message}`);
  } finally {
    input.destroy();
  }
}
