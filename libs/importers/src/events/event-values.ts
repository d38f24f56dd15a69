/**
 * Cell readers of events files: timestamps, amounts and names.
 *
 * Timestamps: ISO 8601 (`2024-03-12`, `2024-03-12T10:15`, `…:00Z`, `…+03:00`),
 * `YYYY-MM-DD HH:mm[:ss]` and `DD.MM.YYYY[ HH:mm[:ss]]`; a time without a zone is UTC.
 * Amounts: a dot or a comma as the decimal separator; spaces, non-breaking spaces and
 * apostrophes as thousands separators; when both `,` and `.` occur the last one is
 * the decimal separator; a currency sign or code around the number is ignored
 * (₽ $ € £, руб, р., rub, usd, eur).
 */

export function parseEventTimestamp(text: string): Date | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value);
  if (match) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
    const ms = Math.round(Number(`0.${fraction}`) * 1000);
    const date = utc(+y, +mo, +d, +h, +mi, +s, ms);
    if (!date || !zone || /^z$/i.test(zone)) return date;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2, 4)) > 59) return null;
    return new Date(date.getTime() - offsetMinutes * 60_000);
  }
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (match) {
    const [, d, mo, y, h = '0', mi = '0', s = '0'] = match;
    return utc(+y, +mo, +d, +h, +mi, +s, 0);
  }
  return null;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date : null;
}

const CURRENCY_PREFIX = /^(?:[₽$€£]|руб\.?|р\.|rub|usd|eur)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[₽$€£]|руб\.?|р\.?|rub|usd|eur)$/i;

/** The amount in a cell: a number (possibly negative), null for an empty cell, NaN when unreadable. */
export function parseAmount(text: string): number | null {
  let value = text.trim();
  if (value === '') return null;
  let sign = 1;
  if (/^[-−]/.test(value)) {
    sign = -1;
    value = value.slice(1).trim();
  }
  value = value.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  if (/^[-−]/.test(value)) {
    sign = -sign;
    value = value.slice(1);
  }
  value = value.replace(/[\s\u00a0\u202f']/g, '');
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    value = value.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    value = value.split(',').length > 2 ? thousandsOnly(value, ',') : value.replace(',', '.');
  } else if (lastDot >= 0 && value.split('.').length > 2) {
    value = thousandsOnly(value, '.');
  }
  if (!/^\d+(?:\.\d+)?$/.test(value)) return Number.NaN;
  return sign * Number(value);
}

/** "1,234,567" → "1234567" when every group after the first has three digits; else unreadable. */
function thousandsOnly(value: string, separator: string): string {
  const groups = value.split(separator);
  return groups.slice(1).every((g) => /^\d{3}$/.test(g)) ? groups.join('') : 'x';
}

/** Lower case, ё→е, no quotes, single spaces: the form names are compared in. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»“”„]/g, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}
