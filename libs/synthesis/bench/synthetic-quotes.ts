/** Synthetic RU+EN quotes from templates × slot fillers, for the scale benchmark. */
import type { QuoteInput } from '../src/types';
import { Rng } from '../src/rng';

const EN = [
  'I could not {verb} my {thing} in the app',
  'Why does it take so long to {verb} the {thing}?',
  'The {thing} page keeps crashing when I try to {verb}',
  'Support never answered about my {thing}',
  'I love how easy it is to {verb} a {thing}',
  'Delivery of the {thing} was late again',
];
const RU = [
  'Не получилось {verb_ru} {thing_ru} в приложении',
  'Почему так долго {verb_ru} {thing_ru}?',
  'Страница {thing_ru} зависает, когда пытаюсь {verb_ru}',
  'Поддержка так и не ответила про {thing_ru}',
  'Очень удобно {verb_ru} {thing_ru}, спасибо',
  'Доставка {thing_ru} опять опоздала',
];
const SLOTS: Record<string, string[]> = {
  verb: ['pay for', 'return', 'track', 'order', 'cancel', 'find', 'update', 'share'],
  thing: ['order', 'card', 'subscription', 'parcel', 'account', 'refund', 'coupon', 'delivery slot'],
  verb_ru: ['оплатить', 'вернуть', 'отследить', 'заказать', 'отменить', 'найти', 'обновить'],
  thing_ru: ['заказ', 'карту', 'подписку', 'посылку', 'аккаунт', 'возврат', 'купон', 'доставку'],
};

export function syntheticQuotes(count: number, seed = 1): QuoteInput[] {
  const rng = new Rng(seed);
  const quotes: QuoteInput[] = [];
  for (let i = 0; i < count; i++) {
    const ru = rng.next() < 0.5;
    const templates = ru ? RU : EN;
    const text = templates[rng.int(templates.length)].replace(/\{(\w+)\}/g, (_, slot: string) => {
      const options = SLOTS[slot];
      return options[rng.int(options.length)];
    });
    quotes.push({ id: `q${i}`, text, lang: ru ? 'ru' : 'en', participantId: `p${rng.int(200)}`, sourceId: `s${rng.int(20)}` });
  }
  return quotes;
}
