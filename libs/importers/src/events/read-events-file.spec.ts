import { Readable } from 'node:stream';
import { ImportError, ImportErrorCode } from '../import-error';
import { parseAmount, parseEventTimestamp } from './event-values';
import type { EventsFileStage, EventsFileTouchpoint, ReadEventsFileOptions } from './events-file.types';
import { readEventsFile } from './read-events-file';

const csv = (rows: string[][], delimiter = ','): Buffer =>
  Buffer.from(`${rows.map((row) => row.map((cell) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n')}\r\n`);

const RU_STAGES: EventsFileStage[] = [
  { id: 's-aw', name: 'Осознание', order: 1 },
  { id: 's-int', name: 'Интерес', order: 2 },
  { id: 's-pu', name: 'Покупка', order: 3 },
];
const TOUCHPOINTS: EventsFileTouchpoint[] = [
  { id: 'tp-site', name: 'Сайт', aliases: ['website'], stageId: 's-int' },
  { id: 'tp-store', name: 'Магазин', stageId: 's-pu' },
];
const options: ReadEventsFileOptions = { stages: RU_STAGES, touchpoints: TOUCHPOINTS, fileName: 'events.csv' };

async function rejection(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('readEventsFile', () => {
  it('should read a Russian file with semicolons, Russian dates and comma decimals', async () => {
    const file = csv(
      [
        ['Клиент', 'Этап', 'Точка контакта', 'Дата', 'Сумма'],
        ['c1', 'осознание', '', '01.03.2024 10:15', ''],
        ['c1', 'Интерес', 'сайт', '02.03.2024 09:00', ''],
        ['c1', 'ПОКУПКА', 'Магазин', '03.03.2024 18:30', '1 250,50'],
        ['c2', '', 'Website', '2024-03-04 12:00:00', ''],
      ],
      ';',
    );

    const result = await readEventsFile(file, options);

    expect(result.delimiter).toBe(';');
    expect(result.columns).toEqual({ customer: 0, stage: 1, touchpoint: 2, timestamp: 3, time: null, amount: 4 });
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(4);
    expect(result.events).toEqual([
      { line: 2, customerId: 'c1', stageId: 's-aw', touchpointId: null, at: new Date('2024-03-01T10:15:00Z'), amount: null },
      { line: 3, customerId: 'c1', stageId: 's-int', touchpointId: 'tp-site', at: new Date('2024-03-02T09:00:00Z'), amount: null },
      { line: 4, customerId: 'c1', stageId: 's-pu', touchpointId: 'tp-store', at: new Date('2024-03-03T18:30:00Z'), amount: 1250.5 },
      { line: 5, customerId: 'c2', stageId: null, touchpointId: 'tp-site', at: new Date('2024-03-04T12:00:00Z'), amount: null },
    ]);
  });

  it('should read an English file and match English names of the shipped Russian stages', async () => {
    const file = csv([
      ['customer_id', 'stage', 'timestamp', 'amount'],
      ['42', 'Awareness', '2024-03-01T10:00:00Z', ''],
      ['42', 'purchase', '2024-03-02T10:00:00+03:00', '99.90'],
    ]);

    const result = await readEventsFile(file, { stages: RU_STAGES });

    expect(result.problems).toEqual([]);
    expect(result.columns).toMatchObject({ customer: 0, stage: 1, touchpoint: null, timestamp: 2, amount: 3 });
    expect(result.events.map((e) => [e.stageId, e.at.toISOString(), e.amount])).toEqual([
      ['s-aw', '2024-03-01T10:00:00.000Z', null],
      ['s-pu', '2024-03-02T07:00:00.000Z', 99.9],
    ]);
  });

  it('should join a separate time column to a date column when the file splits them', async () => {
    const file = csv([
      ['ID клиента', 'Этап', 'Дата', 'Время'],
      ['c1', 'Интерес', '05.03.2024', '14:30'],
      ['c1', 'Покупка', '06.03.2024', ''],
    ]);

    const result = await readEventsFile(file, options);

    expect(result.columns).toMatchObject({ customer: 0, stage: 1, timestamp: 2, time: 3 });
    expect(result.problems).toEqual([]);
    expect(result.events.map((e) => e.at.toISOString())).toEqual(['2024-03-05T14:30:00.000Z', '2024-03-06T00:00:00.000Z']);
  });

  it('should report unknown stages and touchpoints with their lines', async () => {
    const file = csv([
      ['customer_id', 'stage', 'touchpoint', 'timestamp'],
      ['c1', 'Осознание', '', '2024-03-01 10:00'],
      ['c1', 'Телепортация', '', '2024-03-02 10:00'],
      ['c2', '', 'Факс', '2024-03-02 10:00'],
      ['c3', '', '', '2024-03-02 10:00'],
    ]);

    const result = await readEventsFile(file, options);

    expect(result.problems.map((p) => [p.line, p.column, p.code, p.value])).toEqual([
      [3, 'stage', 'unknown_stage', 'Телепортация'],
      [4, 'touchpoint', 'unknown_touchpoint', 'Факс'],
      [5, 'stage', 'missing_stage', ''],
    ]);
    expect(result.problems[0].reason).toBe('"Телепортация" is not a stage of this project');
    expect(result.events.map((e) => e.line)).toEqual([2]);
  });

  it('should report unparsable dates', async () => {
    const file = csv([
      ['клиент', 'этап', 'дата'],
      ['c1', 'Осознание', 'вчера'],
      ['c2', 'Осознание', '31.02.2024 10:00'],
      ['c3', 'Осознание', ''],
      ['c4', 'Осознание', '2024-13-01 10:00:00'],
    ]);

    const result = await readEventsFile(file, options);

    expect(result.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'invalid_date'],
      [3, 'invalid_date'],
      [4, 'invalid_date'],
      [5, 'invalid_date'],
    ]);
    expect(result.problems[0].reason).toContain('"вчера" is not a date');
    expect(result.events).toEqual([]);
  });

  it('should report negative and unreadable amounts', async () => {
    const file = csv([
      ['customer_id', 'stage', 'timestamp', 'amount'],
      ['c1', 'Покупка', '2024-03-01 10:00', '-100'],
      ['c2', 'Покупка', '2024-03-01 10:00', 'сто рублей'],
      ['c3', 'Покупка', '2024-03-01 10:00', '−5,50 ₽'],
      ['c4', 'Покупка', '2024-03-01 10:00', '1,234.50'],
    ]);

    const result = await readEventsFile(file, options);

    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'amount', 'negative_amount'],
      [3, 'amount', 'invalid_amount'],
      [4, 'amount', 'negative_amount'],
    ]);
    expect(result.events.map((e) => [e.customerId, e.amount])).toEqual([['c4', 1234.5]]);
  });

  it('should report a customer going backwards in the funnel at the later row in time', async () => {
    const file = csv([
      ['customer_id', 'stage', 'touchpoint', 'timestamp'],
      ['c1', 'Покупка', '', '2024-03-05 10:00'],
      ['c1', 'Осознание', '', '2024-03-01 10:00'],
      ['c1', 'Интерес', '', '2024-03-06 10:00'],
      ['c2', 'Покупка', '', '2024-03-01 10:00'],
      ['c2', '', 'Сайт', '2024-03-02 10:00'],
      ['c3', 'Осознание', '', '2024-03-01 10:00'],
      ['c3', 'Осознание', '', '2024-03-02 10:00'],
    ]);

    const result = await readEventsFile(file, options);

    expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [4, 'stage', 'backwards'],
      [6, 'touchpoint', 'backwards'],
    ]);
    expect(result.problems[0].reason).toBe('Customer "c1" goes back from "Покупка" (line 2) to "Интерес"');
  });

  it('should list problems of every kind with their lines when one file has them all', async () => {
    const file = csv([
      ['customer', 'stage', 'date', 'sum'],
      ['c1', 'Интерес', '2024-03-02 10:00', ''],
      ['c1', 'Nowhere', '2024-03-03 10:00', ''],
      ['c1', 'Осознание', '2024-03-04 10:00', ''],
      ['c2', 'Покупка', 'not a date', ''],
      ['c3', 'Покупка', '2024-03-04 10:00', '-1'],
    ]);

    const result = await readEventsFile(file, options);

    expect(result.problemCount).toBe(4);
    expect(result.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'unknown_stage'],
      [4, 'backwards'],
      [5, 'invalid_date'],
      [6, 'negative_amount'],
    ]);
  });

  it('should keep only the first problems when there are many, and count them all', async () => {
    const rows = [['customer_id', 'stage', 'timestamp']];
    for (let i = 0; i < 30; i++) rows.push([`c${i}`, 'Nowhere', '2024-03-01']);
    const result = await readEventsFile(csv(rows), { ...options, maxProblems: 10 });
    expect(result.problems).toHaveLength(10);
    expect(result.problemCount).toBe(30);
    expect(result.problems[0].line).toBe(2);
  });

  it('should read a file streamed in small chunks with a quoted multi-line cell', async () => {
    const text = 'customer_id,touchpoint,timestamp\r\n"c,1",Сайт,2024-03-01\r\n"c\n2",Магазин,2024-03-02\r\nc3,Сайт,2024-03-03\r\n';
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));

    const result = await readEventsFile(Readable.from(chunks), options);

    expect(result.problems).toEqual([]);
    expect(result.events.map((e) => [e.line, e.customerId, e.touchpointId])).toEqual([
      [2, 'c,1', 'tp-site'],
      [3, 'c\n2', 'tp-store'],
      [5, 'c3', 'tp-site'],
    ]);
  });

  it('should refuse a file without the needed columns, naming them', async () => {
    const error = await rejection(readEventsFile(csv([['name', 'stage'], ['c1', 'Покупка']]), options));
    expect(error.code).toBe(ImportErrorCode.InvalidTable);
    expect(error.message).toBe('"events.csv" has no column for customer id (customer_id / клиент), timestamp (timestamp / дата / время)');
  });

  it('should refuse an empty file', async () => {
    expect((await rejection(readEventsFile(Buffer.alloc(0), options))).code).toBe(ImportErrorCode.EmptyFile);
  });
});

