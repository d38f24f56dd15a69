import { suggestColumnMapping } from './suggest-column-mapping';
import { titleSimilarity } from './title-similarity';

const column = (index: number, title: string, key = title, role: 'answer' | 'metadata' = 'answer') => ({ index, key, title, role });

describe('suggestColumnMapping', () => {
  it('should match Russian titles when case, punctuation and endings differ', () => {
    const columns = [column(0, 'Отметка времени', 'Отметка времени', 'metadata'), column(1, 'КАК ВЫ УЗНАЛИ О НАС'), column(2, 'Что мешает покупать чаще?')];
    const questions = [
      { name: 'source', title: 'Как вы узнали о нас?' },
      { name: 'barrier', title: 'Что мешает вам покупать чаще' },
      { name: 'nps', title: 'Насколько вероятно, что вы порекомендуете нас?' },
    ];

    const suggestions = suggestColumnMapping(columns, questions);

    expect(suggestions.map((s) => [s.columnIndex, s.questionName])).toEqual([
      [1, 'source'],
      [2, 'barrier'],
    ]);
    expect(suggestions[0].score).toBe(1);
  });

  it('should map every option column to its question when SurveyMonkey splits a question', () => {
    const columns = [column(0, 'Which channels do you use? — Website'), column(1, 'Which channels do you use? — Mobile app'), column(2, 'What could we improve?')];
    const questions = [
      { name: 'channels', title: 'Which channels do you use' },
      { name: 'improve', title: 'What could we improve' },
    ];

    expect(suggestColumnMapping(columns, questions).map((s) => s.questionName)).toEqual(['channels', 'channels', 'improve']);
  });

  it('should prefer the Qualtrics id when it equals the question name', () => {
    const columns = [column(0, 'Как часто вы покупаете онлайн?', 'Q1'), column(1, 'Что важно? - Цена', 'Q2_1')];
    const questions = [
      { name: 'Q1', title: 'Частота покупок' },
      { name: 'Q2', title: 'Что важно при выборе' },
    ];

    expect(suggestColumnMapping(columns, questions).map((s) => [s.columnKey, s.questionName, s.score])).toEqual([
      ['Q1', 'Q1', 1],
      ['Q2_1', 'Q2', 0.9],
    ]);
  });

  it('should suggest nothing when no question is similar enough', () => {
    expect(suggestColumnMapping([column(0, 'Favourite colour')], [{ name: 'q', title: 'Как вы узнали о нас?' }])).toEqual([]);
  });
});

describe('titleSimilarity', () => {
  it('should score word-ending variants higher than unrelated titles', () => {
    expect(titleSimilarity('Оцените скорость доставки', 'Оценка скорости доставки')).toBeGreaterThan(0.5);
    expect(titleSimilarity('Оцените скорость доставки', 'Ваш возраст')).toBeLessThan(0.2);
  });
});
