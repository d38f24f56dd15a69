import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

describe('projects', () => {
  let testApp: TestApp;
  let owner: ApiClient;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
  });
  afterAll(() => testApp.close());

  const stageNames = async (projectId: string) =>
    (await owner.get(`/api/projects/${projectId}/stages`).expect(200)).body.items.map((stage: { name: string }) => stage.name);

  it('should create the seven Russian stages when the 7-stage template is chosen', async () => {
    const project = await owner.createProject({ name: 'Магазин', language: 'ru', stageTemplate: 'seven' });
    expect(project).toMatchObject({ name: 'Магазин', language: 'ru', stageTemplate: 'seven', myRole: 'owner' });
    expect(await stageNames(project.id)).toEqual([
      'Осознание',
      'Интерес',
      'Рассмотрение',
      'Решение',
      'Покупка',
      'Послепродажное обслуживание',
      'Лояльность',
    ]);
  });

  it('should name the stages in English when the project is in English', async () => {
    const four = await owner.createProject({ name: 'Four', language: 'en', stageTemplate: 'four' });
    expect(await stageNames(four.id)).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase']);
    const six = await owner.createProject({ name: 'Six', language: 'en', stageTemplate: 'six' });
    expect(await stageNames(six.id)).toEqual(['Initial consideration', 'Active evaluation', 'Deal', 'Experience', 'Trigger', 'Loyalty']);
  });

  it.each([
    [{ name: 'X', language: 'ru', stageTemplate: 'five' }, 'stageTemplate'],
    [{ name: 'X', language: 'de', stageTemplate: 'four' }, 'language'],
    [{ name: '', language: 'ru', stageTemplate: 'four' }, 'name'],
    [{ name: '   ', language: 'ru', stageTemplate: 'four' }, 'name'],
    [{ name: 'x'.repeat(201), language: 'ru', stageTemplate: 'four' }, 'name'],
    [{ name: ['array'], language: 'ru', stageTemplate: 'four' }, 'name'],
    [{ name: 'X', language: 'ru', stageTemplate: 'four', ownerId: 'me' }, 'ownerId'],
  ])('should answer 400 naming the field and create nothing when the body is %j', async (body, field) => {
    const before = await testApp.dataSource.query('SELECT count(*)::int AS n FROM projects');
    const response = await owner.post('/api/projects', body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(await testApp.dataSource.query('SELECT count(*)::int AS n FROM projects')).toEqual(before);
  });

  it('should list only the caller’s projects, paginated, filtered and sorted', async () => {
    const outsiderOwner = await memberWithRole(owner, (await owner.createProject({ name: 'Shared' })).id, 'researcher');
    const page = await outsiderOwner.get('/api/projects').expect(200);
    expect(page.body.items.map((project: { name: string }) => project.name)).toEqual(['Shared']);

    const sorted = await owner.get('/api/projects?sort=name&order=asc&pageSize=2&page=1').expect(200);
    expect(sorted.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(sorted.body.items).toHaveLength(2);
    expect(sorted.body.total).toBeGreaterThanOrEqual(4);
    const names = sorted.body.items.map((project: { name: string }) => project.name);
    expect([...names].sort((a: string, b: string) => a.localeCompare(b))).toEqual(names);

    const english = await owner.get('/api/projects?language=en&q=si').expect(200);
    expect(english.body.items.map((project: { name: string }) => project.name)).toEqual(['Six']);
    const percent = await owner.get(`/api/projects?q=${encodeURIComponent('%')}`).expect(200);
    expect(percent.body.total).toBe(0);
  });

  it.each(['sort=secret', 'pageSize=1000', 'page=0', 'order=sideways', 'language=fr'])('should answer 400 when the list query has %s', async (query) => {
    const response = await owner.get(`/api/projects?${query}`).expect(400);
    expect(response.body.details[0].field).toBe(query.split('=')[0]);
  });

  it('should let the owner rename and delete a project', async () => {
    const project = await owner.createProject({ name: 'Temporary' });
    const renamed = await owner.patch(`/api/projects/${project.id}`, { name: 'Renamed', description: 'Пилот' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', description: 'Пилот' });
    await owner.delete(`/api/projects/${project.id}`).expect(204);
    await owner.get(`/api/projects/${project.id}`).expect(404);
    await owner.get(`/api/projects/${project.id}/stages`).expect(404);
  });

  it('should let a strategist read the project but not change it', async () => {
    const project = await owner.createProject({ name: 'Read only' });
    const strategist = await memberWithRole(owner, project.id, 'strategist');
    expect((await strategist.get(`/api/projects/${project.id}`).expect(200)).body.myRole).toBe('strategist');
    const response = await strategist.patch(`/api/projects/${project.id}`, { name: 'Hijacked' }).expect(403);
    expect(response.body.message).toMatch(/role/);
    expect((await owner.get(`/api/projects/${project.id}`).expect(200)).body.name).toBe('Read only');
    await strategist.post('/api/projects', { name: 'Mine', language: 'ru', stageTemplate: 'four' }).expect(403);
  });

  it('should answer 404 to a non-member and for ids that do not exist', async () => {
    const project = await owner.createProject({ name: 'Private' });
    const outsider = await memberWithRole(owner, (await owner.createProject({ name: 'Other' })).id, 'owner');
    const response = await outsider.get(`/api/projects/${project.id}`).expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Project not found' });
    await outsider.delete(`/api/projects/${project.id}`).expect(404);
    await owner.get('/api/projects/00000000-0000-4000-8000-000000000000').expect(404);
    await owner.get('/api/projects/not-a-uuid').expect(404);
  });
});