describe('parseEventTimestamp', () => {
  it('should read the three accepted formats as UTC and refuse others', () => {
    expect(parseEventTimestamp('2024-03-01T10:15:30.5Z')?.toISOString()).toBe('2024-03-01T10:15:30.500Z');
    expect(parseEventTimestamp('2024-03-01 10:15:30')?.toISOString()).toBe('2024-03-01T10:15:30.000Z');
    expect(parseEventTimestamp('1.3.2024 9:05')?.toISOString()).toBe('2024-03-01T09:05:00.000Z');
    expect(parseEventTimestamp('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseEventTimestamp('03/01/2024')).toBeNull();
    expect(parseEventTimestamp('2024-03-01 25:00')).toBeNull();
  });
});

describe('parseAmount', () => {
  it('should read dot and comma decimals, thousands separators and currency signs', () => {
    expect(parseAmount('1250.50')).toBe(1250.5);
    expect(parseAmount('1 250,50')).toBe(1250.5);
    expect(parseAmount('1.250,50')).toBe(1250.5);
    expect(parseAmount('1,234,567')).toBe(1234567);
    expect(parseAmount('$ 12')).toBe(12);
    expect(parseAmount('300 руб.')).toBe(300);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('-3')).toBe(-3);
    expect(parseAmount('12abc')).toBeNaN();
  });
});
