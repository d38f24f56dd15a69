import type { ImportColumn, ImportColumnTarget, ImportSource } from '@tropa/contracts';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { copyField } from './response-copy-writer';

/** Bytes fetched per query: small enough to keep memory flat, large enough to keep round trips few. */
const SLICE_BYTES = 256 * 1024;

/**
 * An uploaded file read back from `survey_imports.content`. A CSV is streamed in slices
 * (`substring` of an uncompressed out-of-line bytea fetches only the chunks it covers), so an
 * import never holds the whole file; an XLSX is read whole because the zip guard needs it.
 */
export class StoredFile {
  /** Bytes handed to the reader so far: the progress bar follows them. */
  bytesRead = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly importId: string,
    readonly size: number,
  ) {}

  async *slices(): AsyncGenerator<Buffer> {
    for (let offset = 0; ; offset += SLICE_BYTES) {
      const rows = await this.dataSource.query<Array<{ part: Buffer }>>('SELECT substring(content FROM $2 FOR $3) AS part FROM survey_imports WHERE id = $1', [
        this.importId,
        offset + 1,
        SLICE_BYTES,
      ]);
      if (!rows.length) throw new Error(`import ${this.importId} is gone`);
      const part = rows[0].part;
      if (part.length > 0) {
        this.bytesRead += part.length;
        yield part;
      }
      if (part.length < SLICE_BYTES) return;
    }
  }

  async whole(): Promise<Buffer> {
    const rows = await this.dataSource.query<Array<{ content: Buffer }>>('SELECT content FROM survey_imports WHERE id = $1', [this.importId]);
    if (!rows.length) throw new Error(`import ${this.importId} is gone`);
    this.bytesRead = rows[0].content.length;
    return rows[0].content;
  }

  /** 0…1 of the file read so far. */
  get progress(): number {
    return this.size > 0 ? Math.min(1, this.bytesRead / this.size) : 1;
  }
}

export interface UploadRow {
  id: string;
  projectId: string;
  surveyId: string;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  source: ImportSource;
  columns: ImportColumn[];
  respondentColumn: number | null;
  submittedAtColumn: number | null;
  suggestedMapping: ImportColumnTarget[];
  createdBy: string;
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const UPLOAD_COPY =
  'COPY survey_imports (id, project_id, survey_id, file_name, file_size, file_sha256, source, columns, suggested_mapping, respondent_column, submitted_at_column, status, created_by, content) FROM STDIN';

/**
 * Inserts an upload's row with `COPY`, the file's bytes streamed from disk as the hex text of the
 * last field: PostgreSQL assembles the value, the server never holds the file (nor a hex copy) whole.
 */
export async function storeUpload(dataSource: DataSource, path: string, row: UploadRow): Promise<void> {
  const fields = [
    row.id,
    row.projectId,
    row.surveyId,
    row.fileName,
    String(row.fileSize),
    row.fileSha256,
    row.source,
    JSON.stringify(row.columns),
    JSON.stringify(row.suggestedMapping),
    row.respondentColumn === null ? null : String(row.respondentColumn),
    row.submittedAtColumn === null ? null : String(row.submittedAtColumn),
    'uploaded',
    row.createdBy,
  ];
  async function* line(): AsyncGenerator<Buffer> {
    // `\x` is bytea's hex prefix, its backslash escaped for COPY's text format.
    yield Buffer.from(`${fields.map(copyField).join('\t')}\t\\\\x`, 'utf8');
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) yield Buffer.from((chunk as Buffer).toString('hex'), 'latin1');
    yield Buffer.from('\n');
  }
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    await pipeline(Readable.from(line()), client.query(copyFrom(UPLOAD_COPY)));
  } finally {
    await runner.release();
  }
}
