export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: CsvDelimiter[] = [',', ';', '\t'];

/** Excel's `sep=;` first line, which names the delimiter and is not part of the data. */
export function readSeparatorHint(sample: string): CsvDelimiter | null {
  const match = /^\uFEFF?sep=(.)\r?\n/i.exec(sample);
  const hint = match?.[1];
  return hint === ',' || hint === ';' || hint === '\t' ? hint : null;
}

/**
 * Picks the delimiter among `,` `;` and tab from the first records of a CSV (quote-aware, so
 * delimiters and line breaks inside quoted fields do not count): the one whose count per record
 * is the same as in the header for the most records; ties go to the larger count, then to `,`.
 */
export function detectDelimiter(sample: string, maxRecords = 20): CsvDelimiter {
  const counts = countPerRecord(sample, maxRecords);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  let bestWidth = 0;
  for (const delimiter of CANDIDATES) {
    const perRecord = counts.map((record) => record[delimiter]);
    const header = perRecord[0] ?? 0;
    if (header === 0) continue;
    const score = perRecord.filter((count) => count === header).length / perRecord.length;
    if (score > bestScore || (score === bestScore && header > bestWidth)) {
      best = delimiter;
      bestScore = score;
      bestWidth = header;
    }
  }
  return best;
}

function countPerRecord(sample: string, maxRecords: number): Array<Record<CsvDelimiter, number>> {
  const records: Array<Record<CsvDelimiter, number>> = [];
  let current: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let empty = true;
  for (let i = 0; i < sample.length && records.length < maxRecords; i++) {
    const char = sample[i];
    if (char === '"') {
      quoted = !quoted;
      empty = false;
    } else if (!quoted && (char === '\n' || char === '\r')) {
      if (!empty) records.push(current);
      current = { ',': 0, ';': 0, '\t': 0 };
      empty = true;
    } else if (!quoted && (char === ',' || char === ';' || char === '\t')) {
      current[char]++;
      empty = false;
    } else if (char.trim().length > 0) empty = false;
  }
  // The last record of a sample may be cut short: count it only when it is the only one.
  if (!empty && records.length === 0) records.push(current);
  return records;
}
