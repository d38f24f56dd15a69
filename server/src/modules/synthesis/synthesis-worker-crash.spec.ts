import type { SynthesisRunResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { evidenceAnswer } from '../../../test/factories/synthesis-evidence';
import { firstUser } from '../../../test/factories/user.factory';
import { WorkerProcesses } from '../../../test/worker-processes';

const QUOTES = 3000;

/**
 * A separate worker process (`npm run worker`'s code, built) dies by SIGKILL in the
 * middle of a run; another worker takes the run over and completes it, with no
 * duplicate clusters, and with the same clusters as an undisturbed run.
 */
describe('synthesis worker crash', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  const workers = new WorkerProcesses();
  const startWorker = () => workers.start(testApp.databaseUrl, { TROPA_SYNTHESIS_STALE_SECONDS: '2' });

  async function runRow(runId: string): Promise<{ status: string; phase: string; attempts: number; worker: string | null }> {
    return (await testApp.dataSource.query(`SELECT status, phase, attempts, worker FROM synthesis_runs WHERE id = $1`, [runId]))[0];
  }

  beforeAll(async () => {
    // The worker runs the built server, as `npm run worker` does (incremental: quick when built).
    WorkerProcesses.build();
    testApp = await createTestApp({ TROPA_WORKERS: 'off' });
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    const survey = (await owner.post(`/api/projects/${projectId}/surveys`, { title: 'Импорт', definition: { pages: [{ name: 'p', elements: [{ type: 'comment', name: 'story' }] }] } }).expect(201))
      .body as { id: string };
    // Evidence in bulk (the import path is tested elsewhere): enough that a run takes seconds.
    const texts = Array.from({ length: QUOTES }, (_, i) => `${evidenceAnswer(i)} Заказ номер ${i % 97}.`);
    await testApp.dataSource.query(
      `INSERT INTO quotes (project_id, source_type, survey_id, question_name, start_offset, end_offset, text, participant_key)
       SELECT $1, 'survey_answer', $2, 'story', 0, length(t), t, 'respondent-' || n FROM unnest($3::text[]) WITH ORDINALITY AS x(t, n)`,
      [projectId, survey.id, texts],
    );
  }, 240_000);

  afterAll(async () => {
    await workers.stopAll();
    await testApp?.close();
  });

  it('should complete a run whose worker was killed, once, with no duplicate clusters', async () => {
    const run = (await owner.post(`/api/projects/${projectId}/synthesis/runs`, { seed: 3 }).expect(202)).body as SynthesisRunResponse;
    const doomed = startWorker();
    const midway = await workers.until(() => runRow(run.id), (row) => row.status === 'running' && ['clustering', 'touchpoints'].includes(row.phase), 'the run to reach clustering');
    expect(midway.attempts).toBe(1);
    await workers.kill(doomed);
    expect((await runRow(run.id)).status).toBe('running'); // nobody has noticed yet

    startWorker();
    const done = await workers.until(() => runRow(run.id), (row) => !['queued', 'running'].includes(row.status), 'the run to finish');
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });

    const finished = (await owner.get(`/api/projects/${projectId}/synthesis/runs/${run.id}`).expect(200)).body as SynthesisRunResponse;
    const clusters = await testApp.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT position)::int AS positions FROM synthesis_clusters WHERE run_id = $1`, [run.id]);
    expect(clusters[0].n).toBe(finished.counts!.clusters + finished.counts!.touchpoints);
    expect(clusters[0].positions).toBe(clusters[0].n);
    const doubled = await testApp.dataSource.query(
      `SELECT m.quote_id FROM synthesis_cluster_members m JOIN synthesis_clusters c ON c.id = m.cluster_id
        WHERE c.run_id = $1 AND c.kind <> 'touchpoint' GROUP BY m.quote_id HAVING count(*) > 1`,
      [run.id],
    );
    expect(doubled).toEqual([]);
    expect(await testApp.dataSource.query(`SELECT count(*)::int AS n FROM synthesis_quote_inferences WHERE run_id = $1`, [run.id])).toEqual([{ n: QUOTES }]);

    // An undisturbed run on the same evidence and seed finds exactly the same clusters.
    const again = (await owner.post(`/api/projects/${projectId}/synthesis/runs`, { seed: 3 }).expect(202)).body as SynthesisRunResponse;
    await workers.until(() => runRow(again.id), (row) => !['queued', 'running'].includes(row.status), 'the second run');
    const second = (await owner.get(`/api/projects/${projectId}/synthesis/runs/${again.id}`).expect(200)).body as SynthesisRunResponse;
    expect(second.counts).toEqual(finished.counts);
    expect(second.changes).toEqual({ new: 0, grown: 0, shrunk: 0, same: finished.counts!.clusters + finished.counts!.touchpoints, gone: 0 });
  });
});
