import { analyseSentiment, emotionOf, emotionOfScore, quoteSentiment } from './index';

describe('quoteSentiment', () => {
  it('should use the moderator value when the quote carries one', () => {
    const result = quoteSentiment({ id: 'q1', text: 'Всё отлично, спасибо!', sentiment: -1.5 });
    expect(result.score).toBe(-1.5);
    expect(result.source).toBe('moderator');
    expect(result.label).toBe('negative');
  });

  it('should clamp the moderator value when it is outside -2..+2', () => {
    expect(quoteSentiment({ id: 'q1', text: 'x', sentiment: 7 }).score).toBe(2);
  });

  it('should use the emotion tags mean when tags carry scores and no moderator value', () => {
    const result = quoteSentiment({
      id: 'q1',
      text: 'Ужасно',
      tags: [
        { kind: 'emotion', id: 'e1', name: 'Радость', score: 2 },
        { kind: 'emotion', id: 'e2', name: 'Спокойствие', score: 1 },
      ],
    });
    expect(result.source).toBe('tag');
    expect(result.score).toBe(1.5);
  });

  it('should fall back to the lexicon when no moderator value or scored tag exists', () => {
    const result = quoteSentiment({ id: 'q1', text: 'Курьер нахамил', tags: [{ kind: 'emotion', id: 'e', name: 'Злость' }] });
    expect(result.source).toBe('lexicon');
    expect(result.score).toBeLessThan(0);
  });

  it('should keep input order when analysing many quotes', () => {
    const ids = analyseSentiment([
      { id: 'b', text: 'good' },
      { id: 'a', text: 'bad' },
    ]).map((s) => s.quoteId);
    expect(ids).toEqual(['b', 'a']);
  });
});

describe('emotionOf', () => {
  it('should name curiosity when the text says it is interesting', () => {
    expect(quoteSentiment({ id: 'q', text: 'Стало любопытно, что это за сервис' }).emotion).toBe('curiosity');
  });

  it('should name irritation when the text says something infuriates', () => {
    expect(quoteSentiment({ id: 'q', text: 'Меня бесит, что курьер опаздывает' }).emotion).toBe('irritation');
  });

  it('should name disappointment when the text says so', () => {
    expect(quoteSentiment({ id: 'q', text: 'I was really disappointed with the delivery' }).emotion).toBe('disappointment');
  });

  it('should fall back to score bands when there is no cue or the cue contradicts the score', () => {
    expect(emotionOfScore(1.8)).toBe('delight');
    expect(emotionOfScore(0.5)).toBe('satisfaction');
    expect(emotionOfScore(0)).toBe('neutral');
    expect(emotionOfScore(-0.5)).toBe('disappointment');
    expect(emotionOfScore(-1.8)).toBe('irritation');
    expect(emotionOf(-1.8, { delight: 1 })).toBe('irritation');
  });

  it('should skip a cue when it is negated', () => {
    expect(quoteSentiment({ id: 'q', text: 'Мне было не интересно' }).emotion).not.toBe('curiosity');
  });
});
