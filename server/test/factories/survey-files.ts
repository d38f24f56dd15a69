import ExcelJS from 'exceljs';
import type { SurveyDefinition } from '@tropa/contracts';

/** The survey the import fixtures below were "exported" from. */
export function importableSurvey(): SurveyDefinition {
  return {
    pages: [
      {
        name: 'p1',
        elements: [
          { type: 'comment', name: 'job', title: 'Что вы хотели сделать, когда зашли в магазин?' },
          { type: 'radiogroup', name: 'source', title: 'Откуда вы о нас узнали?', choices: ['Instagram', 'От друзей', 'Поиск'] },
          { type: 'checkbox', name: 'channels', title: 'Где вы покупаете?', choices: ['Сайт', 'Приложение', 'Магазин'] },
          { type: 'rating', name: 'nps', title: 'Насколько вероятно, что вы порекомендуете нас друзьям?', rateMin: 0, rateMax: 10 },
        ],
      },
    ],
  };
}

/** SurveyMonkey: two header rows, one column per option of a multiple-choice question. */
export function surveyMonkeyCsv(): string {
  return [
    'Respondent ID,Collector ID,Start Date,End Date,"Что вы хотели сделать, когда зашли в магазин?",Откуда вы о нас узнали?,Где вы покупаете?,,,"Насколько вероятно, что вы порекомендуете нас друзьям?"',
    ',,,,Open-Ended Response,Response,Сайт,Приложение,Магазин,Response',
    '1001,42,03/12/2024 10:10:00 AM,03/12/2024 10:15:00 AM,"Хотела подобрать крем, чтобы не ехать в магазин",Instagram,Сайт,,Магазин,9',
    '1002,42,03/12/2024 10:55:00 AM,03/12/2024 11:00:00 AM,Купить подарок маме,От друзей,,Приложение,,10',
    '1003,42,03/13/2024 09:20:00 AM,03/13/2024 09:30:00 AM,"Понять, подойдёт ли тон",Поиск,Сайт,Приложение,,6',
  ].join('\r\n');
}

/** Google Forms: one header row, Russian timestamp column, options of a list question in one cell. */
export function googleFormsCsv(extraRows: string[] = []): string {
  return [
    '"Отметка времени","Что вы хотели сделать, когда зашли в магазин?","Откуда вы о нас узнали?","Где вы покупаете?","Насколько вероятно, что вы порекомендуете нас друзьям?"',
    '"12.03.2024 10:15:00","Найти тушь, которая не осыпается","Instagram","Сайт, Приложение","8"',
    '"12.03.2024 12:40:00","Быстро заказать доставку","Поиск","Приложение","10"',
    ...extraRows,
  ].join('\n');
}

export async function googleFormsXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ответы на форму (1)');
  sheet.addRow(['Отметка времени', 'Что вы хотели сделать, когда зашли в магазин?', 'Откуда вы о нас узнали?', 'Где вы покупаете?', 'Насколько вероятно, что вы порекомендуете нас друзьям?']);
  sheet.addRow([new Date(Date.UTC(2024, 2, 12, 10, 15)), 'Сравнить цены', 'От друзей', 'Магазин', 7]);
  sheet.addRow([new Date(Date.UTC(2024, 2, 12, 11, 0)), 'Вернуть товар', 'Поиск', 'Сайт, Магазин', 3]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
