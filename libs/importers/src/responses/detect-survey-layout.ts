import type { ColumnRole, ResponseTableMetadata, SurveySource } from './response-table.types';

export interface LayoutColumn {
  index: number;
  key: string;
  title: string;
  role: ColumnRole;
}

export interface SurveyLayout {
  source: SurveySource;
  /** How many leading rows are headers. */
  headerRows: number;
  columns: LayoutColumn[];
  metadata: ResponseTableMetadata;
}

const normalise = (cell: string | undefined): string => (cell ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

const GOOGLE_TIMESTAMPS = new Set(['timestamp', 'отметка времени', 'marca temporal', 'horodateur', 'zeitstempel', 'carimbo de data/hora', 'informazioni cronologiche', 'позначка часу']);
const GOOGLE_EMAIL = new Set(['email address', 'адрес электронной почты', 'электронная почта', 'email']);
const GOOGLE_METADATA = new Set(['score', 'баллы']);

const MONKEY_IDS = new Set(['respondent id', 'идентификатор респондента', 'id респондента']);
const MONKEY_METADATA = new Set([
  'respondent id', 'collector id', 'start date', 'end date', 'ip address', 'email address', 'first name', 'last name',
  'идентификатор респондента', 'id респондента', 'идентификатор сборщика', 'id сборщика', 'дата начала', 'дата окончания',
  'ip-адрес', 'ip адрес', 'адрес электронной почты', 'имя', 'фамилия', 'custom data 1', 'настраиваемые данные 1',
]);
const MONKEY_END = new Set(['end date', 'дата окончания']);
const MONKEY_EMAIL = new Set(['email address', 'адрес электронной почты']);
const MONKEY_PLAIN_ANSWERS = new Set(['response', 'open-ended response', 'ответ', 'открытый ответ', 'ответ в свободной форме']);

const TYPEFORM_MARKERS = new Set(['network id', 'submitted at', 'submit date (utc)', 'start date (utc)', 'stage date (utc)', 'response type']);
const TYPEFORM_SUBMITTED = new Set(['submit date (utc)', 'submitted at']);
const TYPEFORM_METADATA = new Set([...TYPEFORM_MARKERS, '#', 'tags', 'ending', 'score']);

const QUALTRICS_METADATA = new Set([
  'startdate', 'enddate', 'status', 'ipaddress', 'progress', 'duration (in seconds)', 'finished', 'recordeddate', 'responseid',
  'recipientlastname', 'recipientfirstname', 'recipientemail', 'externalreference', 'externaldatareference', 'locationlatitude',
  'locationlongitude', 'distributionchannel', 'userlanguage',
]);

/**
 * Recognises the export of a survey tool from its first rows:
 * - Qualtrics: a third row of `{"ImportId":"QID1"}` cells (3 header rows; ids in row 1, question
 *   texts in row 2, the third skipped), or the legacy 2-row export with `ResponseId`/`Response ID`;
 * - SurveyMonkey: `Respondent ID`/`Collector ID` (or their Russian names) in row 1, or answer-kind
 *   labels ("Response", "Open-Ended Response", "Ответ") in row 2 under questions spanning several
 *   columns (2 header rows; titles become "Question — Option");
 * - Google Forms: first column `Timestamp` / `Отметка времени` (1 header row);
 * - Typeform: `Network ID` / `Submitted At` / `Submit Date (UTC)` / `Start Date (UTC)` columns
 *   (its `#` first column is the respondent token);
 * - anything else is generic with one header row, respondent id / date / e-mail guessed by title.
 */
export function detectSurveyLayout(rows: string[][]): SurveyLayout {
  const [first = [], second = [], third = []] = rows;
  const row1 = first.map(normalise);
  const row2 = second.map(normalise);
  if (third.some((cell) => /^\{\s*"ImportId"\s*:/i.test(cell.trim()))) return qualtricsLayout(first, second, 3);
  if (row1.includes('responseid') && row2.includes('response id')) return qualtricsLayout(first, second, 2);
  if (row1.some((cell) => MONKEY_IDS.has(cell) || cell === 'collector id' || cell === 'идентификатор сборщика') || looksLikeMonkeyAnswers(row1, row2)) {
    return surveyMonkeyLayout(first, second);
  }
  if (GOOGLE_TIMESTAMPS.has(row1[0] ?? '')) {
    return singleRowLayout('google_forms', first, (title) => {
      if (GOOGLE_TIMESTAMPS.has(title)) return 'submittedAt';
      if (GOOGLE_EMAIL.has(title)) return 'email';
      return GOOGLE_METADATA.has(title) ? 'metadata' : null;
    });
  }
  if (row1.some((cell) => TYPEFORM_MARKERS.has(cell))) {
    return singleRowLayout('typeform', first, (title, index) => {
      if (title === '#' && index === 0) return 'respondentId';
      if (TYPEFORM_SUBMITTED.has(title)) return 'submittedAt';
      return TYPEFORM_METADATA.has(title) ? 'metadata' : null;
    });
  }
  return singleRowLayout('generic', first, genericMetadata);
}

type MetadataKind = keyof ResponseTableMetadata | 'metadata' | null;

function genericMetadata(title: string): MetadataKind {
  if (/^(id|respondent( id)?|response( id)?|respondent_id|response_id|идентификатор|id респондента|номер|№|#|uuid)$/.test(title)) return 'respondentId';
  if (/^(timestamp|submitted( at)?|submission (date|time)|date submitted|created( at)?|date|дата|время|дата и время|дата заполнения|дата ответа|отметка времени)$/.test(title)) return 'submittedAt';
  if (/^(e-?mail( address)?|почта|эл\.? ?почта|электронная почта|адрес электронной почты|e-mail адрес)$/.test(title)) return 'email';
  return null;
}

function singleRowLayout(source: SurveySource, header: string[], classify: (title: string, index: number) => MetadataKind): SurveyLayout {
  const metadata: ResponseTableMetadata = { respondentId: null, submittedAt: null, email: null };
  const keys = new UniqueKeys();
  const columns = header.map((cell, index): LayoutColumn => {
    const title = cell.replace(/\s+/g, ' ').trim() || `Column ${index + 1}`;
    const kind = classify(normalise(cell), index);
    if (kind !== null && kind !== 'metadata' && metadata[kind] === null) metadata[kind] = index;
    return { index, key: keys.take(title), title, role: kind === null ? 'answer' : 'metadata' };
  });
  return { source, headerRows: 1, columns, metadata };
}

function looksLikeMonkeyAnswers(row1: string[], row2: string[]): boolean {
  const spans = row1.some((cell, index) => index > 0 && cell === '' && row1[index - 1] !== undefined && row2[index] !== '');
  return spans && row2.some((cell) => MONKEY_PLAIN_ANSWERS.has(cell));
}

function surveyMonkeyLayout(first: string[], second: string[]): SurveyLayout {
  const metadata: ResponseTableMetadata = { respondentId: null, submittedAt: null, email: null };
  const keys = new UniqueKeys();
  const width = Math.max(first.length, second.length);
  const columns: LayoutColumn[] = [];
  let question = '';
  for (let index = 0; index < width; index++) {
    const top = (first[index] ?? '').replace(/\s+/g, ' ').trim();
    if (top.length > 0) question = top;
    const sub = (second[index] ?? '').replace(/\s+/g, ' ').trim();
    const normalisedTop = normalise(top);
    const isMetadata = top.length > 0 && MONKEY_METADATA.has(normalisedTop) && sub === '';
    let title: string;
    if (question.length === 0) title = sub || `Column ${index + 1}`;
    else if (sub.length === 0 || MONKEY_PLAIN_ANSWERS.has(normalise(sub)) || isMetadata) title = question;
    else title = `${question} — ${sub}`;
    if (isMetadata) {
      if (MONKEY_IDS.has(normalisedTop)) metadata.respondentId ??= index;
      if (MONKEY_END.has(normalisedTop)) metadata.submittedAt ??= index;
      if (MONKEY_EMAIL.has(normalisedTop)) metadata.email ??= index;
    }
    columns.push({ index, key: keys.take(title), title, role: isMetadata ? 'metadata' : 'answer' });
  }
  return { source: 'surveymonkey', headerRows: 2, columns, metadata };
}

function qualtricsLayout(first: string[], second: string[], headerRows: number): SurveyLayout {
  const metadata: ResponseTableMetadata = { respondentId: null, submittedAt: null, email: null };
  const keys = new UniqueKeys();
  const width = Math.max(first.length, second.length);
  const columns: LayoutColumn[] = [];
  for (let index = 0; index < width; index++) {
    const id = (first[index] ?? '').trim();
    const title = (second[index] ?? '').replace(/\s+/g, ' ').trim() || id || `Column ${index + 1}`;
    const normalisedId = id.toLowerCase();
    const isMetadata = QUALTRICS_METADATA.has(normalisedId);
    if (normalisedId === 'responseid') metadata.respondentId ??= index;
    if (normalisedId === 'recordeddate') metadata.submittedAt = index;
    if (normalisedId === 'enddate') metadata.submittedAt ??= index;
    if (normalisedId === 'recipientemail') metadata.email ??= index;
    columns.push({ index, key: keys.take(id || title), title, role: isMetadata ? 'metadata' : 'answer' });
  }
  return { source: 'qualtrics', headerRows, columns, metadata };
}

/** Makes column keys unique: the second "Age" becomes "Age (2)". */
class UniqueKeys {
  private readonly seen = new Map<string, number>();

  take(key: string): string {
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    return count === 1 ? key : `${key} (${count})`;
  }
}
