import { scoreText, sentimentLexiconSize } from './index';

describe('scoreText', () => {
  it('should score a positive word above zero when it stands alone', () => {
    expect(scoreText('Мне понравилось').score).toBeGreaterThan(0);
    expect(scoreText('Мне понравилось').label).toBe('positive');
  });

  it('should score below zero when a positive word is negated', () => {
    expect(scoreText('Мне не понравилось').score).toBeLessThan(0);
    expect(scoreText('It was not good').score).toBeLessThan(0);
  });

  it('should give a mild opposite when a negated word is intensified', () => {
    const notVery = scoreText('Не очень удобно').score;
    const notAtAll = scoreText('Совсем не удобно').score;
    expect(notVery).toBeLessThan(0);
    expect(notAtAll).toBeLessThan(notVery);
  });

  it('should treat "not bad" as mild praise when a negative word is negated', () => {
    const notBad = scoreText('not bad').score;
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(scoreText('excellent').score);
    expect(scoreText('неплохо').score).toBeGreaterThan(0);
  });

  it('should score a failure when a neutral verb is negated', () => {
    expect(scoreText('It never worked').score).toBeLessThan(0);
    expect(scoreText('Заказ так и не пришёл').score).toBeLessThan(0);
    expect(scoreText('Мне так никто и не перезвонил').score).toBeLessThan(0);
    expect(scoreText('It works').score).toBe(0);
  });

  it('should keep the sign when negative concord repeats the negation', () => {
    expect(scoreText('Ни разу не подвели').score).toBeGreaterThan(0);
  });

  it('should strengthen a word when an intensifier precedes it', () => {
    expect(scoreText('очень удобно').score).toBeGreaterThan(scoreText('удобно').score);
    expect(scoreText('really slow').score).toBeLessThan(scoreText('slow').score);
    expect(scoreText('slightly slow').score).toBeGreaterThan(scoreText('slow').score);
  });

  it('should let the part after "но"/"but" dominate when a sentence contrasts', () => {
    expect(scoreText('Доставка была долгой, но курьер очень вежливый').score).toBeGreaterThan(0);
    expect(scoreText('The app looks nice but it is really slow').score).toBeLessThan(0);
    expect(scoreText('Хотя доставили быстро, товар сломался').score).toBeLessThan(0);
  });

  it('should read emoticons and emoji when they carry sentiment', () => {
    expect(scoreText('спасибо)))').score).toBeGreaterThan(scoreText('спасибо').score);
    expect(scoreText('опять (((').score).toBeLessThan(0);
    expect(scoreText('👍').score).toBeGreaterThan(0);
    expect(scoreText('😡').score).toBeLessThan(0);
    expect(scoreText('см. пункт (1) выше').score).toBe(0);
  });

  it('should cover customer-experience vocabulary when scoring RU and EN', () => {
    for (const text of ['вернули деньги', 'доставили вовремя', 'удобно', 'быстро', 'arrived on time', 'convenient', 'refunded']) {
      expect(scoreText(text).score).toBeGreaterThan(0);
    }
    for (const text of ['долго', 'дорого', 'хамство', 'сломался', 'slow', 'rude', 'broken', 'overpriced']) {
      expect(scoreText(text).score).toBeLessThan(0);
    }
  });

  it('should stay neutral when a short word merely resembles a lexicon word', () => {
    expect(scoreText('ради скидки на второй заказ').hits.some((h) => h.text.toLowerCase() === 'ради')).toBe(false);
    expect(scoreText('it looks like rain').score).toBe(0);
  });

  it('should return neutral zero when the text is empty, stop words or unknown symbols', () => {
    expect(scoreText('')).toEqual({ score: 0, label: 'neutral', raw: 0, hits: [] });
    expect(scoreText('и в на the of to').score).toBe(0);
    expect(scoreText('12345 ###').score).toBe(0);
  });

  it('should stay within -2..+2 when a 10k-character text repeats strong words', () => {
    const long = 'Ужасно, кошмар, хамство! '.repeat(420);
    expect(long.length).toBeGreaterThan(10_000);
    const result = scoreText(long);
    expect(result.score).toBeGreaterThanOrEqual(-2);
    expect(result.score).toBeLessThan(-1.9);
    const praise = scoreText('Отлично, супер, восторг. '.repeat(420));
    expect(praise.score).toBeLessThanOrEqual(2);
  });

  it('should score each word with its own stemmer when a quote mixes languages', () => {
    expect(scoreText('Заказала через app, всё convenient и быстро').score).toBeGreaterThan(0);
    expect(scoreText('The courier был очень груб').score).toBeLessThan(0);
  });

  it('should hold a few hundred entries per language when the lexicon loads', () => {
    const size = sentimentLexiconSize();
    expect(size.ru).toBeGreaterThanOrEqual(300);
    expect(size.en).toBeGreaterThanOrEqual(300);
  });

  it('should report offsets of each hit in the original text when words match', () => {
    const text = 'Курьер  ОЧЕНЬ вежливый';
    const hit = scoreText(text).hits[0];
    expect(text.slice(hit.start, hit.end)).toBe('вежливый');
  });
});

describe('scoreText set phrases', () => {
  it('should ignore a lexicon word when it sits inside a neutral set phrase', () => {
    expect(scoreText('Честно говоря, ничего особенного').score).toBeLessThan(0);
    expect(scoreText('Честно, всё хорошо').hits.map((h) => h.text)).toEqual(['хорошо']);
    expect(scoreText('Feel free to call').score).toBe(0);
  });
});
