/**
 * An exceljs cell value as the text a survey answer would have been: numbers in plain notation
 * (no exponent, no grouping), dates as ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss` (Excel dates
 * carry no time zone, so none is added), rich text flattened, hyperlinks as their text, formulas
 * as their result, errors as written (`#N/A`), booleans as `TRUE`/`FALSE`.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: unknown) => (isTextPart(part) ? cellText(part.text) : '')).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : '';
  if ('text' in value) return cellText(value.text);
  if ('error' in value) return cellText(value.error);
  return '';
}

function isTextPart(part: unknown): part is { text: unknown } {
  return typeof part === 'object' && part !== null && 'text' in part;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const plain = String(value);
  return /e/i.test(plain) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : plain;
}

function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
