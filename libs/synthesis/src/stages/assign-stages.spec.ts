import type { QuoteInput, StageInput } from '../types';
import { assignStages, buildStageClassifier, stageKeyOf } from './index';

const stages: StageInput[] = [
  { id: 'aw', name: 'Осознание', order: 1 },
  { id: 'in', name: 'Интерес', order: 2 },
  { id: 'co', name: 'Рассмотрение', order: 3 },
  { id: 'de', name: 'Решение', order: 4 },
  { id: 'pu', name: 'Покупка', order: 5 },
  { id: 'se', name: 'Послепродажное обслуживание', order: 6 },
  { id: 'lo', name: 'Лояльность', order: 7 },
];

const TRAINING: Record<string, string[]> = {
  aw: [
    'Впервые увидела их рекламу в метро',
    'Узнала о магазине от блогера',
    'Случайно наткнулась на баннер с рекламой',
    'Про них впервые услышала от коллеги',
  ],
  in: [
    'Стало интересно, зашла на сайт почитать подробнее',
    'Подписалась на их канал, чтобы узнать подробнее',
    'Полистала каталог, любопытно стало',
    'Изучила описание на сайте',
  ],
  co: [
    'Сравнивала цены с конкурентами',
    'Читала отзывы и сравнивала варианты',
    'Выбирала между тремя аналогами по характеристикам',
    'Смотрела обзоры и сравнивала цены',
  ],
  de: [
    'В итоге решила взять у них, убедила гарантия',
    'Окончательно решилась после звонка менеджера',
    'Долго сомневалась, но решила попробовать',
    'Выбрала их, решающим стал срок доставки',
  ],
  pu: [
    'Оформила заказ и оплатила картой',
    'Оплата на сайте прошла с третьего раза',
    'Положила в корзину, применила промокод и оплатила',
    'Заказ оформила быстро, оплатила в рассрочку',
  ],
  se: [
    'Через месяц сломался, пошла в сервисный центр по гарантии',
    'Писала в поддержку про возврат, ответили через неделю',
    'Оформила возврат брака, поддержка помогла',
    'Гарантийный ремонт занял месяц',
  ],
  lo: [
    'Заказываю у них снова и снова, я постоянный клиент',
    'Уже порекомендовала их всем подругам',
    'Коплю баллы по программе лояльности и покупаю опять',
    'Покупаю только у них много лет, рекомендую',
  ],
};

function trainingQuotes(): QuoteInput[] {
  return Object.entries(TRAINING).flatMap(([stageId, texts]) =>
    texts.map((text, i) => ({
      id: `${stageId}-${i}`,
      text,
      tags: [{ kind: 'stage' as const, id: stageId, name: stages.find((s) => s.id === stageId)?.name ?? '' }],
    })),
  );
}

