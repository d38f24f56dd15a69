import type { JobResponse, SurveyImportResponse, SurveyResponse } from '@tropa/contracts';
import { JobQueue } from '../../../core/jobs/job-queue';
import type { ApiClient } from '../../../../test/api-client';
import { createTestApp, type TestApp } from '../../../../test/create-test-app';
import { googleFormsCsv, importableSurvey } from '../../../../test/factories/survey-files';
import { firstUser } from '../../../../test/factories/user.factory';
import { WorkerProcesses } from '../../../../test/worker-processes';

const ROWS = 60_000;

/**
 * A separate worker process (`npm run worker`'s code, built) dies by SIGKILL in the middle
 * of an import: its transaction dies with it, its lease stops beating, and another worker
 * retries the import at once (not when the queue's 30-minute expiry runs out): every row
 * lands exactly once.
 */
describe('survey import worker crash', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let survey: SurveyResponse;
  const workers = new WorkerProcesses();
  const startWorker = () => workers.start(testApp.databaseUrl, { TROPA_JOB_LEASE_SECONDS: '2' });

  beforeAll(async () => {
    WorkerProcesses.build();
    testApp = await createTestApp({ TROPA_WORKERS: 'off' });
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    survey = (await owner.post(`/api/projects/${projectId}/surveys`, { title: 'Импорт', definition: importableSurvey() }).expect(201)).body;
  }, 240_000);

  afterAll(async () => {
    await workers.stopAll();
    await testApp?.close();
  });

  it('should retry an import whose worker was killed as soon as its lease runs out, landing every row once', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => `"12.03.2024 10:15:00","Хотела найти крем номер ${i}, чтобы не ехать в магазин","Instagram","Сайт","${i % 11}"`);
    const base = `/api/projects/${projectId}/surveys/${survey.id}/imports`;
    const uploaded = (await owner.post(base).attach('file', Buffer.from(googleFormsCsv(rows), 'utf8'), 'big.csv').expect(201)).body as SurveyImportResponse;
    const started = (await owner.post(`${base}/${uploaded.id}/run`, { mapping: uploaded.suggestedMapping, dryRun: false }).expect(202)).body as { job: JobResponse };
    const job = () => owner.get(`/api/projects/${projectId}/jobs/${started.job.id}`).then((response) => response.body as JobResponse);

    const doomed = startWorker();
    await workers.until(job, (state) => state.status === 'running' && state.progress > 0.05, 'the import to be under way');
    await workers.kill(doomed);
    expect((await job()).status).toBe('running'); // nobody has noticed yet

    startWorker();
    const done = await workers.until(job, (state) => state.status === 'succeeded' || (state.status === 'failed' && !/retried/.test(state.error ?? '')), 'the import to finish');
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    const [stored] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT respondent_key)::int AS keys FROM survey_responses WHERE survey_id = $1`,
      [survey.id],
    );
    expect(stored).toEqual({ n: ROWS + 2, keys: ROWS + 2 });
    expect((await owner.get(`${base}/${uploaded.id}`).expect(200)).body).toMatchObject({ status: 'completed' });
  });

  it('should tell the queue when a leased job lost its worker with no retry left', async () => {
    const queue = new JobQueue({ url: testApp.databaseUrl, runWorkers: true, leaseSeconds: 2 });
    await queue.onModuleInit();
    const lost: object[] = [];
    let release = () => undefined as void;
    const running = new Promise<void>((resolve) => (release = resolve));
    let started = () => undefined as void;
    const began = new Promise<void>((resolve) => (started = resolve));
    try {
      await queue.register<{ n: number }>(
        'lease-test',
        async () => {
          started();
          await running;
        },
        { retryLimit: 0, expireInSeconds: 3600, leased: { onLost: async (data) => void lost.push(data) } },
      );
      const id = await queue.enqueue('lease-test', { n: 7 });
      await began;
      expect(await queue.sweepLeases()).toEqual([]); // beating
      // The worker dies: nothing beats its lease any more.
      await testApp.dataSource.query(`UPDATE job_leases SET worker = 'dead', heartbeat_at = now() - interval '1 hour' WHERE job_id = $1`, [id]);
      expect(await queue.sweepLeases()).toEqual([id]);
      expect(lost).toEqual([{ n: 7 }]);
    } finally {
      release();
      await queue.onApplicationShutdown();
    }
  });
});
