/**
 * Header detection of events files (RU/EN) and name matching of stages and touchpoints.
 * A stage also matches the other language's name of the shipped frameworks
 * (a stage named "Покупка" matches "Purchase" in the file, and back).
 */
import { normaliseName } from './event-values';
import type { EventsColumnRole, EventsFileRef } from './events-file.types';

const HEADERS: Record<EventsColumnRole, readonly string[]> = {
  customer: ['customer id', 'customer', 'customerid', 'client id', 'client', 'user id', 'user', 'клиент', 'id клиента', 'клиент id', 'ид клиента', 'идентификатор клиента', 'покупатель', 'id покупателя'],
  stage: ['stage', 'funnel stage', 'journey stage', 'stage name', 'этап', 'этап воронки', 'стадия', 'этап пути'],
  touchpoint: ['touchpoint', 'touch point', 'touchpoint name', 'channel', 'точка контакта', 'точка касания', 'канал'],
  time: [],
  timestamp: ['timestamp', 'date', 'time', 'datetime', 'date time', 'event time', 'event date', 'дата', 'время', 'дата и время', 'дата время', 'дата события', 'время события'],
  amount: ['amount', 'sum', 'revenue', 'purchase amount', 'order amount', 'сумма', 'сумма покупки', 'сумма заказа', 'чек', 'выручка'],
};

const ROLES: readonly EventsColumnRole[] = ['customer', 'stage', 'touchpoint', 'timestamp', 'amount'];
const TIME_ONLY = new Set(['time', 'время', 'время события', 'event time']);

const headerKey = (cell: string): string => normaliseName(cell).replace(/[-.:]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Column index of each role (the first column whose title is one of the role's names), null when absent.
 * A time-only title ("Время", "time") after a date column is the separate `time` column.
 */
export function detectEventsColumns(header: readonly string[]): Record<EventsColumnRole, number | null> {
  const columns: Record<EventsColumnRole, number | null> = { customer: null, stage: null, touchpoint: null, timestamp: null, time: null, amount: null };
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (columns.timestamp !== null && columns.time === null && TIME_ONLY.has(key)) {
      columns.time = index;
      return;
    }
    for (const role of ROLES) {
      if (columns[role] === null && HEADERS[role].includes(key)) {
        columns[role] = index;
        return;
      }
    }
  });
  return columns;
}

/** Names of the shipped stage frameworks, each line the same stage in RU and EN. */
const STAGE_SYNONYMS: readonly string[][] = [
  ['осознание', 'awareness', 'знакомство'],
  ['интерес', 'interest'],
  ['рассмотрение', 'consideration'],
  ['решение', 'decision', 'принятие решения'],
  ['покупка', 'purchase'],
  ['послепродажное обслуживание', 'service', 'обслуживание', 'after-sales service', 'post-purchase service'],
  ['лояльность', 'loyalty'],
  ['первоначальное рассмотрение', 'initial consideration'],
  ['активная оценка', 'active evaluation'],
  ['сделка', 'deal'],
  ['опыт', 'experience', 'опыт использования'],
  ['триггер', 'trigger'],
];

/** Normalised name → id; the first ref to claim a name keeps it. */
export function nameIndex(refs: readonly EventsFileRef[], withStageSynonyms: boolean): Map<string, string> {
  const index = new Map<string, string>();
  const claim = (name: string, id: string) => {
    const key = normaliseName(name);
    if (key && !index.has(key)) index.set(key, id);
  };
  for (const ref of refs) {
    claim(ref.name, ref.id);
    for (const alias of ref.aliases ?? []) claim(alias, ref.id);
  }
  if (withStageSynonyms) {
    for (const ref of refs) {
      const own = [ref.name, ...(ref.aliases ?? [])].map(normaliseName);
      const line = STAGE_SYNONYMS.find((names) => names.some((n) => own.includes(n)));
      for (const name of line ?? []) claim(name, ref.id);
    }
  }
  return index;
}
