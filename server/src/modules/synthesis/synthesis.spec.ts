import type { ClusterQuote, ClusterResponse, Page, ProjectJobResponse, SynthesisRunResponse } from '@tropa/contracts';
import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { surveyWithAnswers } from '../../../test/factories/synthesis-evidence';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

async function finished(client: ApiClient, projectId: string, runId: string): Promise<SynthesisRunResponse> {
  for (let i = 0; i < 600; i++) {
    const run = (await client.get(`/api/projects/${projectId}/synthesis/runs/${runId}`).expect(200)).body as SynthesisRunResponse;
    if (!['queued', 'running'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} did not finish`);
}

describe('synthesis runs and review', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let strategist: ApiClient;
  let projectId: string;
  let surveyId: string;
  let firstRun: SynthesisRunResponse;

  const api = (path: string) => `/api/projects/${projectId}${path}`;
  const count = async (sql: string, params: unknown[] = []) => (await testApp.dataSource.query(sql, params))[0].n as number;
  const clusters = async (runId: string, query = '') =>
    ((await owner.get(api(`/synthesis/runs/${runId}/clusters?pageSize=100${query}`)).expect(200)).body as Page<ClusterResponse>).items;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    strategist = await memberWithRole(owner, projectId, 'strategist');
    await owner.post(api('/touchpoints'), { name: 'Сайт', channel: 'site', online: true }).expect(201);
  });
  afterAll(() => testApp.close());

  it('should refuse a run on a project with no quotes and queue nothing', async () => {
    const response = await owner.post(api('/synthesis/runs'), {}).expect(422);
    expect(response.body.message).toMatch(/no quotes/i);
    expect(await count('SELECT count(*)::int AS n FROM synthesis_runs')).toBe(0);
  });

  it('should synthesise the evidence into jobs, themes and touchpoints with progress reaching 100 %', async () => {
    surveyId = (await surveyWithAnswers(owner, projectId, 48)).surveyId;
    const started = (await owner.post(api('/synthesis/runs'), { seed: 7 }).expect(202)).body as SynthesisRunResponse;
    expect(started).toMatchObject({ status: 'queued', progress: 0, params: { seed: 7 } });
    firstRun = await finished(owner, projectId, started.id);
    expect(firstRun).toMatchObject({ status: 'succeeded', phase: 'done', progress: 1, attempts: 1, error: null });
    expect(firstRun.engineVersion).toMatch(/^tropa-synthesis\//);
    expect(firstRun.counts).toMatchObject({ quotes: 48 });
    expect(firstRun.counts!.clusters).toBeGreaterThanOrEqual(2);
    expect(firstRun.changes).toBeNull();
    // The inventory's site is never mentioned: a silent touchpoint.
    expect(firstRun.silentTouchpoints).toEqual([expect.objectContaining({ name: 'Сайт' })]);
    expect(firstRun.counts!.silent).toBe(1);

    const all = await clusters(firstRun.id);
    const jobs = all.filter((c) => c.kind === 'job');
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(jobs[0].statement).toMatch(/^Когда .+, я хочу .+/);
    expect(jobs[0].representatives.length).toBeGreaterThan(0);
    expect(jobs[0].participants).toBeGreaterThan(1);
    expect(jobs[0].sources).toBe(1);
    const telegram = all.find((c) => c.kind === 'touchpoint' && /телеграм|telegram/i.test(c.label));
    expect(telegram).toMatchObject({ touchpointId: null, status: 'proposed' });
    expect(telegram!.size).toBe(12);
    // Every quote sits in at most one job or theme cluster.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM (SELECT m.quote_id FROM synthesis_cluster_members m JOIN synthesis_clusters c ON c.id = m.cluster_id
          WHERE c.run_id = $1 AND c.kind <> 'touchpoint' GROUP BY m.quote_id HAVING count(*) > 1) d`,
        [firstRun.id],
      ),
    ).toBe(0);
    // Inferences are stored apart and never overwrite the quotes' own stage or sentiment.
    expect(await count('SELECT count(*)::int AS n FROM synthesis_quote_inferences WHERE run_id = $1', [firstRun.id])).toBe(48);
    expect(await count('SELECT count(*)::int AS n FROM quotes WHERE sentiment IS NOT NULL OR stage_id IS NOT NULL')).toBe(0);
  });

  it('should list a cluster’s quotes with links to their survey responses', async () => {
    const [job] = await clusters(firstRun.id, '&kind=job');
    const page = (await strategist.get(api(`/synthesis/clusters/${job.id}/quotes?pageSize=5`)).expect(200)).body as Page<ClusterQuote>;
    expect(page.total).toBe(job.size);
    expect(page.items[0]).toMatchObject({ sourceType: 'survey_answer', surveyId, sessionId: null });
    expect(page.items[0].responseId).toEqual(expect.any(String));
    expect(page.items[0].score).toBeGreaterThan(0);
  });

  it('should let a strategist review clusters but not run the synthesis, and answer 404 to another project’s member', async () => {
    const [job] = await clusters(firstRun.id, '&kind=job');
    await strategist.post(api('/synthesis/runs'), {}).expect(403);
    const renamed = (await strategist.patch(api(`/synthesis/clusters/${job.id}`), { label: job.label }).expect(200)).body as ClusterResponse;
    expect(renamed.status).toBe(job.status);
    const other = await owner.createProject({ name: 'Чужой' });
    const outsider = await memberWithRole(owner, other.id, 'owner');
    await outsider.get(api(`/synthesis/clusters/${job.id}`)).expect(404);
    await outsider.get(`/api/projects/${other.id}/synthesis/clusters/${job.id}`).expect(404);
  });

  it('should rename and accept a job cluster into the project’s jobs to be done', async () => {
    const [job] = await clusters(firstRun.id, '&kind=job');
    await owner.patch(api(`/synthesis/clusters/${job.id}`), { label: 'Повторить любимый заказ', statement: 'Когда крем заканчивается, я хочу заказать его снова, чтобы не искать.' }).expect(200);
    const accepted = (await owner.post(api(`/synthesis/clusters/${job.id}/accept`)).expect(200)).body as ClusterResponse;
    expect(accepted).toMatchObject({ status: 'accepted', label: 'Повторить любимый заказ', edited: true });
    expect(accepted.jobId).toEqual(expect.any(String));
    const list = (await strategist.get(api('/jtbd')).expect(200)).body as Page<ProjectJobResponse>;
    expect(list.items).toEqual([
      expect.objectContaining({ id: accepted.jobId, title: 'Повторить любимый заказ', clusterId: job.id, quotes: job.size, participants: job.participants }),
    ]);
    const quotes = (await owner.get(api(`/jtbd/${accepted.jobId}/quotes`)).expect(200)).body as Page<ClusterQuote>;
    expect(quotes.total).toBe(job.size);
  });

  it('should accept a discovered touchpoint into the inventory', async () => {
    const telegram = (await clusters(firstRun.id, '&kind=touchpoint')).find((c) => c.touchpointId === null)!;
    const accepted = (await owner.post(api(`/synthesis/clusters/${telegram.id}/accept`)).expect(200)).body as ClusterResponse;
    expect(accepted.touchpointId).toEqual(expect.any(String));
    const inventory = (await owner.get(api('/touchpoints?pageSize=100')).expect(200)).body.items as Array<{ id: string; name: string; origin: string }>;
    expect(inventory).toContainEqual(expect.objectContaining({ id: accepted.touchpointId, name: telegram.label, origin: 'discovered' }));
  });

  it('should split, move and merge quotes, keeping counts true and refusing moves into discarded clusters', async () => {
    const themeOrJob = (await clusters(firstRun.id)).filter((c) => c.kind !== 'touchpoint' && c.status === 'proposed');
    const source = themeOrJob[0];
    const quotes = ((await owner.get(api(`/synthesis/clusters/${source.id}/quotes?pageSize=100`)).expect(200)).body as Page<ClusterQuote>).items;
    const split = (await owner.post(api(`/synthesis/clusters/${source.id}/split`), { quoteIds: quotes.slice(0, 2).map((q) => q.quoteId), label: 'Отдельно' }).expect(201))
      .body as ClusterResponse;
    expect(split).toMatchObject({ label: 'Отдельно', size: 2, status: 'proposed', kind: source.kind });
    expect((await owner.get(api(`/synthesis/clusters/${source.id}`)).expect(200)).body.size).toBe(source.size - 2);

    await owner.post(api(`/synthesis/clusters/${split.id}/move`), { quoteIds: [quotes[0].quoteId], toClusterId: source.id }).expect(200);
    expect((await owner.get(api(`/synthesis/clusters/${split.id}`)).expect(200)).body.size).toBe(1);

    const discarded = (await owner.post(api(`/synthesis/clusters/${split.id}/discard`)).expect(200)).body as ClusterResponse;
    expect(discarded.status).toBe('discarded');
    const refused = await owner.post(api(`/synthesis/clusters/${source.id}/move`), { quoteIds: [quotes[5].quoteId], toClusterId: split.id }).expect(400);
    expect(refused.body.details[0].field).toBe('toClusterId');
    expect((await owner.get(api(`/synthesis/clusters/${source.id}`)).expect(200)).body.size).toBe(source.size - 1);

    const before = await count('SELECT count(*)::int AS n FROM synthesis_cluster_members');
    const badSplit = await owner.post(api(`/synthesis/clusters/${source.id}/split`), { quoteIds: [quotes[0].quoteId, '00000000-0000-4000-8000-000000000000'] }).expect(400);
    expect(badSplit.body.details[0].field).toBe('quoteIds');
    expect(await count('SELECT count(*)::int AS n FROM synthesis_cluster_members')).toBe(before);

    const others = themeOrJob.filter((c) => c.kind === source.kind && c.id !== source.id);
    if (others.length > 0) {
      const merged = (await owner.post(api(`/synthesis/clusters/${source.id}/merge`), { clusterIds: [others[0].id] }).expect(200)).body as ClusterResponse;
      expect(merged.size).toBe(source.size - 1 + others[0].size);
      expect((await owner.get(api(`/synthesis/clusters/${others[0].id}`)).expect(200)).body.status).toBe('merged');
    }
  });

  it.each([
    ['k below two', { k: 1 }, 'k'],
    ['k above the number of quotes', { k: 400 }, 'k'],
    ['a persona of no project', { personaId: '00000000-0000-4000-8000-000000000000' }, 'personaId'],
    ['a malformed session id', { sessionId: 'nope' }, 'sessionId'],
    ['a date range backwards', { from: '2026-05-02', to: '2026-05-01' }, 'to'],
    ['an impossible date', { from: '2026-02-30' }, 'from'],
  ])('should answer 400 naming the field and queue nothing for %s', async (_label, body, field) => {
    const before = await count('SELECT count(*)::int AS n FROM synthesis_runs');
    const response = await owner.post(api('/synthesis/runs'), body).expect(400);
    expect(response.body.details[0].field).toBe(field);
    expect(await count('SELECT count(*)::int AS n FROM synthesis_runs')).toBe(before);
  });

  it('should refuse to cancel a finished run and to retry a successful one', async () => {
    expect((await owner.post(api(`/synthesis/runs/${firstRun.id}/cancel`)).expect(409)).body.details[0].field).toBe('status');
    await owner.post(api(`/synthesis/runs/${firstRun.id}/retry`)).expect(409);
  });

  it('should keep the accepted job’s name and statement in a second run on more evidence, and report what changed', async () => {
    const acceptedBefore = (await clusters(firstRun.id, '&status=accepted')).find((c) => c.kind === 'job')!;
    await surveyWithAnswers(owner, projectId, 12, 48);
    const second = await finished(owner, projectId, ((await owner.post(api('/synthesis/runs'), { seed: 7 }).expect(202)).body as SynthesisRunResponse).id);
    expect(second.status).toBe('succeeded');
    expect(second.counts!.quotes).toBe(60);
    expect(second.changes).toEqual(expect.objectContaining({ new: expect.any(Number), grown: expect.any(Number), gone: expect.any(Number) }));
    expect(second.changes!.grown).toBeGreaterThanOrEqual(1);

    const carried = (await clusters(second.id)).find((c) => c.jobId === acceptedBefore.jobId)!;
    expect(carried).toMatchObject({ label: 'Повторить любимый заказ', status: 'accepted', kind: 'job', previousClusterId: acceptedBefore.id });
    expect(carried.statement).toBe('Когда крем заканчивается, я хочу заказать его снова, чтобы не искать.');
    expect(carried.size).toBeGreaterThan(acceptedBefore.size);
    const job = (await owner.get(api(`/jtbd/${acceptedBefore.jobId}`)).expect(200)).body as ProjectJobResponse;
    expect(job).toMatchObject({ clusterId: carried.id, quotes: carried.size });

    const comparison = (await owner.get(api(`/synthesis/runs/${second.id}/compare?with=${firstRun.id}`)).expect(200)).body;
    expect(comparison.changed).toContainEqual(expect.objectContaining({ fromClusterId: acceptedBefore.id, toClusterId: carried.id, sizeAfter: carried.size }));

    // The older run is history now: its clusters are read-only.
    const old = (await clusters(firstRun.id, '&kind=theme'))[0] ?? (await clusters(firstRun.id))[0];
    expect((await owner.patch(api(`/synthesis/clusters/${old.id}`), { label: 'x' }).expect(409)).body.details[0].field).toBe('runId');
  });

  it('should refuse to merge clusters of different runs', async () => {
    const [latest] = ((await owner.get(api('/synthesis/runs')).expect(200)).body as Page<SynthesisRunResponse>).items;
    const target = (await clusters(latest.id)).find((c) => c.kind !== 'touchpoint' && c.status !== 'discarded')!;
    const old = (await clusters(firstRun.id)).find((c) => c.kind === target.kind && c.status !== 'merged')!;
    const response = await owner.post(api(`/synthesis/clusters/${target.id}/merge`), { clusterIds: [old.id] }).expect(400);
    expect(response.body.details[0].field).toBe('clusterIds');
  });
});

describe('synthesis runs without a worker', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp({ TROPA_WORKERS: 'off' });
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    await surveyWithAnswers(owner, projectId, 4);
  });
  afterAll(() => testApp.close());

  it('should refuse a second run while one is queued, then cancel and retry it', async () => {
    const first = (await owner.post(`/api/projects/${projectId}/synthesis/runs`, {}).expect(202)).body as SynthesisRunResponse;
    const second = await owner.post(`/api/projects/${projectId}/synthesis/runs`, {}).expect(409);
    expect(second.body.message).toMatch(/already running/);
    expect((await testApp.dataSource.query('SELECT count(*)::int AS n FROM synthesis_runs'))[0].n).toBe(1);

    const cancelled = (await owner.post(`/api/projects/${projectId}/synthesis/runs/${first.id}/cancel`).expect(200)).body as SynthesisRunResponse;
    expect(cancelled).toMatchObject({ status: 'cancelled', phase: 'cancelled' });
    const retried = (await owner.post(`/api/projects/${projectId}/synthesis/runs/${first.id}/retry`).expect(202)).body as SynthesisRunResponse;
    expect(retried).toMatchObject({ status: 'queued', progress: 0 });
  });
});
