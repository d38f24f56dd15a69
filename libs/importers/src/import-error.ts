/** Why an import was refused. The server maps every code to a 4xx response. */
export enum ImportErrorCode {
  EmptyFile = 'EMPTY_FILE',
  BinaryFile = 'BINARY_FILE',
  UnsupportedFormat = 'UNSUPPORTED_FORMAT',
  InvalidDocx = 'INVALID_DOCX',
  NoUtterances = 'NO_UTTERANCES',
  InvalidTable = 'INVALID_TABLE',
  StaleRedaction = 'STALE_REDACTION',
}

/** A file (or a request about one) that cannot be imported, with a message fit to show the user. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
