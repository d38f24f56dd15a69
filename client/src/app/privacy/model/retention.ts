import { RETENTION_DAYS } from '@tropa/contracts';

/**
 * The retention field's text as the API wants it: empty means "keep" (null), a whole
 * number of days within the bounds is that number, anything else is invalid.
 */
export function parseRetentionDays(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const days = Number(trimmed);
  return days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max ? { ok: true, value: days } : { ok: false };
}
