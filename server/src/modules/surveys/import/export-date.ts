/**
 * Reads the submission time columns of survey-tool exports: ISO 8601,
 * "2024-03-12 10:15:00", Russian "12.03.2024 10:15:00" and US "3/12/2024 10:15:00 AM".
 * Times without a zone are taken as UTC. Returns null for anything else.
 */
export function parseExportDate(text: string): Date | null {
  const value = text.trim();
  if (!value) return null;
  let match = value.match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/);
  if (match) {
    const [, y, m, d, h = '0', min = '0', s = '0', zone] = match;
    const iso = `${y}-${m}-${d}T${h.padStart(2, '0')}:${min}:${s.padStart(2, '0')}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`;
    return valid(new Date(iso));
  }
  match = value.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/);
  if (match) {
    const [, d, m, y, h = '0', min = '0', s = '0'] = match;
    return utc(+y, +m, +d, +h, +min, +s);
  }
  match = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM|am|pm)?)?$/);
  if (match) {
    const [, m, d, y, h = '0', min = '0', s = '0', half] = match;
    let hour = +h;
    if (half && /pm/i.test(half) && hour < 12) hour += 12;
    if (half && /am/i.test(half) && hour === 12) hour = 0;
    return utc(+y, +m, +d, hour, +min, +s);
  }
  return null;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCDate() === day ? date : null;
}

function valid(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
