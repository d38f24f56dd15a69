// npm run bench:import — a generated 100,000-row, 20-question CSV imported through
// the same HTTP upload + background job the UI uses, compared in the same run with
// PostgreSQL's COPY of the same file into a plain table. Ends with one line of JSON.
// The server runs in a child process: its peak RSS is the memory figure reported.
import type { JobResponse, ProjectResponse, RunImportResponse, SurveyImportResponse, SurveyResponse } from '@tropa/contracts';
import { type ChildProcess, fork } from 'node:child_process';
import { chmodSync, closeSync, createWriteStream, mkdtempSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BenchClient, startBenchApp } from './bench-app';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const TARGET_RATIO = 3;
const TARGET_PEAK_MB = 300;

const CHANNELS = ['Сайт', 'Приложение', 'Магазин', 'Instagram', 'Telegram'];
const REASONS = ['Цена', 'Качество', 'Доставка', 'Отзывы', 'Совет друзей'];
const JOBS = [
  'Хотела быстро подобрать крем, чтобы не ехать в магазин',
  'Нужно было найти подарок маме, чтобы успеть к празднику',
  'Искала тональный крем под свой тон кожи',
  'Хотел заказать доставку домой после работы',
  'Нужно было вернуть товар, который не подошёл',
];

/** 20 questions: 2 open, 8 single choice, 4 multiple choice, 4 ratings, 2 yes/no. */
function definition() {
  const elements: object[] = [
    { type: 'comment', name: 'job', title: 'Что вы хотели сделать?' },
    { type: 'text', name: 'pain', title: 'Что мешало?' },
  ];
  for (let i = 1; i <= 8; i += 1) elements.push({ type: 'radiogroup', name: `channel${i}`, title: `Канал на этапе ${i}`, choices: CHANNELS });
  for (let i = 1; i <= 4; i += 1) elements.push({ type: 'checkbox', name: `reason${i}`, title: `Причины ${i}`, choices: REASONS });
  for (let i = 1; i <= 4; i += 1) elements.push({ type: 'rating', name: `score${i}`, title: `Оценка ${i}`, rateMin: 1, rateMax: 5 });
  for (let i = 1; i <= 2; i += 1) elements.push({ type: 'boolean', name: `again${i}`, title: `Вернётесь ${i}?` });
  return { pages: [{ name: 'p1', elements }] };
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A Google-Forms-shaped export: timestamp first, then one column per question. Written to disk in pieces, never held whole. */
function writeCsv(file: string): number {
  const titles = ['Отметка времени', 'Что вы хотели сделать?', 'Что мешало?'];
  for (let i = 1; i <= 8; i += 1) titles.push(`Канал на этапе ${i}`);
  for (let i = 1; i <= 4; i += 1) titles.push(`Причины ${i}`);
  for (let i = 1; i <= 4; i += 1) titles.push(`Оценка ${i}`);
  for (let i = 1; i <= 2; i += 1) titles.push(`Вернётесь ${i}?`);
  const fd = openSync(file, 'w', 0o644);
  let bytes = 0;
  let lines = [titles.map(csvCell).join(',')];
  const write = () => {
    const text = lines.join('\n') + '\n';
    bytes += writeSync(fd, text);
    lines = [];
  };
  for (let row = 0; row < ROWS; row += 1) {
    const day = String(1 + (row % 28)).padStart(2, '0');
    const cells = [`${day}.03.2024 ${String(row % 24).padStart(2, '0')}:${String(row % 60).padStart(2, '0')}:00`, `${JOBS[row % JOBS.length]} (${row})`, row % 3 ? 'Долго ждать курьера' : ''];
    for (let i = 1; i <= 8; i += 1) cells.push(CHANNELS[(row + i) % CHANNELS.length]);
    for (let i = 1; i <= 4; i += 1) cells.push(`${REASONS[(row + i) % 5]}, ${REASONS[(row + i + 2) % 5]}`);
    for (let i = 1; i <= 4; i += 1) cells.push(String(1 + ((row * i) % 5)));
    for (let i = 1; i <= 2; i += 1) cells.push((row + i) % 2 ? 'Да' : 'Нет');
    lines.push(cells.map(csvCell).join(','));
    if (lines.length >= 1000) write();
  }
  if (lines.length) write();
  closeSync(fd);
  return bytes;
}

interface ServerStarted {
  url: string;
  databaseUrl: string;
}

/** The server side of the bench, in its own process, so that the peak memory measured is the server's alone. */
async function serve(): Promise<void> {
  const bench = await startBenchApp();
  process.on('message', (message: 'peak' | 'close') => {
    if (message === 'peak') process.send?.({ peakKB: process.resourceUsage().maxRSS });
    else void bench.close().then(() => process.exit(0));
  });
  process.send?.({ url: bench.url, databaseUrl: bench.databaseUrl } satisfies ServerStarted);
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`the bench server exited (${code})`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message as T);
    });
  });
}

