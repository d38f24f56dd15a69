import { Workbook } from 'exceljs';
import { ImportErrorCode } from '../import-error';
import { readResponseTable } from './read-response-table';
import type { ResponseRow } from './response-table.types';

const csvLine = (cells: string[], delimiter = ','): string =>
  cells.map((cell) => (/[",;\n\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter);

const csv = (rows: string[][], delimiter = ','): Buffer => Buffer.from(`${rows.map((row) => csvLine(row, delimiter)).join('\r\n')}\r\n`);

/** Encodes text as Windows-1251 with a reverse map built from the platform's decoder. */
function toWindows1251(text: string): Buffer {
  const decoded = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, byte) => byte));
  const byteOf = new Map([...decoded].map((char, byte) => [char, byte]));
  return Buffer.from([...text].map((char) => byteOf.get(char) ?? 0x3f));
}

async function collect(rows: AsyncIterable<ResponseRow>): Promise<ResponseRow[]> {
  const all: ResponseRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('readResponseTable', () => {
  it('should read a Google Forms export with a quoted multi-line answer when the form is Russian', async () => {
    const file = csv([
      ['Отметка времени', 'Адрес электронной почты', 'Как вы узнали о нас?', 'Что мешает покупать чаще?'],
      ['12.03.2024 10:15:00', 'anna@mail.ru', 'Реклама в соцсетях', 'Доставка, долго ждать.\nИ дорого'],
      ['12.03.2024 11:20:00', 'ivan@yandex.ru', 'Друзья', 'Ничего'],
    ]);

    const table = await readResponseTable(file, { fileName: 'responses.csv' });
    const rows = await collect(table.rows);

    expect(table.source).toBe('google_forms');
    expect(table.delimiter).toBe(',');
    expect(table.metadata).toEqual({ respondentId: null, submittedAt: 0, email: 1 });
    expect(table.columns.map((column) => [column.title, column.role])).toEqual([
      ['Отметка времени', 'metadata'],
      ['Адрес электронной почты', 'metadata'],
      ['Как вы узнали о нас?', 'answer'],
      ['Что мешает покупать чаще?', 'answer'],
    ]);
    expect(table.columns[2].sampleValues).toEqual(['Реклама в соцсетях', 'Друзья']);
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
    expect(rows[0].cells[3]).toBe('Доставка, долго ждать.\nИ дорого');
  });

  it('should combine the two SurveyMonkey header rows when questions span several columns', async () => {
    const file = csv([
      ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1', 'How did you hear about us?', 'Which channels do you use?', '', '', 'What could we improve?'],
      ['', '', '', '', '', '', '', '', '', 'Response', 'Website', 'Mobile app', 'Other (please specify)', 'Open-Ended Response'],
      ['114227', '4290', '03/12/2024 10:01:22 AM', '03/12/2024 10:04:03 AM', '10.0.0.1', '', '', '', '', 'Search engine', 'Website', '', 'Call centre', 'Faster delivery'],
    ]);

    const table = await readResponseTable(file);
    const rows = await collect(table.rows);

    expect(table.source).toBe('surveymonkey');
    expect(table.metadata).toEqual({ respondentId: 0, submittedAt: 3, email: 5 });
    expect(table.columns.slice(9).map((column) => column.title)).toEqual([
      'How did you hear about us?',
      'Which channels do you use? — Website',
      'Which channels do you use? — Mobile app',
      'Which channels do you use? — Other (please specify)',
      'What could we improve?',
    ]);
    expect(table.columns.filter((column) => column.role === 'metadata')).toHaveLength(9);
    expect(rows).toEqual([{ line: 3, cells: expect.arrayContaining(['Faster delivery']) }]);
  });

  it('should use ids and texts and skip the ImportId row when the file is a Qualtrics export', async () => {
    const file = csv([
      ['StartDate', 'EndDate', 'Status', 'Progress', 'RecordedDate', 'ResponseId', 'RecipientEmail', 'Q1', 'Q2_1', 'Q2_2'],
      ['Start Date', 'End Date', 'Response Type', 'Progress', 'Recorded Date', 'Response ID', 'Recipient Email', 'Как часто вы покупаете онлайн?', 'Что важно? - Цена', 'Что важно? - Доставка'],
      ['{"ImportId":"startDate","timeZone":"Europe/Moscow"}', '{"ImportId":"endDate","timeZone":"Europe/Moscow"}', '{"ImportId":"status"}', '{"ImportId":"progress"}', '{"ImportId":"recordedDate","timeZone":"Europe/Moscow"}', '{"ImportId":"_recordId"}', '{"ImportId":"recipientEmail"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2_1"}', '{"ImportId":"QID2_2"}'],
      ['2024-03-12 10:00:00', '2024-03-12 10:05:00', 'IP Address', '100', '2024-03-12 10:05:01', 'R_1abcDEF', 'olga@mail.ru', 'Раз в неделю', '5', '3'],
    ]);

    const table = await readResponseTable(file);
    const rows = await collect(table.rows);

    expect(table.source).toBe('qualtrics');
    expect(table.columns.slice(7).map((column) => [column.key, column.title, column.role])).toEqual([
      ['Q1', 'Как часто вы покупаете онлайн?', 'answer'],
      ['Q2_1', 'Что важно? - Цена', 'answer'],
      ['Q2_2', 'Что важно? - Доставка', 'answer'],
    ]);
    expect(table.metadata).toEqual({ respondentId: 5, submittedAt: 4, email: 6 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ line: 4, cells: expect.arrayContaining(['R_1abcDEF', 'Раз в неделю']) });
  });

  it('should recognise a Typeform export by its # and Network ID columns', async () => {
    const file = csv([
      ['#', 'What is your main goal?', 'How likely are you to recommend us?', 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'],
      ['k2j3h4g5', 'Save time on groceries', '9', '2024-03-12 09:00:00', '2024-03-12 09:03:10', '8f2c1d'],
    ]);

    const table = await readResponseTable(file);

    expect(table.source).toBe('typeform');
    expect(table.metadata).toEqual({ respondentId: 0, submittedAt: 4, email: null });
    expect(table.columns.filter((column) => column.role === 'answer').map((column) => column.title)).toEqual([
      'What is your main goal?',
      'How likely are you to recommend us?',
    ]);
  });

  it('should detect a semicolon delimiter and Windows-1251 when the CSV comes from Russian Excel', async () => {
    const file = toWindows1251(`${[['ID', 'Дата', 'Отзыв'], ['1', '12.03.2024', 'Хорошо; быстро'], ['2', '13.03.2024', 'Плохо']].map((row) => csvLine(row, ';')).join('\r\n')}\r\n`);

    const table = await readResponseTable(file, { fileName: 'otzyvy.csv' });
    const rows = await collect(table.rows);

    expect(table).toMatchObject({ source: 'generic', encoding: 'windows-1251', delimiter: ';', metadata: { respondentId: 0, submittedAt: 1, email: null } });
    expect(rows.map((row) => row.cells)).toEqual([
      ['1', '12.03.2024', 'Хорошо; быстро'],
      ['2', '13.03.2024', 'Плохо'],
    ]);
  });

  it('should drop the BOM and read tabs when the file is a UTF-8 TSV with BOM', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name\tComment\nAnna\tGreat app\n')]);

    const table = await readResponseTable(file);

    expect(table.delimiter).toBe('\t');
    expect(table.columns.map((column) => column.key)).toEqual(['Name', 'Comment']);
  });

  it('should read the first worksheet of an XLSX with dates, numbers and rich text as strings', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Form Responses 1');
    sheet.addRow(['Timestamp', 'Email Address', 'How old are you?', 'What do you like?', 'Website']);
    sheet.addRow([new Date(Date.UTC(2024, 2, 12, 10, 15, 0)), 'anna@mail.ru', 34, { richText: [{ text: 'Fast ', font: { bold: true } }, { text: 'delivery' }] }, { text: 'our site', hyperlink: 'https://shop.example' }]);
    sheet.addRow([new Date(Date.UTC(2024, 2, 13)), 'bob@mail.com', 1234567.5, 'Prices', { formula: '1+1', result: 2 }]);
    sheet.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    workbook.addWorksheet('Ignored').addRow(['nothing']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const table = await readResponseTable(file, { fileName: 'responses.xlsx' });
    const rows = await collect(table.rows);

    expect(table).toMatchObject({ source: 'google_forms', format: 'xlsx', metadata: { submittedAt: 0, email: 1 } });
    expect(rows).toEqual([
      { line: 2, cells: ['2024-03-12T10:15:00', 'anna@mail.ru', '34', 'Fast delivery', 'our site'] },
      { line: 3, cells: ['2024-03-13', 'bob@mail.com', '1234567.5', 'Prices', '2'] },
    ]);
  });

  it('should stream 50,000 rows when the input arrives in chunks', async () => {
    const total = 50_000;
    let chunksRead = 0;
    async function* generate(): AsyncGenerator<Buffer> {
      yield Buffer.from('Отметка времени,Оценка,Комментарий\n');
      for (let start = 0; start < total; start += 500) {
        chunksRead++;
        let chunk = '';
        for (let i = start; i < start + 500; i++) chunk += `2024-03-12 10:00:00,${i % 10},"Ответ номер ${i}, всё хорошо"\n`;
        yield Buffer.from(chunk);
      }
    }

    const table = await readResponseTable(generate());
    const readBeforeIteration = chunksRead;
    let count = 0;
    let lastLine = 0;
    for await (const row of table.rows) {
      count++;
      lastLine = row.line;
    }

    expect(readBeforeIteration).toBeLessThan(10);
    expect(count).toBe(total);
    expect(lastLine).toBe(total + 1);
  });

  it('should read Russian SurveyMonkey headers and an Excel "sep=" line when both are present', async () => {
    const rows = [
      ['Идентификатор респондента', 'Идентификатор сборщика', 'Дата начала', 'Дата окончания', 'Какими каналами вы пользуетесь?', '', 'Что улучшить?'],
      ['', '', '', '', 'Сайт', 'Приложение', 'Открытый ответ'],
      ['1001', '77', '12.03.2024 10:00', '12.03.2024 10:05', 'Сайт', '', 'Поддержку'],
    ];
    const file = Buffer.from(`sep=;\n${rows.map((row) => csvLine(row, ';')).join('\n')}\n`);

    const table = await readResponseTable(file);
    const data = await collect(table.rows);

    expect(table).toMatchObject({ source: 'surveymonkey', delimiter: ';', metadata: { respondentId: 0, submittedAt: 3, email: null } });
    expect(table.columns.slice(4).map((column) => column.title)).toEqual([
      'Какими каналами вы пользуетесь? — Сайт',
      'Какими каналами вы пользуетесь? — Приложение',
      'Что улучшить?',
    ]);
    expect(data).toEqual([{ line: 4, cells: ['1001', '77', '12.03.2024 10:00', '12.03.2024 10:05', 'Сайт', '', 'Поддержку'] }]);
  });

  it('should throw INVALID_TABLE when a quoted field is never closed', async () => {
    const readAll = async (): Promise<ResponseRow[]> => collect((await readResponseTable(Buffer.from('Name,Comment\nAnna,"never closed\nBob,ok\n'))).rows);

    await expect(readAll()).rejects.toMatchObject({ code: ImportErrorCode.InvalidTable, message: expect.stringContaining('line 3') });
  });

  it('should throw EMPTY_FILE when the file is empty', async () => {
    await expect(readResponseTable(Buffer.alloc(0))).rejects.toMatchObject({ code: ImportErrorCode.EmptyFile });
  });

  it('should throw INVALID_TABLE when the XLSX is damaged', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);

    await expect(readResponseTable(broken, { fileName: 'x.xlsx' })).rejects.toMatchObject({ code: ImportErrorCode.InvalidTable });
  });
});
