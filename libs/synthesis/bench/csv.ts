/** Streams a CSV file through the library's RFC 4180 parser. */
import { createReadStream } from 'node:fs';
import { CsvParser } from '../src/text/csv';

/** Read a CSV file with a header row into header + records. */
export async function readCsvFile(path: string): Promise<{ header: string[]; records: string[][] }> {
  const parser = new CsvParser();
  const rows: string[][] = [];
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  for await (const chunk of stream) parser.push(chunk as string, (r) => rows.push(r));
  parser.end((r) => rows.push(r));
  const [header = [], ...records] = rows;
  return { header: header.map((h) => h.trim()), records };
}
