import type { QuoteInput, StageInput, TouchpointInput } from '../types';
import { assignStages } from '../stages';
import { analyseSentiment } from '../sentiment';
import { analyseTouchpoints } from './index';

const stages: StageInput[] = [
  { id: 's-aw', name: 'Осознание', order: 1 },
  { id: 's-pu', name: 'Покупка', order: 2 },
  { id: 's-se', name: 'Послепродажное обслуживание', order: 3 },
];

const inventory: TouchpointInput[] = [
  { id: 'tp-site', name: 'Сайт' },
  { id: 'tp-app', name: 'Мобильное приложение', aliases: ['приложуха'] },
  { id: 'tp-fax', name: 'Факс' },
];

const quotes: QuoteInput[] = [
  { id: 'q1', text: 'На сайте всё удобно', tags: [{ kind: 'stage', id: 's-pu', name: 'Покупка' }], participantId: 'p1' },
  { id: 'q2', text: 'На сайте ужасно долго грузится', tags: [{ kind: 'stage', id: 's-pu', name: 'Покупка' }], participantId: 'p2' },
  { id: 'q3', text: 'Писала в телеграм, ответили быстро', tags: [{ kind: 'stage', id: 's-se', name: 'Послепродажное обслуживание' }], participantId: 'p1' },
  { id: 'q4', text: 'В телеге никто не ответил', participantId: 'p3', tags: [{ kind: 'stage', id: 's-se', name: 'x' }] },
  { id: 'q5', text: 'Увидела в приложении', participantId: 'p3' },
];

describe('analyseTouchpoints', () => {
  const stageAssignments = assignStages(quotes, stages);
  const sentiment = analyseSentiment(quotes);
  const result = analyseTouchpoints({ quotes, inventory, stages: stageAssignments, stageOrder: stages.map((s) => s.id), sentiment });

  it('should list a channel as missing with counts and examples when customers name it and the inventory lacks it', () => {
    expect(result.missing).toHaveLength(1);
    expect(result.missing[0]).toMatchObject({
      key: 'telegram',
      name: 'Telegram',
      kind: 'messenger',
      quotes: 2,
      mentions: 2,
      participants: 2,
      exampleQuoteIds: ['q3', 'q4'],
      stages: { 's-se': 2 },
    });
  });

  it('should list an inventory touchpoint as silent when no quote mentions it', () => {
    expect(result.silent).toEqual([{ touchpointId: 'tp-fax', name: 'Факс' }]);
  });

  it('should count quotes and average sentiment per touchpoint and stage when filling the matrix', () => {
    const siteCell = result.matrix.cells.find((c) => c.ref === 'tp-site' && c.stageId === 's-pu');
    expect(siteCell?.quotes).toBe(2);
    const s1 = sentiment.find((s) => s.quoteId === 'q1')?.score ?? 0;
    const s2 = sentiment.find((s) => s.quoteId === 'q2')?.score ?? 0;
    expect(siteCell?.meanSentiment).toBeCloseTo((s1 + s2) / 2, 2);
    const tgCell = result.matrix.cells.find((c) => c.ref === 'discovered:telegram');
    expect(tgCell?.stageId).toBe('s-se');
    expect(result.matrix.stageIds[0]).toBe('s-pu');
  });

  it('should put a quote in the unknown column when its stage is unknown', () => {
    const appCell = result.matrix.cells.find((c) => c.ref === 'tp-app');
    expect(appCell?.stageId).toBeNull();
    expect(result.matrix.stageIds[result.matrix.stageIds.length - 1]).toBeNull();
  });

  it('should order rows inventory first, then discovered ones when building the matrix', () => {
    expect(result.matrix.rows.map((r) => r.ref)).toEqual(['tp-site', 'tp-app', 'discovered:telegram']);
    expect(result.matrix.rows[2].discovered).toBe(true);
  });

  it('should return empty lists and every inventory item silent when there are no quotes', () => {
    const empty = analyseTouchpoints({ quotes: [], inventory });
    expect(empty.mentions).toEqual([]);
    expect(empty.missing).toEqual([]);
    expect(empty.silent.map((s) => s.touchpointId)).toEqual(['tp-site', 'tp-app', 'tp-fax']);
  });
});
