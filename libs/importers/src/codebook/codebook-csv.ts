import { parse } from 'csv-parse/sync';
import { ImportError, ImportErrorCode } from '../import-error';
import type { CodebookEntry } from './codebook.types';

const HEADER = ['id', 'parent_id', 'name', 'kind', 'color', 'description'];

function cell(value: string): string {
  // A codebook CSV is opened in spreadsheets too: neutralise formula starts.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per code: id, parent_id, name, kind, color, description. */
export function writeCodebookCsv(entries: readonly CodebookEntry[]): string {
  const rows = entries.map((entry) => [entry.id, entry.parentId ?? '', entry.name, entry.kind ?? '', entry.color ?? '', entry.description].map(cell).join(','));
  return [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

export function readCodebookCsv(text: string): CodebookEntry[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new ImportError(ImportErrorCode.InvalidTable, `The codebook CSV cannot be read: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || HEADER.some((name, index) => header[index]?.trim().toLowerCase() !== name)) {
    throw new ImportError(ImportErrorCode.InvalidTable, `A codebook CSV starts with the columns ${HEADER.join(', ')}`);
  }
  return rows.map((row, index) => {
    const [id, parentId, name, kind, color, description] = row.map((value) => (value ?? '').trim());
    if (!id || !name) throw new ImportError(ImportErrorCode.InvalidTable, `Row ${index + 2} needs an id and a name`);
    return { id, parentId: parentId || null, name: name.replace(/^'(?=[=+\-@])/, ''), kind: kind || null, color: /^#[0-9a-fA-F]{6}$/.test(color ?? '') ? (color as string) : null, description: description ?? '' };
  });
}