/**
 * The floor under any import of this file: PostgreSQL's own COPY of the rows the import wrote (already
 * converted, read back to a file) into empty tables with the same columns, generated search vector,
 * indexes, checks and foreign keys as ours. Measured inside a transaction that is rolled back.
 */
async function copyIntoOurTables(client: Client, surveyId: string, folder: string): Promise<number> {
  const responsesFile = join(folder, 'responses.copy');
  const quotesFile = join(folder, 'quotes.copy');
  const quoteColumns = 'id, project_id, source_type, survey_id, response_id, question_name, start_offset, end_offset, text, stage_id, touchpoint_id, participant_key';
  await pipeline(client.query(copyTo(`COPY (SELECT * FROM survey_responses WHERE survey_id = '${surveyId}') TO STDOUT`)), createWriteStream(responsesFile, { mode: 0o644 }));
  await pipeline(client.query(copyTo(`COPY (SELECT ${quoteColumns} FROM quotes WHERE survey_id = '${surveyId}') TO STDOUT`)), createWriteStream(quotesFile, { mode: 0o644 }));
  await client.query('BEGIN');
  try {
    for (const [table, clone] of [
      ['survey_responses', 'floor_responses'],
      ['quotes', 'floor_quotes'],
    ]) {
      await client.query(`CREATE TABLE ${clone} (LIKE ${table} INCLUDING ALL)`);
      const foreignKeys = await client.query<{ definition: string }>(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [table]);
      for (const { definition } of foreignKeys.rows) await client.query(`ALTER TABLE ${clone} ADD ${definition.replace('REFERENCES survey_responses(', 'REFERENCES floor_responses(')}`);
    }
    const started = process.hrtime.bigint();
    await client.query(`COPY floor_responses FROM '${responsesFile}'`);
    await client.query(`COPY floor_quotes (${quoteColumns}) FROM '${quotesFile}'`);
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await client.query('ROLLBACK');
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tropa-import-bench-'));
  chmodSync(folder, 0o755);
  const file = join(folder, 'responses.csv');
  const bytes = writeCsv(file);
  chmodSync(file, 0o644);
  // Same Node flags as this process; the child runs the API and the import job (pg-boss worker) as `npm start` does.
  const server = fork(__filename, ['--server'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const bench = await nextMessage<ServerStarted>(server);
  try {
    const owner = new BenchClient(bench.url);
    await owner.request('POST', '/api/auth/register', { email: 'bench@example.test', password: 'bench password 1', displayName: 'Bench' });
    const project = await owner.request<ProjectResponse>('POST', '/api/projects', { name: 'Bench', language: 'ru', stageTemplate: 'seven' });
    const survey = await owner.request<SurveyResponse>('POST', `/api/projects/${project.id}/surveys`, { title: 'Bench', definition: definition() });
    const base = `/api/projects/${project.id}/surveys/${survey.id}/imports`;

    const started = process.hrtime.bigint();
    const form = new FormData();
    // A file-backed Blob: the client streams the upload from disk.
    form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'responses.csv');
    const uploaded = await owner.request<SurveyImportResponse>('POST', base, form);
    const uploadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    // The export's titles are the questions' titles: the suggested mapping must take every column.
    if (uploaded.suggestedMapping.length !== 20) throw new Error(`the suggested mapping took ${uploaded.suggestedMapping.length} of 20 question columns`);
    const run = await owner.request<RunImportResponse>('POST', `${base}/${uploaded.id}/run`, { mapping: uploaded.suggestedMapping, dryRun: false });
    let job: JobResponse = run.job;
    while (job.status !== 'succeeded' && job.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await owner.request<JobResponse>('GET', `/api/projects/${project.id}/jobs/${job.id}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (job.status !== 'succeeded') throw new Error(`import failed: ${job.error} ${JSON.stringify(job.result)}`);

    const peakOf = async () => {
      server.send('peak');
      return Math.round((await nextMessage<{ peakKB: number }>(server)).peakKB / 1024);
    };
    const peakMB = await peakOf();

    // Reading 100,000 responses back as a researcher does: the summary, a page of the list, a page filtered by an answer.
    const survey100k = `/api/projects/${project.id}/surveys/${survey.id}`;
    const readBack = async (path: string) => {
      const readStarted = process.hrtime.bigint();
      await owner.request('GET', path);
      return Math.round(Number(process.hrtime.bigint() - readStarted) / 1e6);
    };
    const summaryMs = await readBack(`${survey100k}/summary`);
    const listMs = await readBack(`${survey100k}/responses?pageSize=50`);
    const quotesMs = await readBack(`/api/projects/${project.id}/quotes?pageSize=50`);
    const searchMs = await readBack(`/api/projects/${project.id}/quotes?pageSize=50&q=${encodeURIComponent('курьер')}`);
    const exportStarted = process.hrtime.bigint();
    const exportBytes = await owner.download(`${survey100k}/export?format=csv`);
    const exportMs = Math.round(Number(process.hrtime.bigint() - exportStarted) / 1e6);
    const filteredMs = await readBack(`${survey100k}/responses?pageSize=50&question=channel3&value=${encodeURIComponent(CHANNELS[1])}`);

    const client = new Client({ connectionString: bench.databaseUrl });
    await client.connect();
    const columns = Array.from({ length: 21 }, (_, i) => `c${i} text`).join(', ');
    await client.query(`CREATE TABLE copy_bench (${columns})`);
    const copyStarted = process.hrtime.bigint();
    await client.query(`COPY copy_bench FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;
    const floorSeconds = await copyIntoOurTables(client, survey.id, folder);
    const [{ responses }] = (await client.query(`SELECT count(*)::int AS responses FROM survey_responses WHERE survey_id = $1`, [survey.id])).rows;
    const [{ quotes }] = (await client.query(`SELECT count(*)::int AS quotes FROM quotes WHERE survey_id = $1`, [survey.id])).rows;
    const [{ copied }] = (await client.query(`SELECT count(*)::int AS copied FROM copy_bench`)).rows;
    await client.end();

    const readPeakMB = await peakOf();
    const ratio = seconds / copySeconds;
    console.log(`Import of a ${ROWS.toLocaleString('en')}-row, 20-question CSV (${(bytes / 1024 / 1024).toFixed(1)} MB), Node ${process.version}`);
    console.log(`  Tropa (upload + mapping + background job, one transaction): ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds)} rows/s; ${responses} responses and ${quotes} quotes stored`);
    console.log(`    of which upload (stored, header read, mapping suggested) ${uploadSeconds.toFixed(2)} s, mapping + background job ${(seconds - uploadSeconds).toFixed(2)} s`);
    console.log(`  PostgreSQL COPY of the same file into a plain 21-column text table: ${copySeconds.toFixed(2)} s (${copied} rows)`);
    console.log(
      `  PostgreSQL COPY of the rows this import wrote (responses, then quotes) into empty tables with our columns, indexes and constraints: ${floorSeconds.toFixed(2)} s = ${(floorSeconds / copySeconds).toFixed(1)}× the plain COPY — the floor for any import that stores these rows; Tropa's import is ${(seconds / floorSeconds).toFixed(2)}× it`,
    );
    console.log(`  read back: summary of every question ${summaryMs} ms, first page of 50 responses ${listMs} ms, a page filtered by an answer ${filteredMs} ms, a page of the project's quotes ${quotesMs} ms, searched ${searchMs} ms, CSV export of every response ${exportMs} ms (${(exportBytes / 1024 / 1024).toFixed(1)} MB)`);
    console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
    console.log(`  peak RSS of the server process (API + import job, from boot to the import's end; the bench client runs in another process) ${peakMB} MB (target < ${TARGET_PEAK_MB} MB: ${peakMB < TARGET_PEAK_MB ? 'met' : 'NOT met'}); after the read-back ${readPeakMB} MB`);
    console.log(
      JSON.stringify({ rows: ROWS, seconds: Number(seconds.toFixed(3)), copySeconds: Number(copySeconds.toFixed(3)), ratio: Number(ratio.toFixed(2)), peakMB, floorSeconds: Number(floorSeconds.toFixed(3)), summaryMs, listMs, filteredMs, quotesMs, searchMs, exportMs, readPeakMB }),
    );
    if (responses !== ROWS) process.exitCode = 1;
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.send('close');
    await exited;
    rmSync(folder, { recursive: true, force: true });
  }
}

void (process.argv.includes('--server') ? serve() : main());
