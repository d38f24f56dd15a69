// npm run bench:respond — autocannon, 20 connections for 30 s, against the public
// submission endpoint of a real server on a throwaway embedded PostgreSQL.
// Checks that every 2xx answer was stored. Ends with one line of JSON.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { ProjectResponse, SurveyResponse } from '@tropa/contracts';
import { BenchClient, startBenchApp } from './bench-app';

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 30);
const TARGET_P99_MS = 50;

interface AutocannonResult {
  requests: { total: number; sent: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

/** autocannon in a child process (bench/submit-load.ts), so that it does not share the server's event loop. */
function runLoad(options: object): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(__dirname, 'submit-load.js'), JSON.stringify(options)], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as AutocannonResult);
    });
  });
}

async function main(): Promise<void> {
  const bench = await startBenchApp();
  try {
    const owner = new BenchClient(bench.url);
    await owner.request('POST', '/api/auth/register', { email: 'bench@example.test', password: 'bench password 1', displayName: 'Bench' });
    const project = await owner.request<ProjectResponse>('POST', '/api/projects', { name: 'Bench', language: 'ru', stageTemplate: 'seven' });
    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'job', title: 'Что вы хотели сделать?', isRequired: true },
            { type: 'radiogroup', name: 'channel', choices: ['Сайт', 'Приложение', 'Магазин'] },
            { type: 'checkbox', name: 'used', choices: ['Доставка', 'Самовывоз', 'Чат'] },
            { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10 },
            { type: 'boolean', name: 'again' },
          ],
        },
      ],
    };
    const survey = await owner.request<SurveyResponse>('POST', `/api/projects/${project.id}/surveys`, { title: 'Bench', definition });
    const opened = await owner.request<SurveyResponse>('PATCH', `/api/projects/${project.id}/surveys/${survey.id}`, { status: 'open' });
    const csrf = await fetch(`${bench.url}/api/auth/csrf`);
    const xsrf = decodeURIComponent((csrf.headers.getSetCookie()[0] ?? '').split(';')[0].split('=').slice(1).join('='));

    const result = await runLoad({
      url: `${bench.url}/api/public/surveys/${opened.publicToken}/responses`,
      connections: CONNECTIONS,
      duration: DURATION,
      headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`, 'x-xsrf-token': xsrf },
      answers: { job: 'Хотела быстро выбрать подарок, чтобы успеть к празднику', channel: 'Сайт', used: ['Доставка', 'Чат'], nps: 9, again: true },
    });
    // autocannon stops on the clock and drops answers still in flight; the server
    // finishes those, so they are stored without a 2xx having been counted.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stored = Number((await owner.request<SurveyResponse>('GET', `/api/projects/${project.id}/surveys/${survey.id}`)).responseCount);
    const ok = result['2xx'];
    const errors = result.errors + result.timeouts + result.non2xx;
    const inFlight = result.requests.sent - result.requests.total;
    console.log(`Public submission endpoint, ${CONNECTIONS} connections, ${DURATION} s on ${process.platform}/${process.arch}, Node ${process.version}`);
    console.log(`  requests ${result.requests.total}, ${result.requests.average.toFixed(0)} req/s`);
    console.log(`  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (target p99 ≤ ${TARGET_P99_MS} ms: ${result.latency.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'})`);
    const consistent = stored === ok + inFlight;
    console.log(`  2xx ${ok}, errors ${errors}, in flight at the stop ${inFlight}; stored responses ${stored} (${consistent ? 'equal to 2xx + in flight' : 'MISMATCH'})`);
    console.log(JSON.stringify({ requests: result.requests.total, rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors, stored }));
    if (!consistent || errors > 0) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

void main();
