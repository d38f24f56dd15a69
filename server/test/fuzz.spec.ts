import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import { buildWorld, changeLogClient, discoverFuzzRoutes, fuzzRoutes, type FuzzWorld, type RouteResult, type ChangeLog } from '../bench/fuzz-harness';
import { createTestApp, type TestApp } from './create-test-app';

/**
 * Every API route, discovered from the router (new routes are covered without
 * listing them), gets FUZZ_RUNS (200) arbitrary requests as the owner of a real
 * project: never a 5xx, never a stack trace or a server path in the answer, and
 * a 4xx changes no rows. `npm run bench:fuzz` runs the same with 1,000 a route.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);

describe('fuzzing every route', () => {
  let testApp: TestApp;
  let world: FuzzWorld;
  let pg: Client;
  let changes: ChangeLog;
  let base: string;

  beforeAll(async () => {
    // No job workers: a queued job (synthesis, import) must not write rows while the counts are compared.
    testApp = await createTestApp({ TROPA_WORKERS: 'off', TROPA_SECRET: randomBytes(32).toString('hex') });
    await new Promise<void>((resolve) => testApp.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(testApp.server.address() as AddressInfo).port}`;
    world = await buildWorld(base);
    ({ client: pg, changes } = await changeLogClient(testApp.databaseUrl));
  });
  afterAll(async () => {
    await pg?.end();
    await testApp?.close();
  });

  it('should find the routes and the DTO fields they validate', () => {
    const routes = discoverFuzzRoutes(testApp.app);
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.find((route) => route.method === 'POST' && route.path === '/api/projects/:projectId/personas')?.bodyFields.map((field) => field.name)).toContain('name');
    expect(routes.find((route) => route.method === 'GET' && route.path === '/api/projects/:projectId/quotes')?.queryFields.map((field) => field.name)).toContain('pageSize');
  });

  it('should refuse with a 400 naming the body the inputs the fuzzing found 500s with, and store nothing', async () => {
    const projectId = world.ids['projectId'][0];
    const personaId = world.ids['personaId'][0];
    const deep = `${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
    const cases: Array<[string, string, string]> = [
      // Each but "__proto__" (refused as a precaution) used to be a 500: stack overflow in class-transformer, NUL refused by
      // PostgreSQL, validator's encodeURI on half a surrogate pair, an array where a DTO object belongs, null in a not-null
      // column, an optional `text` inherited by the create DTO.
      ['PATCH', `/api/projects/${projectId}`, `{"description":${deep}}`],
      ['PATCH', `/api/projects/${projectId}`, '{"__proto__":{"name":"x"}}'],
      ['PATCH', `/api/projects/${projectId}`, '[{"name":"x"}]'],
      ['POST', `/api/projects/${projectId}/personas`, '{"name":"a\\u0000b"}'],
      ['POST', `/api/projects/${projectId}/members`, '{"email":"\\ud800@example.test","role":"researcher"}'],
      ['PATCH', `/api/projects/${projectId}`, '{"language":null}'],
      ['PATCH', `/api/projects/${projectId}`, '{"description":null}'],
      ['PATCH', `/api/projects/${projectId}/personas/${personaId}`, '{"attributes":null}'],
      ['PATCH', `/api/projects/${projectId}/personas/${personaId}`, '{"goals":null}'],
      ['POST', `/api/projects/${projectId}/map/recommendations`, '{}'],
      ['PATCH', `/api/projects/${projectId}/tags/${world.ids['tagId'][0]}`, '{"color":null}'],
      ['PATCH', `/api/projects/${projectId}/map/recommendations/${world.ids['recommendationId'][0]}`, '{"text":null}'],
      ['PATCH', `/api/projects/${projectId}/sessions/${world.ids['sessionId'][0]}/participants/${world.ids['participantId'][0]}`, '{"consent":null}'],
    ];
    const mark = await changes.mark();
    for (const [method, path, text] of cases) {
      const response = await world.owner.send(method, path, { contentType: 'application/json', text });
      expect({ method, path, text: text.slice(0, 60), status: response.status }).toEqual({ method, path, text: text.slice(0, 60), status: 400 });
    }
    expect(await changes.since(mark)).toEqual([]);
    expect((await world.owner.send('GET', '/api/public/surveys/%00')).status).toBe(400);
  });

  it(`should answer ${RUNS} arbitrary requests a route with no 5xx, no leak and no rows changed by a 4xx`, async () => {
    const verbose = process.env['FUZZ_VERBOSE'] === '1';
    const results: RouteResult[] = await fuzzRoutes(world, discoverFuzzRoutes(testApp.app), { runs: RUNS, seed: SEED, changes, log: verbose ? (line) => console.log(line) : undefined });
    expect(results.filter((result) => result.failure).map((result) => result.failure)).toEqual([]);
    expect(results.every((result) => result.runs === RUNS)).toBe(true);
  }, 900_000);
});
