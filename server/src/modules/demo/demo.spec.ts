import type { JourneyMapResponse, Page, ProjectJobResponse, RecommendationResponse, SessionResponse, SynthesisRunResponse } from '@tropa/contracts';
import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';
import { DEMO_JOBS } from './demo-content';
import type { DemoProjectResponse } from './dto/demo.dto';

/**
 * The demo project: one request creates a complete Russian project — inventory,
 * personas, survey responses, transcripts with highlights, events, a finished
 * synthesis, accepted jobs, a map with recommendations — and demo accounts per role.
 */
describe('demo project', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let demo: DemoProjectResponse;

  const api = (path: string) => `/api/projects/${demo.project.id}${path}`;
  const count = async (sql: string) => (await testApp.dataSource.query(sql, [demo.project.id]))[0].n as number;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    demo = (await owner.post('/api/projects/demo', { roleUsers: true }).expect(201)).body;
  }, 240_000);
  afterAll(() => testApp.close());

  it('should create a Russian 7-stage project owned by the caller with its inventory and personas when asked', async () => {
    const project = (await owner.get(api('')).expect(200)).body;
    expect(project).toMatchObject({ name: 'Онлайн-магазин косметики (демо)', language: 'ru', stageTemplate: 'seven', myRole: 'owner' });
    const stages = (await owner.get(api('/stages')).expect(200)).body.items;
    expect(stages).toHaveLength(7);
    const touchpoints = (await owner.get(api('/touchpoints?pageSize=100')).expect(200)).body.items as Array<{ name: string; ownerDepartment: string }>;
    expect(touchpoints.map((t) => t.name)).toEqual(expect.arrayContaining(['Сайт', 'Мобильное приложение', 'Instagram', 'ВКонтакте', 'Чат поддержки', 'Курьерская доставка']));
    expect(touchpoints.every((t) => t.ownerDepartment.length > 0)).toBe(true);
    const personas = (await owner.get(api('/personas')).expect(200)).body.items as Array<{ name: string }>;
    expect(personas.map((p) => p.name).sort()).toEqual(['Бьюти-энтузиастка', 'Занятая мама', 'Экономная студентка']);
  });

  it('should hold at least 300 varied survey responses assigned to personas when created', async () => {
    expect(demo.volumes.responses).toBeGreaterThanOrEqual(300);
    expect(await count(`SELECT count(*)::int AS n FROM survey_responses WHERE project_id = $1`)).toBeGreaterThanOrEqual(300);
    expect(await count(`SELECT count(*)::int AS n FROM survey_responses WHERE project_id = $1 AND persona_id IS NULL`)).toBe(0);
    const answers = await count(`SELECT count(*)::int AS n FROM quotes WHERE project_id = $1 AND source_type = 'survey_answer'`);
    const distinct = await count(`SELECT count(DISTINCT text)::int AS n FROM quotes WHERE project_id = $1 AND source_type = 'survey_answer'`);
    expect(answers).toBeGreaterThan(600);
    expect(distinct).toBe(answers);
  });

  it('should hold two focus groups and two interviews of at least 150 utterances each, partly tagged', async () => {
    const sessions = (await owner.get(api('/sessions')).expect(200)).body as Page<SessionResponse>;
    expect(sessions.items.map((s) => s.kind).sort()).toEqual(['focus_group', 'focus_group', 'interview', 'interview']);
    for (const session of sessions.items) expect(session.utteranceCount).toBeGreaterThanOrEqual(150);
    const highlights = await count(`SELECT count(*)::int AS n FROM quotes WHERE project_id = $1 AND source_type = 'transcript'`);
    const tagged = await count(`SELECT count(DISTINCT q.id)::int AS n FROM quotes q JOIN quote_tags t ON t.quote_id = q.id WHERE q.project_id = $1 AND q.source_type = 'transcript'`);
    expect(highlights).toBeGreaterThan(100);
    expect(tagged).toBe(highlights);
    const utterances = await count(`SELECT count(*)::int AS n FROM utterances WHERE project_id = $1`);
    expect(highlights).toBeLessThan(utterances / 2);
  });

  it('should have a funnel of events, a succeeded synthesis run, accepted jobs and a map with findings in most stages', async () => {
    expect(await count(`SELECT count(DISTINCT customer_id)::int AS n FROM customer_events WHERE project_id = $1`)).toBeGreaterThanOrEqual(2000);
    expect(await count(`SELECT count(*)::int AS n FROM customer_events WHERE project_id = $1 AND amount > 0`)).toBeGreaterThan(100);
    const runs = (await owner.get(api('/synthesis/runs')).expect(200)).body as Page<SynthesisRunResponse>;
    expect(runs.items.map((run) => run.status)).toEqual(['succeeded']);
    const jobs = (await owner.get(api('/jtbd')).expect(200)).body.items as ProjectJobResponse[];
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    // Named after what the customers want (the engine names a job by its statement's motivation), not by keywords.
    const wants = DEMO_JOBS.flatMap((job) => job.motivations);
    expect(new Set(jobs.map((job) => job.title)).size).toBe(jobs.length);
    for (const job of jobs) expect(wants.some((want) => want.includes(job.title.toLowerCase()))).toBe(true);
    const map = (await owner.get(api('/map')).expect(200)).body as JourneyMapResponse;
    const stagesWithFindings = new Set(map.findings.map((finding) => finding.stageId));
    expect(stagesWithFindings.size).toBeGreaterThanOrEqual(5);
    expect(map.funnel.stages.filter((stage) => stage.source === 'events' && (stage.leads ?? 0) > 0)).toHaveLength(7);
    const recommendations = (await owner.get(api('/map/recommendations')).expect(200)).body as Page<RecommendationResponse>;
    expect(recommendations.total).toBeGreaterThanOrEqual(3);
    expect(recommendations.items.every((item) => item.findingIds.length > 0)).toBe(true);
  });

  it('should give each other role an account that can log in with the password shown once', async () => {
    expect(demo.users.map((user) => user.role).sort()).toEqual(['moderator', 'researcher', 'strategist']);
    for (const user of demo.users) {
      const client = await ApiClient.create(testApp);
      await client.login(user.email, user.password);
      const project = (await client.get(api('')).expect(200)).body;
      expect(project.myRole).toBe(user.role);
    }
    const stored = (await testApp.dataSource.query(`SELECT password_hash FROM users WHERE email = ANY($1)`, [demo.users.map((user) => user.email)])) as Array<{ password_hash: string }>;
    expect(stored.every((row) => row.password_hash.startsWith('$argon2id$'))).toBe(true);
    const audit = JSON.stringify(await testApp.dataSource.query(`SELECT * FROM audit_log`).catch(() => []));
    for (const user of demo.users) expect(audit).not.toContain(user.password);
  });

  it('should create a second, independent demo in the same instance when asked again', async () => {
    const second = (await owner.post('/api/projects/demo', { roleUsers: false }).expect(201)).body as DemoProjectResponse;
    expect(second.project.id).not.toBe(demo.project.id);
    expect(second.users).toEqual([]);
    // The same content gives the same synthesis and map, whatever ids the rows were given.
    expect(second.volumes).toEqual(demo.volumes);
    expect(second.volumes.responses).toBeGreaterThanOrEqual(300);
    const runs = (await owner.get(`/api/projects/${second.project.id}/synthesis/runs`).expect(200)).body as Page<SynthesisRunResponse>;
    expect(runs.items[0].status).toBe('succeeded');
    const findings = async (projectId: string) => {
      const map = (await owner.get(`/api/projects/${projectId}/map`).expect(200)).body as JourneyMapResponse;
      const order = new Map(map.stages.map((stage) => [stage.id, stage.order]));
      return map.findings.map((finding) => `${order.get(finding.stageId ?? '')} ${finding.lane} ${finding.text}`).sort();
    };
    expect(await findings(second.project.id)).toEqual(await findings(demo.project.id));
  }, 240_000);

  it('should refuse a user who may not create projects and a body without roleUsers, leaving nothing behind', async () => {
    const researcher = await memberWithRole(owner, demo.project.id, 'researcher');
    const before = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM projects`);
    await researcher.post('/api/projects/demo', { roleUsers: true }).expect(403);
    const invalid = await owner.post('/api/projects/demo', { roleUsers: 'yes' }).expect(400);
    expect(JSON.stringify(invalid.body)).toContain('roleUsers');
    expect(await testApp.dataSource.query(`SELECT count(*)::int AS n FROM projects`)).toEqual(before);
  });
});
