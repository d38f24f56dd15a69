export { ImportError, ImportErrorCode } from './import-error';
export { decodeText, sniffEncoding, type DecodedText, type SniffedEncoding, type TextEncoding } from './encoding/decode-text';

export type { DetectedSpeaker, ImportWarning, ParsedTranscript, ParsedUtterance, TranscriptFormat } from './transcripts/transcript.types';
export { parseTranscript } from './transcripts/parse-transcript';
export { parseVtt } from './transcripts/parse-vtt';
export { parseSrt } from './transcripts/parse-srt';
export { parseDocx } from './transcripts/parse-docx';
export { parsePlainText } from './transcripts/parse-plain-text';
export { MERGE_GAP_MS } from './transcripts/build-transcript';

export type { PiiKind, PiiMatch } from './pii/pii.types';
export { findPersonalData } from './pii/find-personal-data';
export { redact, type NamePseudonym } from './pii/redact';

export type {
  ColumnRole,
  ReadResponseTableOptions,
  ResponseColumn,
  ResponseRow,
  ResponseTable,
  ResponseTableInput,
  ResponseTableMetadata,
  SurveySource,
} from './responses/response-table.types';
export { readResponseTable } from './responses/read-response-table';
export {
  MAPPING_THRESHOLD,
  suggestColumnMapping,
  type ColumnMappingSuggestion,
  type MappableColumn,
  type SurveyQuestionRef,
} from './responses/suggest-column-mapping';

export type { CodebookEntry } from './codebook/codebook.types';
export { readQdc, writeQdc } from './codebook/qdc';
export { readCodebookCsv, writeCodebookCsv } from './codebook/codebook-csv';
export { assertSafeZip, OFFICE_ZIP_LIMITS, type ZipLimits } from './zip/zip-guard';
export * from './events';
