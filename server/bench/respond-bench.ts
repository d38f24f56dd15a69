// npm run bench:respond — autocannon, 20 connections for 30 s, against the public
// submission endpoint of a real server on a throwaway embedded PostgreSQL.
// Checks that every 2xx answer was stored. Ends with one line of JSON.
import autocannon from 'autocannon';
import type { ProjectResponse, SurveyResponse } from '@tropa/contracts';
import { BenchClient, startBenchApp } from './bench-app';

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 30);
const TARGET_P99_MS = 50;

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

    let sequence = 0;
    const result = await autocannon({
      url: `${bench.url}/api/public/surveys/${opened.publicToken}/responses`,
      connections: CONNECTIONS,
      duration: DURATION,
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`, 'x-xsrf-token': xsrf },
      requests: [
        {
          setupRequest: (request) => {
            sequence += 1;
            return {
              ...request,
              body: JSON.stringify({
                respondentKey: `bench-respondent-${sequence}`,
                answers: { job: `Хотела быстро выбрать подарок №${sequence}, чтобы успеть к празднику`, channel: 'Сайт', used: ['Доставка', 'Чат'], nps: sequence % 11, again: true },
              }),
            };
          },
        },
      ],
    });
    const stored = Number((await owner.request<SurveyResponse>('GET', `/api/projects/${project.id}/surveys/${survey.id}`)).responseCount);
    const ok = result['2xx'];
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`Public submission endpoint, ${CONNECTIONS} connections, ${DURATION} s on ${process.platform}/${process.arch}, Node ${process.version}`);
    console.log(`  requests ${result.requests.total}, ${result.requests.average.toFixed(0)} req/s`);
    console.log(`  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (target p99 ≤ ${TARGET_P99_MS} ms: ${result.latency.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'})`);
    console.log(`  2xx ${ok}, errors ${errors}; stored responses ${stored} (${stored === ok ? 'equal to 2xx' : 'MISMATCH'})`);
    console.log(JSON.stringify({ requests: result.requests.total, rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors, stored }));
    if (stored !== ok) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

void main();
