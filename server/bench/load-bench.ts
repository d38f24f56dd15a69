// npm run bench:load — autocannon against three endpoints of a real server on a
// throwaway embedded PostgreSQL: the health check, an authenticated quotes list
// (BENCH_QUOTES quotes seeded, session cookie + XSRF header) and the public response
// submission (stored rows compared with the 2xx count). Each target runs
// BENCH_SECONDS with BENCH_CONNECTIONS connections. Ends with one line of JSON.
import { execFile } from 'node:child_process';
import type { ProjectResponse, SurveyResponse } from '@tropa/contracts';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { BenchClient, startBenchApp } from './bench-app';

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 10);
const QUOTES = Number(process.env['BENCH_QUOTES'] ?? 5000);

interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** For submissions: answers sent with a unique respondent key each. */
  answers?: Record<string, unknown>;
}

interface AutocannonResult {
  requests: { total: number; sent: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  ok: number;
  errors: number;
}

/** The load generator, in its own process so that it does not share the server's event loop. */
async function load(): Promise<void> {
  const options = JSON.parse(process.argv[3]) as LoadOptions;
  let sequence = 0;
  const result = await autocannon({
    url: options.url,
    connections: CONNECTIONS,
    duration: DURATION,
    method: options.method,
    headers: options.headers,
    requests: options.answers
      ? [
          {
            setupRequest: (request) => {
              sequence += 1;
              return { ...request, body: JSON.stringify({ respondentKey: `load-${process.pid}-${sequence}`, answers: options.answers }) };
            },
          },
        ]
      : undefined,
  });
  process.stdout.write(JSON.stringify(result));
}

function runLoad(options: LoadOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [__filename, '--load', JSON.stringify(options)], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as AutocannonResult);
    });
  });
}

function figures(result: AutocannonResult): Figures {
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    ok: result['2xx'],
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function print(name: string, figure: Figures): void {
  console.log(`  ${name}: ${figure.rps} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ${figure.requests} requests, 2xx ${figure.ok}, errors ${figure.errors}`);
}

/** Session and XSRF cookies of a logged-in BenchClient, as autocannon headers. */
async function authHeaders(url: string, email: string, password: string): Promise<Record<string, string>> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      cookies.set(name, value.join('='));
    }
  };
  remember(csrf);
  const xsrf = decodeURIComponent(cookies.get('XSRF-TOKEN') ?? '');
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieHeader(), 'x-xsrf-token': xsrf },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  remember(login);
  return { cookie: cookieHeader(), 'x-xsrf-token': decodeURIComponent(cookies.get('XSRF-TOKEN') ?? '') };
}

async function main(): Promise<void> {
  const bench = await startBenchApp();
  const db = new Client({ connectionString: bench.databaseUrl });
  try {
    await db.connect();
    const email = 'bench@example.test';
    const password = 'bench password 1';
    const owner = new BenchClient(bench.url);
    await owner.request('POST', '/api/auth/register', { email, password, displayName: 'Bench' });
    const project = await owner.request<ProjectResponse>('POST', '/api/projects', { name: 'Bench', language: 'ru', stageTemplate: 'seven' });
    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'job', title: 'Что вы хотели сделать?', isRequired: true },
            { type: 'radiogroup', name: 'channel', choices: ['Сайт', 'Приложение', 'Магазин'] },
            { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
          ],
        },
      ],
    };
    const survey = await owner.request<SurveyResponse>('POST', `/api/projects/${project.id}/surveys`, { title: 'Bench', definition });
    const opened = await owner.request<SurveyResponse>('PATCH', `/api/projects/${project.id}/surveys/${survey.id}`, { status: 'open' });
    const submitUrl = `/api/public/surveys/${opened.publicToken}/responses`;

    // Seed: every open answer becomes a quote.
    const seedStarted = Date.now();
    let next = 0;
    const seedCsrf = await fetch(`${bench.url}/api/auth/csrf`);
    const seedXsrf = decodeURIComponent((seedCsrf.headers.getSetCookie()[0] ?? '').split(';')[0].split('=').slice(1).join('='));
    const seedHeaders = { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(seedXsrf)}`, 'x-xsrf-token': seedXsrf };
    const jobs = ['Хотела быстро заказать крем', 'Искала подарок маме к празднику', 'Нужно было вернуть тушь', 'Хотел забрать заказ по пути домой'];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < QUOTES) {
          const i = next++;
          const body = JSON.stringify({ respondentKey: `seed-${String(i).padStart(6, '0')}`, answers: { job: `${jobs[i % jobs.length]} (${i})`, nps: i % 11 } });
          const response = await fetch(`${bench.url}${submitUrl}`, { method: 'POST', headers: seedHeaders, body });
          if (!response.ok) throw new Error(`seeding: ${response.status} ${await response.text()}`);
        }
      }),
    );
    const [{ quotes }] = (await db.query<{ quotes: number }>(`SELECT count(*)::int AS quotes FROM quotes WHERE project_id = $1`, [project.id])).rows;
    console.log(`Seeded ${quotes} quotes in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const health = figures(await runLoad({ url: `${bench.url}/api/health`, method: 'GET', headers: {} }));
    const auth = await authHeaders(bench.url, email, password);
    const quoteList = figures(await runLoad({ url: `${bench.url}/api/projects/${project.id}/quotes?pageSize=50`, method: 'GET', headers: auth }));
    const countResponses = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1`, [survey.id])).rows[0].n;
    const before = await countResponses();
    const csrf = await fetch(`${bench.url}/api/auth/csrf`);
    const xsrf = decodeURIComponent((csrf.headers.getSetCookie()[0] ?? '').split(';')[0].split('=').slice(1).join('='));
    const submitRaw = await runLoad({
      url: `${bench.url}${submitUrl}`,
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`, 'x-xsrf-token': xsrf },
      answers: { job: 'Хотела быстро выбрать подарок, чтобы успеть к празднику', channel: 'Сайт', nps: 9 },
    });
    const submit = figures(submitRaw);
    // autocannon stops on the clock and drops answers still in flight; the server
    // finishes those, so they are stored without a 2xx having been counted.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stored = (await countResponses()) - before;
    const inFlight = submitRaw.requests.sent - submitRaw.requests.total;
    const consistent = stored === submit.ok + inFlight;

    console.log(`Load, ${CONNECTIONS} connections, ${DURATION} s a target, ${process.platform}/${process.arch}, Node ${process.version}`);
    print('GET /api/health', health);
    print(`GET quotes list (page of 50 of ${quotes}, authenticated)`, quoteList);
    print('POST public response submission', submit);
    console.log(`  submissions: 2xx ${submit.ok}, in flight at the stop ${inFlight}; stored ${stored} (${consistent ? 'equal to 2xx + in flight' : 'MISMATCH'})`);
    console.log(JSON.stringify({ connections: CONNECTIONS, seconds: DURATION, quotes, health, quotesList: quoteList, submit: { ...submit, inFlight, stored, consistent } }));
    if (!consistent || health.errors + quoteList.errors + submit.errors > 0) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    await bench.close();
  }
}

void (process.argv[2] === '--load' ? load() : main());
