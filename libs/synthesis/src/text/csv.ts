/**
 * RFC 4180 CSV parsing: quoted fields with commas, doubled quotes and line
 * breaks, CRLF or LF, optional UTF-8 BOM. Incremental (push chunks) so callers
 * can stream large exports; pure — reading files is the caller's business.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  /** The previous chunk ended on a quote inside a quoted field: it may be the first of a doubled pair. */
  private pendingQuote = false;
  private first = true;

  /** Feed a chunk; complete rows are passed to onRow. */
  push(chunk: string, onRow: (row: string[]) => void): void {
    let text = chunk;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (text[0] === '"') {
        this.field += '"';
        i = 1;
      } else this.inQuotes = false;
    }
    let start = i;
    for (; i < text.length; i++) {
      const c = text[i];
      if (this.inQuotes) {
        if (c !== '"') continue;
        this.field += text.slice(start, i);
        if (i + 1 >= text.length) {
          this.pendingQuote = true;
          start = i + 1;
          continue;
        }
        if (text[i + 1] === '"') {
          this.field += '"';
          i++;
        } else this.inQuotes = false;
        start = i + 1;
        continue;
      }
      if (c === '"') {
        this.field += text.slice(start, i);
        this.inQuotes = true;
        start = i + 1;
      } else if (c === ',') {
        this.row.push(this.field + text.slice(start, i));
        this.field = '';
        start = i + 1;
      } else if (c === '\n' || c === '\r') {
        this.row.push(this.field + text.slice(start, i));
        this.field = '';
        if (c === '\r' && text[i + 1] === '\n') i++;
        this.emit(onRow);
        start = i + 1;
      }
    }
    this.field += text.slice(start);
  }

  /** Flush the last row (file without a trailing newline). */
  end(onRow: (row: string[]) => void): void {
    if (this.pendingQuote) this.inQuotes = false;
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field);
      this.field = '';
      this.emit(onRow);
    }
  }

  private emit(onRow: (row: string[]) => void): void {
    const row = this.row;
    this.row = [];
    // Skip blank lines (a lone empty field).
    if (row.length === 1 && row[0] === '') return;
    onRow(row);
  }
}

/** Parse a whole CSV string into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser();
  parser.push(text, (r) => rows.push(r));
  parser.end((r) => rows.push(r));
  return rows;
}
