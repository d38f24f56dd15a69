import { clusterQuotes } from './cluster-quotes';
import { adjustedRandIndex } from './metrics';
import type { ClusterOutput } from './cluster-types';
import type { QuoteInput } from '../types';

// Small RU and EN fixtures with known groups, plus unrelated noise.
const EN_GROUPS: string[][] = [
  [
    'The delivery of my parcel was late again',
    'My parcel delivery was three days late',
    'Late delivery, the parcel arrived after a week',
    'Why is my parcel delivery always late?',
    'The courier delivered the parcel late',
    'Parcel delivery late, nobody called me',
  ],
  [
    'I could not reset my password in the app',
    'Password reset email never arrived',
    'The app will not let me reset my password',
    'Resetting the password does not work',
    'I forgot my password and the reset fails',
    'Password reset link is broken in the app',
  ],
  [
    'The refund for my returned shoes is missing',
    'Still waiting for my refund after the return',
    'Refund not received for the returned item',
    'Where is my refund? I returned it weeks ago',
    'My refund for the return has not arrived',
    'The return was accepted but no refund yet',
  ],
];

const RU_GROUPS: string[][] = [
  [
    'Доставка заказа опять задержалась',
    'Курьер привёз заказ с опозданием',
    'Доставка опоздала на три дня',
    'Почему доставка заказа всегда опаздывает?',
    'Заказ доставили с большим опозданием',
    'Опять опоздала доставка, курьер не позвонил',
  ],
  [
    'Не могу сбросить пароль в приложении',
    'Письмо для сброса пароля не приходит',
    'Приложение не даёт сбросить пароль',
    'Сброс пароля не работает',
    'Забыл пароль, а сбросить его не получается',
    'Ссылка для сброса пароля в приложении не работает',
  ],
  [
    'Деньги за возврат так и не вернули',
    'Жду возврат денег за кроссовки уже месяц',
    'Возврат денег за товар не пришёл',
    'Где мой возврат? Товар вернул давно',
    'Вернул товар, а деньги не вернули',
    'Возврат приняли, но деньги не пришли',
  ],
];

const NOISE = [
  'Погода сегодня прекрасная',
  'My cat likes to sleep on the keyboard',
  'Вчера смотрел футбол до ночи',
  'Bananas are a good source of potassium',
];

function toQuotes(groups: string[][], extra: string[] = []): { quotes: QuoteInput[]; truth: number[] } {
  const quotes: QuoteInput[] = [];
  const truth: number[] = [];
  groups.forEach((g, gi) =>
    g.forEach((text) => {
      quotes.push({ id: `q${quotes.length}`, text, participantId: `p${quotes.length % 4}`, sourceId: `s${gi}` });
      truth.push(gi);
    }),
  );
  extra.forEach((text) => {
    quotes.push({ id: `q${quotes.length}`, text });
    truth.push(-1);
  });
  return { quotes, truth };
}

function predicted(out: ClusterOutput, ids: string[]): number[] {
  const byId = new Map<string, number>();
  out.clusters.forEach((c, ci) => c.memberIds.forEach((id) => byId.set(id, ci)));
  return ids.map((id) => byId.get(id) ?? -1);
}

