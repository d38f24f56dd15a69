import { SurfaceMap, detectLanguage, isStopWord, normalise, stem, tokenise, NUMBER_PLACEHOLDER } from './index';

describe('text pipeline', () => {
  it('should give inflected Russian forms the same stem when stemming', () => {
    expect(stem('приложении', 'ru')).toBe(stem('приложение', 'ru'));
    expect(stem('Ёлки', 'ru')).toBe(stem('елки', 'ru'));
  });

  it('should give English inflections the same stem when stemming', () => {
    expect(stem('payments', 'en')).toBe(stem('payment', 'en'));
  });

  it('should show the most frequent real word when asked for a stem surface', () => {
    const map = new SurfaceMap();
    for (const w of ['приложении', 'приложение', 'приложение', 'приложения']) map.add(stem(w, 'ru'), w);
    expect(map.surface(stem('приложении', 'ru'))).toBe('приложение');
    expect(map.surface('unknown')).toBe('unknown');
  });

  it('should keep acronyms in capitals when they are written so', () => {
    const map = new SurfaceMap();
    map.add('sms', 'SMS');
    map.add('sms', 'SMS');
    expect(map.surface('sms')).toBe('SMS');
  });

  it('should lower-case, fold ё, unify quotes and dashes and replace numbers when normalising', () => {
    expect(normalise('  Ёлка «стоит» — 1 000 руб.,  10,5 $ ')).toBe(`елка "стоит" - ${NUMBER_PLACEHOLDER} руб., ${NUMBER_PLACEHOLDER} $`);
    expect(normalise('')).toBe('');
  });

  it('should detect Russian and English when the quote is in one language', () => {
    expect(detectLanguage('Мне не понравилось приложение')).toBe('ru');
    expect(detectLanguage('I could not log in to the app')).toBe('en');
  });

  it('should detect the dominant language when the quote mixes alphabets', () => {
    expect(detectLanguage('я купил iPhone в магазине')).toBe('ru');
    expect(detectLanguage('the app called Сбербанк was slow')).toBe('en');
  });

  it('should default to English when there are no letters', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('😀 👍 123')).toBe('en');
  });

  it('should keep original offsets when tokenising', () => {
    const text = 'Заказал  в Instagram’е — «быстро»!';
    for (const t of tokenise(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
  });

  it('should stem each word by its alphabet when the text is mixed', () => {
    const tokens = tokenise('Открыл приложение payments в Instagram');
    const payments = tokens.find((t) => t.surface === 'payments');
    expect(payments?.lang).toBe('en');
    expect(payments?.stem).toBe('payment');
    expect(tokens.find((t) => t.surface === 'приложение')?.lang).toBe('ru');
  });

  it('should mark stop words and numbers when tokenising', () => {
    const tokens = tokenise('I do not like the 25 fees');
    expect(tokens.filter((t) => t.stop).map((t) => t.norm)).toEqual(['i', 'do', 'not', 'the', NUMBER_PLACEHOLDER]);
    expect(isStopWord('НЕ', 'ru')).toBe(true);
    expect(isStopWord('приложение', 'ru')).toBe(false);
  });

  it('should return no tokens when the text is empty or only emoji', () => {
    expect(tokenise('')).toEqual([]);
    expect(tokenise('😀🔥👍')).toEqual([]);
  });

  it('should tokenise a 10k-character quote when it is very long', () => {
    const long = 'очень длинный отзыв about the app '.repeat(300);
    expect(long.length).toBeGreaterThan(10000);
    const tokens = tokenise(long);
    expect(tokens.length).toBe(6 * 300);
    expect(tokens[tokens.length - 1].end).toBeLessThanOrEqual(long.length);
  });

  it('should fold Latin look-alike letters when a Russian word contains them', () => {
    expect(tokenise('пpивет')[0].norm).toBe('привет');
  });
});
