import type { SurveyDefinition } from '@tropa/contracts';

/** A six-question Russian survey covering every answer shape the server validates. */
export function sixQuestionSurvey(): SurveyDefinition {
  return {
    title: 'Опрос покупателей',
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'comment', name: 'job', title: 'Что вы пытались сделать, когда пришли к нам?', isRequired: true },
          { type: 'radiogroup', name: 'channel', title: 'Где вы узнали о нас?', choices: ['Instagram', 'Друзья', { value: 'search', text: 'Поиск' }] },
          { type: 'checkbox', name: 'used', title: 'Чем вы пользовались?', choices: ['Сайт', 'Приложение', 'Магазин'] },
          { type: 'rating', name: 'nps', title: 'Порекомендуете ли вы нас?', rateMin: 0, rateMax: 10 },
          { type: 'boolean', name: 'complained', title: 'Вы обращались в поддержку?' },
          { type: 'text', name: 'support', title: 'Что было в поддержке?', visibleIf: '{complained} = true', isRequired: true },
        ],
      },
    ],
  };
}
