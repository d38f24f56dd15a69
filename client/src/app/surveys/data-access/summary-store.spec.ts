import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { aQuestionSummary } from '../../testing/factories';
import { SummaryStore } from './summary-store';

describe('SummaryStore', () => {
  let store: SummaryStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), SummaryStore],
    });
    TestBed.inject(I18n).setLocale('en');
    store = TestBed.inject(SummaryStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1', 'survey-1');
    http.expectOne('/api/projects/project-1/surveys/survey-1/summary').flush({
      responses: 4,
      completed: 4,
      questions: [
        aQuestionSummary({
          name: 'heard',
          type: 'radiogroup',
          answered: 3,
          counts: [
            { value: 'ig', text: 'Instagram', count: 2 },
            { value: 'friend', text: 'A friend', count: 1 },
          ],
        }),
        aQuestionSummary({
          name: 'nps',
          type: 'rating',
          answered: 4,
          counts: [
            { value: '6', text: '6', count: 1 },
            { value: '8', text: '8', count: 1 },
            { value: '10', text: '10', count: 2 },
          ],
          mean: 8.5,
          nps: { score: 25, promoters: 2, passives: 1, detractors: 1 },
        }),
        aQuestionSummary({ name: 'ease', type: 'rating', answered: 1, counts: [{ value: '1', text: '1', count: 1 }], mean: 1 }),
        aQuestionSummary({
          name: 'bought',
          type: 'boolean',
          answered: 2,
          counts: [
            { value: 'true', text: 'Yes', count: 2 },
            { value: 'false', text: 'No', count: 0 },
          ],
        }),
        aQuestionSummary({
          name: 'grid',
          type: 'matrix',
          matrix: [{ row: 'Taste', counts: [{ value: '5', text: 'Great', count: 3 }] }],
        }),
        aQuestionSummary({ name: 'job', type: 'comment', answered: 4, latest: ['Купить крем к отпуску', 'Подарок маме'] }),
      ],
    });
  });

  afterEach(() => http.verify());

  it('should turn the summary into chart series: bars per choice, a rating distribution, the NPS split and matrix rows', () => {
    const charts = store.charts();

    expect(charts.map((chart) => chart.kind)).toEqual(['choices', 'nps', 'rating', 'choices', 'matrix', 'open']);
    expect(charts[0]).toMatchObject({ series: [{ name: 'Instagram', value: 2 }, { name: 'A friend', value: 1 }] });
    expect(charts[1]).toMatchObject({
      score: 25,
      mean: 8.5,
      series: [{ name: '6', value: 1 }, { name: '8', value: 1 }, { name: '10', value: 2 }],
      groups: [{ name: 'Promoters', value: 2 }, { name: 'Passives', value: 1 }, { name: 'Detractors', value: 1 }],
    });
    expect(charts[2]).toMatchObject({ kind: 'rating', mean: 1, series: [{ name: '1', value: 1 }] });
    expect(charts[4]).toMatchObject({ groups: [{ name: 'Taste', series: [{ name: 'Great', value: 3 }] }] });
    expect(charts[5]).toMatchObject({ kind: 'open', latest: ['Купить крем к отпуску', 'Подарок маме'] });
  });

  it('should label yes/no answers and NPS groups in the UI language', () => {
    TestBed.inject(I18n).setLocale('ru');

    const charts = store.charts();

    expect(charts[3]).toMatchObject({ series: [{ name: 'Да', value: 2 }, { name: 'Нет', value: 0 }] });
    expect(charts[1]).toMatchObject({ groups: [{ name: 'Сторонники' }, { name: 'Нейтральные' }, { name: 'Критики' }] });
  });
});
