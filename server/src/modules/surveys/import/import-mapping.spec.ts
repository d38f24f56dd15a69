import type { ImportColumn } from '@tropa/contracts';
import { questionInfo } from '../../../../test/factories/question.factory';
import { suggestMapping, validateMapping } from './import-mapping';

const q = questionInfo;

const questions = [
  q({ name: 'job', title: 'Что вы хотели сделать?', type: 'comment' }),
  q({ name: 'channels', title: 'Где вы покупаете?', type: 'checkbox', choices: [{ value: 'site', text: 'Сайт' }, { value: 'store', text: 'Магазин' }] }),
  q({ name: 'nps', title: 'Порекомендуете ли вы нас друзьям?', type: 'rating', rateMin: 0, rateMax: 10 }),
];
const columns: ImportColumn[] = ['Respondent ID', 'Что вы хотели сделать?', 'Где вы покупаете? — Сайт', 'Где вы покупаете? — Магазин', 'Порекомендуете ли вы нас друзьям? (0-10)'].map(
  (title, index) => ({ index, title, samples: [] }),
);

describe('import mapping', () => {
  it('should suggest questions by title and one column per option for SurveyMonkey-style list columns', () => {
    expect(suggestMapping(columns, questions, [0])).toEqual([
      { column: 1, question: 'job' },
      { column: 2, question: 'channels', choice: 'site' },
      { column: 3, question: 'channels', choice: 'store' },
      { column: 4, question: 'nps' },
    ]);
  });

  it('should tell numbered questions apart and give each column its own', () => {
    const numbered = [1, 2, 3].map((n) => q({ name: `score${n}`, title: `Оценка ${n}`, type: 'rating', rateMin: 1, rateMax: 5 }));
    const scoreColumns = ['Оценка 3', 'Оценка 1', 'Оценка 2'].map((title, index) => ({ index, title, samples: [] }));
    expect(suggestMapping(scoreColumns, numbered, [])).toEqual([
      { column: 0, question: 'score3' },
      { column: 1, question: 'score1' },
      { column: 2, question: 'score2' },
    ]);
  });

  it('should give a question to the column most like it, and the other column its next best', () => {
    const pair = [q({ name: 'courier', title: 'Оценка доставки курьером', type: 'rating' }), q({ name: 'overall', title: 'Оценка доставки в целом', type: 'rating' })];
    const titles = ['Оценка доставки', 'Оценка доставки курьером'].map((title, index) => ({ index, title, samples: [] }));
    expect(suggestMapping(titles, pair, [])).toEqual([
      { column: 0, question: 'overall' },
      { column: 1, question: 'courier' },
    ]);
  });

  it('should refuse two columns for one question when they do not carry different options', () => {
    const problems = validateMapping(
      [
        { column: 1, question: 'job' },
        { column: 4, question: 'job' },
      ],
      columns,
      questions,
    );
    expect(problems).toEqual([{ field: 'mapping[1].question', message: 'two columns point to question "job"' }]);
  });

  it('should name the entry at fault when a column, question or option does not exist', () => {
    expect(validateMapping([{ column: 9, question: 'job' }], columns, questions)[0].field).toBe('mapping[0].column');
    expect(validateMapping([{ column: 1, question: 'nope' }], columns, questions)[0].field).toBe('mapping[0].question');
    expect(validateMapping([{ column: 2, question: 'channels', choice: 'phone' }], columns, questions)[0].field).toBe('mapping[0].choice');
    expect(validateMapping([{ column: 2, question: 'job', choice: 'site' }], columns, questions)[0].field).toBe('mapping[0].choice');
  });

  it('should accept list columns that each carry their own option', () => {
    expect(
      validateMapping(
        [
          { column: 2, question: 'channels', choice: 'site' },
          { column: 3, question: 'channels', choice: 'store' },
        ],
        columns,
        questions,
      ),
    ).toEqual([]);
  });
});
