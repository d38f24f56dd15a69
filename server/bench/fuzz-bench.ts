// npm run bench:fuzz — the fuzzing of server/test/fuzz.spec.ts with FUZZ_RUNS (1,000)
// arbitrary requests a route, against the real server (workers off, so that no job
// writes rows while they are compared) on a throwaway embedded PostgreSQL. A random
// seed unless FUZZ_SEED is set; it is printed, to replay a failure. Ends with one line of JSON.
import { buildWorld, changeLogClient, discoverFuzzRoutes, fuzzRoutes } from './fuzz-harness';
import { startBenchApp } from './bench-app';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

async function main(): Promise<void> {
  const bench = await startBenchApp({ TROPA_WORKERS: 'off' });
  const started = Date.now();
  try {
    const world = await buildWorld(bench.url);
    const { client, changes } = await changeLogClient(bench.databaseUrl);
    const routes = discoverFuzzRoutes(bench.app);
    console.log(`Fuzzing ${routes.length} routes × ${RUNS} runs, seed ${SEED}, Node ${process.version}`);
    const results = await fuzzRoutes(world, routes, { runs: RUNS, seed: SEED, changes, log: process.env['FUZZ_VERBOSE'] === '1' ? (line) => console.log(`  ${line}`) : undefined });
    await client.end();
    const failures = results.filter((result) => result.failure);
    const requests = results.reduce((sum, result) => sum + result.runs, 0);
    const statuses: Record<string, number> = {};
    for (const result of results) for (const [status, n] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    const seconds = (Date.now() - started) / 1000;
    for (const failure of failures) console.log(`  FAILED ${failure.route}: ${failure.failure?.reason}\n    request ${failure.failure?.request}\n    response ${failure.failure?.response}`);
    console.log(`  ${requests} requests in ${seconds.toFixed(0)} s (${Math.round(requests / seconds)} req/s); statuses ${JSON.stringify(statuses)}`);
    console.log(`  routes failing: ${failures.length} (5xx: ${failures.filter((result) => (result.failure?.status ?? 0) >= 500).length})`);
    console.log(JSON.stringify({ routes: routes.length, runsPerRoute: RUNS, requests, seed: SEED, seconds: Math.round(seconds), failures: failures.length, statuses }));
    if (failures.length) process.exitCode = 1;
  } finally {
    await bench.close();
  }
}

void main();
