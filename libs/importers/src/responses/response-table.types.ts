import type { TextEncoding } from '../encoding/decode-text';

export type SurveySource = 'google_forms' | 'surveymonkey' | 'typeform' | 'qualtrics' | 'generic';

/** `answer` columns hold answers to questions; `metadata` columns are the tool's own (ids, dates, IP…). */
export type ColumnRole = 'answer' | 'metadata';

export interface ResponseColumn {
  /** 0-based position of the column in every row's `cells`. */
  index: number;
  /** Unique within the table: the tool's column id when it has one (Qualtrics `Q1`), else the title. */
  key: string;
  /** Human title: the question (SurveyMonkey: "Question — Option"). */
  title: string;
  role: ColumnRole;
  /** Up to 5 distinct non-empty values from the first rows, each cut to 100 characters. */
  sampleValues: string[];
}

export interface ResponseRow {
  /** 1-based line of the file where the row starts (CSV), or the worksheet row number (XLSX). */
  line: number;
  /** One string per column (padded with ""; a row longer than the header keeps its extra cells). */
  cells: string[];
}

/** Column indexes of the respondent metadata the server needs, null when absent. */
export interface ResponseTableMetadata {
  respondentId: number | null;
  submittedAt: number | null;
  email: number | null;
}

export interface ResponseTable {
  source: SurveySource;
  format: 'csv' | 'xlsx';
  /** CSV only: the detected text encoding and delimiter. */
  encoding: TextEncoding | null;
  delimiter: string | null;
  columns: ResponseColumn[];
  metadata: ResponseTableMetadata;
  /** Data rows, read lazily from the input. Iterate once. Blank rows are skipped. */
  rows: AsyncIterable<ResponseRow>;
}

/** The file: a whole buffer, or its chunks (a Node `Readable` is an async iterable of Buffers). */
export type ResponseTableInput = Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ReadResponseTableOptions {
  /** Used to pick the format when the content does not tell (and in error messages). */
  fileName?: string;
  /** Forces the format instead of sniffing it. */
  format?: 'csv' | 'xlsx';
  /** How many data rows are read ahead to fill `sampleValues` (default 20). */
  sampleRows?: number;
}
