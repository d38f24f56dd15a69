import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

describe('personas', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
  });
  afterAll(() => testApp.close());

  const personas = (path = '') => `/api/projects/${projectId}/personas${path}`;

  it('should create, update, list and delete a persona', async () => {
    const created = await owner
      .post(personas(), { name: 'Занятая мама', description: 'Покупает по дороге', goals: ['Сэкономить время'], attributes: { возраст: '30–40' } })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Занятая мама', goals: ['Сэкономить время'], attributes: { возраст: '30–40' } });
    const updated = await owner.patch(personas(`/${created.body.id}`), { goals: ['Быстро', 'Недорого'] }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Занятая мама', goals: ['Быстро', 'Недорого'] });
    await owner.post(personas(), { name: 'Студентка' }).expect(201);
    const page = await owner.get(personas('?q=мама')).expect(200);
    expect(page.body.items.map((persona: { name: string }) => persona.name)).toEqual(['Занятая мама']);
    await owner.delete(personas(`/${created.body.id}`)).expect(204);
    await owner.delete(personas(`/${created.body.id}`)).expect(404);
  });

  it.each([
    [{ name: 'A', attributes: { age: 30 } }, 'attributes'],
    [{ name: 'A', attributes: ['x'] }, 'attributes'],
    [{ name: 'A', goals: 'one' }, 'goals'],
    [{ name: 'A', goals: [''] }, 'goals'],
    [{ name: 'A', goals: ['x'.repeat(501)] }, 'goals'],
    [{ description: 'no name' }, 'name'],
  ])('should answer 400 naming the field when the persona is %j', async (body, field) => {
    const before = await testApp.dataSource.query('SELECT count(*)::int AS n FROM personas');
    const response = await owner.post(personas(), body).expect(400);
    expect(response.body.details[0].field).toBe(field);
    expect(await testApp.dataSource.query('SELECT count(*)::int AS n FROM personas')).toEqual(before);
  });

  it('should let a strategist read personas but not write them', async () => {
    const strategist = await memberWithRole(owner, projectId, 'strategist');
    await strategist.get(personas()).expect(200);
    await strategist.post(personas(), { name: 'Nope' }).expect(403);
  });
});
