import type { ApiError, EventsImportResponse } from '@tropa/contracts';

export type EventProblem = EventsImportResponse['problems'][number];

const LINE_PATTERNS = [/^line\s*(\d+)\s*[:.,]?\s*(.*)$/i, /^rows?\[(\d+)\]\.?(.*)$/i, /^rows?\.(\d+)\.?(.*)$/i, /^(\d+)[.:](.*)$/];

/**
 * The row problems of a refused events file. The server sends them as error details:
 * `{ line, field, message }`, or a field that names the line ("line 4: stage", "rows[4].stage").
 * A detail that names no line gets line 0 (a problem with the whole file).
 */
export function eventProblemsFromError(error: ApiError | null): EventProblem[] {
  if (!error) return [];
  return (error.details ?? []).map((detail) => {
    const line = (detail as { line?: unknown }).line;
    if (typeof line === 'number' && Number.isFinite(line)) {
      return { line, field: detail.field, message: detail.message };
    }
    for (const pattern of LINE_PATTERNS) {
      const match = pattern.exec(detail.field.trim());
      if (match) return { line: Number(match[1]), field: match[2].trim(), message: detail.message };
    }
    return { line: 0, field: detail.field, message: detail.message };
  });
}
