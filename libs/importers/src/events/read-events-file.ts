import { sniffEncoding } from '../encoding/decode-text';
import { ImportError, ImportErrorCode } from '../import-error';
import { peekBytes } from '../responses/byte-stream';
import { readCsvRecords } from '../responses/csv-records';
import { detectDelimiter, readSeparatorHint } from '../responses/detect-delimiter';
import type { ResponseTableInput } from '../responses/response-table.types';
import { detectEventsColumns, nameIndex } from './events-columns';
import type { EventRowProblem, EventsColumnRole, EventsFile, ImportedEvent, ReadEventsFileOptions } from './events-file.types';
import { normaliseName, parseAmount, parseEventTimestamp } from './event-values';

const SNIFF_BYTES = 64 * 1024;
const VALUE_LENGTH = 100;
export const MAX_EVENT_PROBLEMS = 1000;

/**
 * Reads a customer events CSV (customer id, stage and/or touchpoint, timestamp, optional
 * amount) as a stream: the encoding and delimiter are sniffed from the first 64 KB, rows
 * are parsed one by one by csv-parse. Every row problem is reported with its line:
 * no customer, no stage or touchpoint, an unknown stage or touchpoint, an unparsable
 * date, an unreadable or negative amount, and a customer going backwards in the funnel
 * (an event at an earlier stage later in time than an event at a later stage). The
 * events are kept (they are needed for the order check); the caller refuses the whole
 * file when there are problems. Throws ImportError for an empty file, no header, or a
 * header without the customer, timestamp and stage-or-touchpoint columns.
 */
export async function readEventsFile(input: ResponseTableInput, options: ReadEventsFileOptions): Promise<EventsFile> {
  const fileName = options.fileName ?? 'the file';
  const maxProblems = options.maxProblems ?? MAX_EVENT_PROBLEMS;
  const peeked = await peekBytes(input, SNIFF_BYTES);
  if (peeked.prefix.length === 0) throw new ImportError(ImportErrorCode.EmptyFile, `The file "${fileName}" is empty`);
  const encoding = sniffEncoding(peeked.prefix, peeked.complete).encoding;
  const sample = new TextDecoder(encoding).decode(peeked.prefix);
  const hint = readSeparatorHint(sample);
  const delimiter = hint ?? detectDelimiter(sample);
  const records = readCsvRecords(peeked.chunks, encoding, delimiter, hint ? 2 : 1);

  const stageIds = nameIndex(options.stages, true);
  const touchpointIds = nameIndex(options.touchpoints ?? [], false);
  const stageOrder = new Map(options.stages.map((s) => [s.id, s.order]));
  const stageName = new Map(options.stages.map((s) => [s.id, s.name]));
  const touchpointStage = new Map((options.touchpoints ?? []).map((t) => [t.id, t.stageId ?? null]));

  let columns: Record<EventsColumnRole, number | null> | null = null;
  let rows = 0;
  const events: ImportedEvent[] = [];
  const problems: EventRowProblem[] = [];
  const report = (line: number, column: EventsColumnRole | null, code: EventRowProblem['code'], value: string, reason: string) =>
    problems.push({ line, column, code, value: value.slice(0, VALUE_LENGTH), reason });

  for await (const { line, cells } of records) {
    if (!cells.some((cell) => cell.trim().length > 0)) continue;
    if (columns === null) {
      columns = requireColumns(detectEventsColumns(cells), fileName);
      continue;
    }
    rows++;
    const cell = (role: EventsColumnRole): string => {
      const index = columns?.[role];
      return index === null || index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const before = problems.length;

    const customerId = cell('customer');
    if (!customerId) report(line, 'customer', 'missing_customer', '', 'The customer id is empty');

    const stageText = cell('stage');
    const touchpointText = cell('touchpoint');
    let stageId: string | null = null;
    let touchpointId: string | null = null;
    if (stageText) {
      stageId = stageIds.get(normaliseName(stageText)) ?? null;
      if (stageId === null) report(line, 'stage', 'unknown_stage', stageText, `"${stageText}" is not a stage of this project`);
    }
    if (touchpointText) {
      touchpointId = touchpointIds.get(normaliseName(touchpointText)) ?? null;
      if (touchpointId === null) report(line, 'touchpoint', 'unknown_touchpoint', touchpointText, `"${touchpointText}" is not a touchpoint of this project`);
    }
    if (!stageText && !touchpointText) report(line, columns.stage !== null ? 'stage' : 'touchpoint', 'missing_stage', '', 'The row names neither a stage nor a touchpoint');

    const dateText = cell('timestamp');
    const timeOfDay = cell('time');
    const timeText = timeOfDay && !dateText.includes(':') ? `${dateText} ${timeOfDay}` : dateText;
    const at = parseEventTimestamp(timeText);
    if (!at) report(line, 'timestamp', 'invalid_date', timeText, timeText ? `"${timeText}" is not a date (use ISO, DD.MM.YYYY HH:mm or YYYY-MM-DD HH:mm:ss)` : 'The date is empty');

    const amountText = cell('amount');
    const amount = parseAmount(amountText);
    if (amount !== null && Number.isNaN(amount)) report(line, 'amount', 'invalid_amount', amountText, `"${amountText}" is not an amount`);
    else if (amount !== null && amount < 0) report(line, 'amount', 'negative_amount', amountText, 'An amount cannot be negative');

    if (problems.length === before && at) events.push({ line, customerId, stageId, touchpointId, at, amount: amount === null || Number.isNaN(amount) ? null : amount });
  }
  if (columns === null) throw new ImportError(ImportErrorCode.InvalidTable, `"${fileName}" has no header row`);

  // Going backwards: per customer, in time order (ties: file order).
  const byCustomer = new Map<string, ImportedEvent[]>();
  for (const event of events) {
    const list = byCustomer.get(event.customerId) ?? [];
    list.push(event);
    byCustomer.set(event.customerId, list);
  }
  for (const [customerId, list] of byCustomer) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime() || a.line - b.line);
    let furthest: ImportedEvent | null = null;
    let furthestOrder = -Infinity;
    for (const event of list) {
      const stageId = event.stageId ?? (event.touchpointId !== null ? (touchpointStage.get(event.touchpointId) ?? null) : null);
      const order = stageId === null ? undefined : stageOrder.get(stageId);
      if (order === undefined) continue;
      if (furthest && order < furthestOrder) {
        const from = stageName.get(furthest.stageId ?? '') ?? furthest.stageId ?? '';
        const to = stageName.get(stageId ?? '') ?? stageId ?? '';
        report(event.line, event.stageId !== null ? 'stage' : 'touchpoint', 'backwards', to, `Customer "${customerId}" goes back from "${from}" (line ${furthest.line}) to "${to}"`);
      } else if (order > furthestOrder) {
        furthest = { ...event, stageId };
        furthestOrder = order;
      }
    }
  }

  problems.sort((a, b) => a.line - b.line);
  return { encoding, delimiter, columns, rows, events, problems: problems.slice(0, maxProblems), problemCount: problems.length };
}

function requireColumns(columns: Record<EventsColumnRole, number | null>, fileName: string): Record<EventsColumnRole, number | null> {
  const missing: string[] = [];
  if (columns.customer === null) missing.push('customer id (customer_id / клиент)');
  if (columns.stage === null && columns.touchpoint === null) missing.push('stage or touchpoint (stage / этап, touchpoint / точка контакта)');
  if (columns.timestamp === null) missing.push('timestamp (timestamp / дата / время)');
  if (missing.length) throw new ImportError(ImportErrorCode.InvalidTable, `"${fileName}" has no column for ${missing.join(', ')}`);
  return columns;
}
