import type { ImportColumn, ImportSource } from '@tropa/contracts';
import { ImportError, readResponseTable } from '@tropa/importers';
import { DomainException } from '../../../core/errors/domain.exception';

/** A problem with the file itself (not a row): reported to the user, never retried. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface ResponseFilePreview {
  source: ImportSource;
  columns: ImportColumn[];
  respondentColumn: number | null;
  submittedAtColumn: number | null;
}

export interface ResponseFile extends ResponseFilePreview {
  rows: AsyncIterable<{ line: number; cells: string[] }>;
}

/** The whole file, or its bytes in order (a stored CSV is read in slices, never held whole). */
export type ResponseFileInput = Uint8Array | AsyncIterable<Uint8Array>;

const BINARY = 'The file looks binary, not a CSV or XLSX export';

/** PostgreSQL text cannot hold NUL characters; a table that has them is not a text export. */
function hasNul(texts: string[]): boolean {
  return texts.some((text) => text.includes('\u0000'));
}

async function* rowsOf(rows: AsyncIterable<{ line: number; cells: string[] }>): AsyncGenerator<{ line: number; cells: string[] }> {
  try {
    for await (const row of rows) {
      if (hasNul(row.cells)) throw new FileProblem(BINARY, row.line);
      yield row;
    }
  } catch (error) {
    if (error instanceof ImportError) throw new FileProblem(error.message);
    throw error;
  }
}

/** Opens a stored CSV/XLSX export for streaming (rows are read lazily). */
export async function openResponseFile(input: ResponseFileInput, fileName: string): Promise<ResponseFile> {
  try {
    const table = await readResponseTable(input, { fileName });
    if (hasNul(table.columns.flatMap((column) => [column.title, ...column.sampleValues]))) throw new FileProblem(BINARY);
    return {
      source: table.source,
      columns: table.columns.map((column) => ({ index: column.index, title: column.title, samples: column.sampleValues })),
      respondentColumn: table.metadata.respondentId,
      submittedAtColumn: table.metadata.submittedAt,
      rows: rowsOf(table.rows),
    };
  } catch (error) {
    if (error instanceof ImportError) throw new FileProblem(error.message);
    throw error;
  }
}

/** The header and first rows, for the mapping screen; a bad file is a 400 naming `file`. */
export async function previewResponseFile(input: ResponseFileInput, fileName: string): Promise<ResponseFilePreview> {
  try {
    const { rows: _rows, ...preview } = await openResponseFile(input, fileName);
    return preview;
  } catch (error) {
    if (error instanceof FileProblem) throw DomainException.invalid('file', error.message);
    throw error;
  }
}