describe('clusterQuotes', () => {
  it('should recover clear groups when given k on an English fixture', () => {
    const { quotes, truth } = toQuotes(EN_GROUPS);
    const out = clusterQuotes(quotes, { k: 3, seed: 1 });
    expect(out.clusters).toHaveLength(3);
    expect(adjustedRandIndex(truth, predicted(out, quotes.map((q) => q.id)))).toBeGreaterThan(0.8);
  });

  it('should recover clear groups when given k on a Russian fixture', () => {
    const { quotes, truth } = toQuotes(RU_GROUPS);
    const out = clusterQuotes(quotes, { k: 3, seed: 1 });
    expect(adjustedRandIndex(truth, predicted(out, quotes.map((q) => q.id)))).toBeGreaterThan(0.8);
    expect(out.clusters.every((c) => c.lang === 'ru')).toBe(true);
  });

  it('should return exactly k non-empty clusters when k is given', () => {
    const { quotes } = toQuotes(EN_GROUPS, NOISE);
    for (const k of [2, 5, 7]) {
      const out = clusterQuotes(quotes, { k, seed: 3 });
      expect(out.clusters).toHaveLength(k);
      expect(out.clusters.every((c) => c.size > 0 && c.memberIds.length === c.size)).toBe(true);
    }
  });

  it('should give identical clusters when the seed is the same', () => {
    const { quotes } = toQuotes([...EN_GROUPS, ...RU_GROUPS], NOISE);
    const a = clusterQuotes(quotes, { seed: 9 });
    const b = clusterQuotes(quotes, { seed: 9 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = clusterQuotes(quotes, { seed: 9, k: 4 });
    const d = clusterQuotes(quotes, { seed: 9, k: 4 });
    expect(JSON.stringify(c)).toBe(JSON.stringify(d));
  });

  it('should leave noise unclustered and find the groups when k is automatic', () => {
    const { quotes, truth } = toQuotes([...EN_GROUPS, ...RU_GROUPS], NOISE);
    const out = clusterQuotes(quotes, { seed: 1 });
    const ids = quotes.map((q) => q.id);
    const noiseIds = ids.filter((_, i) => truth[i] < 0);
    const leftOut = noiseIds.filter((id) => out.unclustered.includes(id));
    expect(leftOut.length).toBeGreaterThanOrEqual(3);
    const p = predicted(out, ids);
    const t = truth.filter((x) => x >= 0);
    expect(adjustedRandIndex(t, p.filter((_, i) => truth[i] >= 0))).toBeGreaterThan(0.6);
    expect(out.clusters.length).toBeGreaterThanOrEqual(4);
    expect(out.clusters.length).toBeLessThanOrEqual(8);
  });

  it('should keep seeded quotes together when they share a job tag', () => {
    const { quotes } = toQuotes(EN_GROUPS);
    // Tag two quotes from different natural groups with the same job.
    const seedLabels = new Map<number, string>([
      [0, 'job-a'],
      [6, 'job-a'],
      [12, 'job-b'],
    ]);
    for (const k of [3, undefined]) {
      const out = clusterQuotes(quotes, { k, seed: 2, seedLabels });
      const home = (id: string): string | undefined => out.clusters.find((c) => c.memberIds.includes(id))?.id;
      expect(home('q0')).toBeDefined();
      expect(home('q0')).toBe(home('q6'));
      expect(home('q12')).not.toBe(home('q0'));
    }
  });

  it('should return nothing when the input is empty', () => {
    expect(clusterQuotes([], { seed: 1 })).toEqual({ clusters: [], unclustered: [] });
  });

  it('should not fail when there is one quote', () => {
    const out = clusterQuotes([{ id: 'a', text: 'Only one quote here' }], { seed: 1 });
    expect(out.clusters.length + out.unclustered.length).toBeGreaterThan(0);
    const withK = clusterQuotes([{ id: 'a', text: 'Only one quote here' }], { seed: 1, k: 3 });
    expect(withK.clusters).toHaveLength(1);
  });

  it('should put identical quotes in one cluster when all quotes are the same', () => {
    const quotes = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, text: 'The app crashes on login' }));
    const out = clusterQuotes(quotes, { seed: 1 });
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters[0].size).toBe(12);
  });

  it('should leave quotes unclustered when they are only stop words or emoji', () => {
    const { quotes } = toQuotes(EN_GROUPS);
    quotes.push({ id: 'emoji', text: '😀😀🔥' }, { id: 'empty', text: '' });
    const out = clusterQuotes(quotes, { seed: 1, k: 3 });
    expect(out.unclustered).toEqual(expect.arrayContaining(['emoji', 'empty']));
    const stops = clusterQuotes([{ id: 's', text: 'and the of it is' }, { id: 'r', text: 'и в не на 25' }, ...quotes], { seed: 1 });
    expect(stops.unclustered).toEqual(expect.arrayContaining(['s', 'r', 'emoji', 'empty']));
  });

  it('should cluster mixed-language and very long quotes when they are present', () => {
    const { quotes } = toQuotes([...EN_GROUPS, ...RU_GROUPS]);
    quotes.push({ id: 'long', text: 'Доставка заказа опять задержалась, the parcel was late. '.repeat(200) });
    quotes.push({ id: 'mixed', text: 'Password reset в приложении не работает' });
    const out = clusterQuotes(quotes, { seed: 1, k: 6 });
    expect(out.clusters).toHaveLength(6);
    expect(out.clusters.flatMap((c) => c.memberIds)).toEqual(expect.arrayContaining(['long', 'mixed']));
  });

  it('should describe clusters with real words and representatives when explaining', () => {
    const { quotes } = toQuotes(RU_GROUPS);
    quotes.forEach((q, i) => (q.tags = [{ kind: 'stage', id: i < 6 ? 'delivery' : 'support', name: 'x' }]));
    const out = clusterQuotes(quotes, { seed: 1, k: 3 });
    const delivery = out.clusters.find((c) => c.memberIds.includes('q0'));
    expect(delivery).toBeDefined();
    expect(delivery?.keywords.join(' ')).toMatch(/доставк|опоздан|заказ/);
    expect(delivery?.representativeIds.length).toBeGreaterThanOrEqual(3);
    expect(delivery?.stageDistribution.delivery).toBeGreaterThan(0.5);
    expect(delivery?.cohesion).toBeGreaterThan(0);
    expect(delivery?.participantShare).toBeGreaterThan(0);
    expect(out.clusters.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });
});
