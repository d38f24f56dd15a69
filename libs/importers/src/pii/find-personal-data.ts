import { passesLuhn } from './luhn';
import { isPersonalUrl } from './personal-url';
import type { PiiKind, PiiMatch } from './pii.types';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]*@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;
const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"'«»]+/giu;
const URL_BARE_WITH_PATH = /(?<![\p{L}\p{N}@./-])(?:[a-z0-9-]+\.)+(?:[a-z]{2,}|рф)\/[^\s<>"'«»]*/giu;
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}+№#/_-])(?<!\d[.,])\+?(?:\d|\(\d)[\d \t\u00a0()-]{5,24}\d(?![\p{L}\p{N}])/gu;
const CARD_CANDIDATE = /(?<![\p{L}\p{N}.,_-])\d(?:[ -]?\d){12,22}(?![\p{L}\p{N}])/gu;
const NUMBER_LABEL_BEFORE = /(?:№|#|(?<!\p{L})(?:No\.?|заказ[а-я]*|order|invoice|счёт|счет|договор[а-я]*|ИНН|ОГРН|артикул))\s*:?\s*$/iu;

/**
 * Finds personal data a researcher should confirm before it is stored: e-mail addresses, phone
 * numbers, payment card numbers and personal URLs (see `isPersonalUrl` for the URL rule).
 *
 * Phones: international numbers written with `+` (10–15 digits; `+7` needs 11) and Russian
 * numbers without `+` — 11 digits starting with 8/7 then a 3/4/8/9 area code (written as one
 * run, or with the 8/7 standing alone before the rest), or 10 digits with the area code in
 * parentheses or a 9xx mobile code written in 3-3-2-2 / 3-3-4 groups. Dots are never phone
 * separators, so dates (12.03.2024, 2024-03-12), times (10:30), prices (1 500 ₽) and numbers
 * labelled as something else ("№", "#", "заказ", "order", "счёт", "договор", "ИНН", "артикул")
 * are left alone.
 *
 * Cards: 13–19 digits, optionally in groups split by single spaces or dashes, starting with 2–6,
 * not one repeated digit, and passing the Luhn check.
 *
 * Overlaps keep the longer match (an e-mail inside a URL is reported as the URL).
 */
export function findPersonalData(text: string): PiiMatch[] {
  const found: PiiMatch[] = [
    ...scan(text, EMAIL, 'email', (candidate) => candidate),
    ...scan(text, URL_WITH_SCHEME, 'url', trimUrl),
    ...scan(text, URL_BARE_WITH_PATH, 'url', trimUrl),
    ...scan(text, CARD_CANDIDATE, 'card', (candidate, start) => (labelledNumber(text, start) ? null : longestValidPrefix(candidate, isCardNumber))),
    ...scan(text, PHONE_CANDIDATE, 'phone', (candidate, start) => (labelledNumber(text, start) ? null : longestValidPrefix(candidate, isPhoneNumber))),
  ];
  return removeOverlaps(found.filter((match) => match.kind !== 'url' || isPersonalUrl(match.text)));
}

function scan(text: string, pattern: RegExp, kind: PiiKind, accept: (candidate: string, start: number) => string | null): PiiMatch[] {
  const matches: PiiMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const accepted = accept(match[0], match.index);
    if (accepted) matches.push({ kind, start: match.index, end: match.index + accepted.length, text: accepted });
  }
  return matches;
}

function labelledNumber(text: string, start: number): boolean {
  return NUMBER_LABEL_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/** The candidate itself or, failing that, the longest run of its leading digit groups that is valid. */
function longestValidPrefix(candidate: string, isValid: (text: string) => boolean): string | null {
  let current = candidate;
  while (current.length > 0) {
    if (isValid(current)) return current;
    const shorter = current.replace(/[ \t\u00a0()-]+\(?\d+\)?$/, '');
    if (shorter === current) return null;
    current = shorter;
  }
  return null;
}

export function isPhoneNumber(candidate: string): boolean {
  if (/[ \t\u00a0-]{2,}/.test(candidate.replace(/ - /g, '-'))) return false;
  const parentheses = candidate.match(/[()]/g) ?? [];
  if (parentheses.length !== 0 && (parentheses.length !== 2 || !/\(\d{1,5}\)/.test(candidate))) return false;
  const digits = candidate.replace(/\D/g, '');
  if (candidate.startsWith('+')) {
    if (digits.startsWith('7')) return digits.length === 11 && /^7[3489]/.test(digits);
    return digits.length >= 10 && digits.length <= 15;
  }
  if (digits.length === 11 && /^[78][3489]/.test(digits)) return /^\d+$/.test(candidate) || /^[78][ \t\u00a0(-]/.test(candidate);
  if (digits.length === 10) {
    return /^\(\d{3}\)[ \t\u00a0]?\d{3}[ -]?\d{2}[ -]?\d{2}$/.test(candidate)
      || /^\(\d{3}\)[ \t\u00a0]?\d{3}-\d{4}$/.test(candidate)
      || /^9\d{2}[ -]\d{3}[ -]\d{2}[ -]\d{2}$/.test(candidate);
  }
  return false;
}

export function isCardNumber(candidate: string): boolean {
  const separators = new Set(candidate.match(/[ -]/g) ?? []);
  if (separators.size > 1) return false;
  const digits = candidate.replace(/\D/g, '');
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && !/^(\d)\1+$/.test(digits) && passesLuhn(digits);
}

function trimUrl(candidate: string): string | null {
  let url = candidate;
  for (;;) {
    const last = url.at(-1) ?? '';
    if (/[.,;:!?»"']/.test(last)) url = url.slice(0, -1);
    else if (last === ')' && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1);
    else break;
  }
  return url.length > 0 ? url : null;
}

function removeOverlaps(matches: PiiMatch[]): PiiMatch[] {
  const byPreference = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PiiMatch[] = [];
  for (const match of byPreference) {
    if (kept.every((other) => match.end <= other.start || match.start >= other.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
