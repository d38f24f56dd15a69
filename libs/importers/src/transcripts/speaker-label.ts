/**
 * Is a line-start label a speaker's name? The rules (documented for reviewers of imports):
 *
 * - Shape: 1–4 words, at most 40 characters, made of letters, digits, dots, hyphens and
 *   apostrophes, starting with a letter or digit and holding at least one letter ("Модератор",
 *   "Участник 3", "Interviewer", "Анна К.", "Speaker 1", "И").
 * - Never a label that announces prose rather than a person ("Важно", "Примечание", "Note",
 *   "Итого", …): see {@link PROSE_LABELS}.
 * - "Name-like": every word is capitalised, a number or an initial. Role words (moderator,
 *   respondent, participant, speaker, Q/A, И/Р…) count as name-like in any case.
 *
 * Callers combine these with evidence from the whole file (see `classifyLabels`).
 */
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}.'’-]*$/u;

const PROSE_LABELS = new Set(
  [
    'важно', 'внимание', 'примечание', 'прим', 'итог', 'итого', 'вывод', 'выводы', 'пример', 'например',
    'цитата', 'комментарий', 'тема', 'задача', 'цель', 'цели', 'проблема', 'проблемы', 'результат',
    'результаты', 'итак', 'кстати', 'плюсы', 'минусы', 'upd', 'p.s', 'p.s.', 'ps', 'дата', 'время',
    'место', 'длительность', 'продолжительность', 'формат', 'рекомендация', 'рекомендации', 'инсайт',
    'гипотеза', 'note', 'notes', 'important', 'summary', 'example', 'e.g', 'i.e', 'conclusion',
    'conclusions', 'result', 'results', 'warning', 'update', 'pros', 'cons', 'tip', 'date', 'time',
    'duration', 'location', 'topic', 'goal', 'goals', 'problem', 'recommendation', 'insight', 'hypothesis',
    'http', 'https', 'mailto', 'tel',
  ],
);

const ROLE_WORDS = new Set([
  'модератор', 'интервьюер', 'интервьюируемый', 'респондент', 'респондентка', 'участник', 'участница',
  'спикер', 'ведущий', 'ведущая', 'клиент', 'клиентка', 'исследователь', 'собеседник', 'гость',
  'вопрос', 'ответ', 'и', 'р', 'в', 'о', 'м',
  'moderator', 'interviewer', 'interviewee', 'respondent', 'participant', 'speaker', 'host', 'guest',
  'customer', 'client', 'researcher', 'facilitator', 'user', 'q', 'a', 'i', 'r', 'p',
]);

export function normaliseSpeakerName(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

export function hasSpeakerShape(label: string): boolean {
  const name = normaliseSpeakerName(label);
  if (name.length === 0 || name.length > 40) return false;
  const words = name.split(' ');
  if (words.length > 4 || !words.every((word) => WORD.test(word))) return false;
  if (!/\p{L}/u.test(name)) return false;
  return !PROSE_LABELS.has(name.toLowerCase().replace(/\.$/, '')) && !PROSE_LABELS.has(name.toLowerCase());
}

export function isRoleLabel(label: string): boolean {
  const words = normaliseSpeakerName(label).toLowerCase().split(' ');
  return ROLE_WORDS.has(words[0].replace(/\.$/, '')) && words.slice(1).every((word) => /^(\d+|\p{L}\.?|#\d+)$/u.test(word));
}

export function isNameLike(label: string): boolean {
  if (isRoleLabel(label)) return true;
  return normaliseSpeakerName(label)
    .split(' ')
    .every((word) => /^\p{Lu}/u.test(word) || /^\d+$/.test(word) || /^\p{L}\.$/u.test(word));
}

export function startsCapitalised(label: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(label.trim());
}

/** What a file says about one candidate label. */
export interface LabelEvidence {
  /** How many times the label starts a line, cue or paragraph. */
  count: number;
  /** Whether a timestamp came with it at least once. */
  withTimestamp: boolean;
  /** Whether it was written as a bold run at the start of a paragraph (DOCX). */
  bold: boolean;
}

/**
 * Accepts a label as a speaker when it has the speaker shape and either
 * - recurs (2+ times) and starts with a capital, a digit, or is a role word; or
 * - recurs 3+ times in a dialogue-shaped file, whatever its case (Zoom names like "ivan.petrov"); or
 * - is name-like and is supported by a timestamp, bold type, a role word, or a dialogue-shaped
 *   file (many lines start with labels).
 * A one-off "Мой опыт такой:" in prose is therefore text, while "Анна К.:" in a dialogue or
 * "Участник 7:" speaking once in a focus group are speakers.
 */
export function acceptSpeakerLabel(label: string, evidence: LabelEvidence, dialogueShaped: boolean): boolean {
  if (!hasSpeakerShape(label)) return false;
  const role = isRoleLabel(label);
  if (evidence.count >= 2 && (startsCapitalised(label) || role)) return true;
  if (evidence.count >= 3 && dialogueShaped) return true;
  return isNameLike(label) && (evidence.withTimestamp || evidence.bold || dialogueShaped || role);
}

export function collectLabelEvidence(
  evidence: Map<string, LabelEvidence>,
  label: string,
  flags: { withTimestamp?: boolean; bold?: boolean } = {},
): void {
  const key = normaliseSpeakerName(label).toLocaleLowerCase();
  const current = evidence.get(key) ?? { count: 0, withTimestamp: false, bold: false };
  current.count += 1;
  current.withTimestamp ||= flags.withTimestamp === true;
  current.bold ||= flags.bold === true;
  evidence.set(key, current);
}

export function evidenceFor(evidence: Map<string, LabelEvidence>, label: string): LabelEvidence {
  return evidence.get(normaliseSpeakerName(label).toLocaleLowerCase()) ?? { count: 0, withTimestamp: false, bold: false };
}