describe('assignStages', () => {
  it('should keep the tag when a quote has a stage tag', () => {
    const [result] = assignStages([{ id: 'q', text: 'Реклама', tags: [{ kind: 'stage', id: 'lo', name: 'Лояльность' }] }], stages);
    expect(result).toEqual({ quoteId: 'q', stageId: 'lo', probability: 1, source: 'tag' });
  });

  it('should resolve a stage tag by name when its id is not a stage id', () => {
    const [result] = assignStages([{ id: 'q', text: 'x', tags: [{ kind: 'stage', id: 'other', name: 'покупка' }] }], stages);
    expect(result.stageId).toBe('pu');
  });

  it('should predict the right stage for clear held-out quotes when enough quotes are tagged', () => {
    const heldOut: QuoteInput[] = [
      { id: 'h-aw', text: 'Впервые увидела рекламу у блогера' },
      { id: 'h-co', text: 'Сравнивала отзывы и цены у конкурентов' },
      { id: 'h-pu', text: 'Оплатила заказ картой, промокод не сработал' },
      { id: 'h-se', text: 'Сломался через неделю, поддержка оформила возврат по гарантии' },
      { id: 'h-lo', text: 'Я постоянный клиент, покупаю снова и рекомендую' },
    ];
    const classifier = buildStageClassifier([...trainingQuotes(), ...heldOut], stages);
    expect(classifier.info.mode).toBe('classifier');
    expect(classifier.info.trainedStageIds).toEqual(stages.map((s) => s.id));
    const results = heldOut.map((q) => classifier.assign(q));
    expect(results.map((r) => r.stageId)).toEqual(['aw', 'co', 'pu', 'se', 'lo']);
    for (const r of results) {
      expect(r.source).toBe('classifier');
      expect(r.probability).toBeGreaterThanOrEqual(0.45);
      const total = Object.values(r.distribution ?? {}).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 2);
    }
  });

  it('should fall back to the lexicon when too few quotes are tagged', () => {
    const quotes: QuoteInput[] = [
      { id: 'a', text: 'Увидела рекламу у блогера', tags: [] },
      { id: 'b', text: 'Оформила заказ и оплатила картой' },
      { id: 'c', text: 'I compared prices and read reviews of competitors' },
      { id: 'd', text: 'Tagged', tags: [{ kind: 'stage', id: 'aw', name: 'Осознание' }] },
    ];
    const results = assignStages(quotes, stages);
    expect(results.map((r) => [r.stageId, r.source])).toEqual([
      ['aw', 'lexicon'],
      ['pu', 'lexicon'],
      ['co', 'lexicon'],
      ['aw', 'tag'],
    ]);
    expect(buildStageClassifier(quotes, stages).info.mode).toBe('lexicon');
  });

  it('should answer unknown when nothing in the quote matches', () => {
    const [result] = assignStages([{ id: 'q', text: 'Погода сегодня хорошая' }], stages);
    expect(result).toMatchObject({ stageId: null, source: 'unknown' });
  });

  it('should answer unknown when the quote is empty, stop words or emoji', () => {
    const results = assignStages(
      [
        { id: 'a', text: '' },
        { id: 'b', text: 'и в на the of' },
        { id: 'c', text: '🙂🙂🙂' },
      ],
      stages,
    );
    expect(results.every((r) => r.source === 'unknown' && r.stageId === null)).toBe(true);
  });

  it('should use cues of renamed and other-framework stages when their names match the lexicon', () => {
    const sixStage: StageInput[] = [
      { id: 'ic', name: 'Initial consideration', order: 1 },
      { id: 'ae', name: 'Active evaluation', order: 2 },
      { id: 'dl', name: 'Deal', order: 3 },
      { id: 'ex', name: 'Experience', order: 4 },
      { id: 'tr', name: 'Trigger', order: 5 },
      { id: 'ly', name: 'Loyalty', order: 6 },
      { id: 'zz', name: 'Something custom', order: 7 },
    ];
    expect(stageKeyOf('Initial consideration')).toBe('initial_consideration');
    expect(stageKeyOf('Послепродажное обслуживание')).toBe('service');
    expect(stageKeyOf('Something custom')).toBeNull();
    const results = assignStages(
      [
        { id: 'a', text: 'I compared the alternatives and read reviews' },
        { id: 'b', text: 'Got a reminder about the sale' },
        { id: 'c', text: 'The warranty repair took a month' },
      ],
      sixStage,
    );
    expect(results.map((r) => r.stageId)).toEqual(['ae', 'tr', 'ex']);
  });

  it('should never predict a stage whose name matches no lexicon entry when only the lexicon runs', () => {
    const results = assignStages([{ id: 'q', text: 'Увидела рекламу' }], [{ id: 'x', name: 'Этап 1', order: 1 }]);
    expect(results[0]).toMatchObject({ stageId: null, source: 'unknown' });
  });

  it('should give identical results when run twice on the same input', () => {
    const quotes = [...trainingQuotes(), { id: 'h', text: 'Сравнивала цены' }];
    expect(assignStages(quotes, stages)).toEqual(assignStages(quotes, stages));
  });
});
