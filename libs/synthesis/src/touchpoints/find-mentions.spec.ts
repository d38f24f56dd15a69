import type { QuoteInput, TouchpointInput } from '../types';
import { findTouchpointMentions } from './index';

const inventory: TouchpointInput[] = [
  { id: 'tp-lk', name: 'Личный кабинет', aliases: ['ЛК'] },
  { id: 'tp-app', name: 'Мобильное приложение' },
  { id: 'tp-ig', name: 'Instagram' },
  { id: 'tp-cc', name: 'Колл-центр' },
  { id: 'tp-bonus', name: 'Клуб друзей', aliases: ['клубная программа'] },
];

function mentionsOf(text: string, inv: TouchpointInput[] = inventory) {
  return findTouchpointMentions([{ id: 'q', text }], inv);
}

describe('findTouchpointMentions', () => {
  it('should match inflected Instagram forms when customers write "в инстаграме" or "Инсте"', () => {
    for (const text of ['Увидела рекламу в инстаграме', 'В Инсте у них красиво', 'Подписалась на инсту', 'Нашла в instagram']) {
      const hit = mentionsOf(text).find((m) => m.key === 'instagram');
      expect(hit?.touchpointId).toBe('tp-ig');
      expect(hit?.discovered).toBe(false);
    }
  });

  it('should map "по телефону" to the call centre when the inventory has one', () => {
    const [hit] = mentionsOf('Пришлось объяснять всё по телефону');
    expect(hit.text).toBe('по телефону');
    expect(hit.touchpointId).toBe('tp-cc');
  });

  it('should map "в приложении" to the inventory app by the gazetteer key when the inventory name is longer', () => {
    const [hit] = mentionsOf('В приложении всё понятно');
    expect(hit.text).toBe('приложении');
    expect(hit.key).toBe('app');
    expect(hit.touchpointId).toBe('tp-app');
  });

  it('should match inventory aliases "ЛК" and "личный кабинет" when they are inflected', () => {
    const hits = mentionsOf('Зашла в ЛК, а в личном кабинете пусто');
    expect(hits.map((h) => [h.text, h.touchpointId])).toEqual([
      ['ЛК', 'tp-lk'],
      ['личном кабинете', 'tp-lk'],
    ]);
  });

  it('should not map a channel to an inventory item when the channel word is not the head of its name', () => {
    const [hit] = mentionsOf('Подруги посоветовали');
    expect(hit.key).toBe('word_of_mouth');
    expect(hit.touchpointId).toBeNull();
  });

  it('should match an inventory alias with no gazetteer entry when it is inflected', () => {
    const [hit] = mentionsOf('Вступила в клубную программу');
    expect(hit.touchpointId).toBe('tp-bonus');
    expect(hit.key).toBeNull();
  });

  it('should not report a channel when a courier did not call or someone commutes to the office', () => {
    expect(mentionsOf('Курьер не позвонил').map((h) => h.key)).toEqual(['courier']);
    expect(mentionsOf('Бегу утром в офис')).toEqual([]);
  });

  it('should not fire a short alias when a longer word merely contains it', () => {
    expect(mentionsOf('Очень вкусно и почти бесплатно')).toEqual([]);
    expect(mentionsOf('The staff was friendly and the appetizer good')).toEqual([]);
    expect(mentionsOf('Written in telegraphic style')).toEqual([]);
  });

  it('should match a short alias when it is a whole token', () => {
    const hits = mentionsOf('Написала в вк, потом в тг, забрала в ПВЗ');
    expect(hits.map((h) => h.key)).toEqual(['vk', 'telegram', 'pickup_point']);
    expect(hits.every((h) => h.discovered)).toBe(true);
  });

  it('should prefer the longest alias when aliases overlap', () => {
    const hits = mentionsOf('Чат-бот ничего не понял');
    expect(hits).toHaveLength(1);
    expect(hits[0].key).toBe('chat_bot');
  });

  it('should propose a discovered touchpoint when the inventory lacks the channel', () => {
    const [hit] = mentionsOf('Писала им в телеге');
    expect(hit).toMatchObject({ text: 'телеге', key: 'telegram', touchpointId: null, discovered: true, source: 'text' });
  });

  it('should find English channels when quotes are in English', () => {
    const keys = mentionsOf('I called the hotline, then a friend said to try the website chat and the app').map((h) => h.key);
    expect(keys).toEqual(['call_centre', 'word_of_mouth', 'site', 'chat', 'app']);
  });

  it('should add a tag mention when a touchpoint tag names what the text does not', () => {
    const quotes: QuoteInput[] = [
      { id: 'q1', text: 'Ничего не нашла', tags: [{ kind: 'touchpoint', id: 'tp-lk', name: 'ЛК' }] },
      { id: 'q2', text: 'В ЛК пусто', tags: [{ kind: 'touchpoint', id: 'tp-lk', name: 'ЛК' }] },
    ];
    const mentions = findTouchpointMentions(quotes, inventory);
    expect(mentions.map((m) => [m.quoteId, m.source])).toEqual([
      ['q1', 'tag'],
      ['q2', 'text'],
    ]);
  });

  it('should give offsets into the original text when the text has capitals and ё', () => {
    const text = 'Ещё раз пыталась дозвониться в КОЛЛ-ЦЕНТР';
    const slices = mentionsOf(text).map((hit) => text.slice(hit.start ?? 0, hit.end ?? 0));
    expect(slices).toEqual(['дозвониться', 'КОЛЛ-ЦЕНТР']);
  });

  it('should find nothing when the text is empty, emoji or stop words', () => {
    expect(findTouchpointMentions([{ id: 'a', text: '' }, { id: 'b', text: '🙂🙂' }, { id: 'c', text: 'и в на' }], inventory)).toEqual([]);
  });

  it('should find mentions across a 10k-character quote when it repeats a channel', () => {
    const text = 'Заказала в приложении, забрала в пункте выдачи. '.repeat(250);
    expect(text.length).toBeGreaterThan(10_000);
    expect(mentionsOf(text)).toHaveLength(500);
  });
});
