import type { StageResponse, TouchpointResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser } from '../../../test/factories/user.factory';

describe('touchpoints', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let stages: StageResponse[];

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    stages = (await owner.get(`/api/projects/${projectId}/stages`).expect(200)).body.items;
  });
  afterAll(() => testApp.close());

  const touchpoints = (path = '') => `/api/projects/${projectId}/touchpoints${path}`;
  const count = async () => (await testApp.dataSource.query('SELECT count(*)::int AS n FROM touchpoints'))[0].n as number;

  it('should create a touchpoint linked to stages with its aliases', async () => {
    const response = await owner
      .post(touchpoints(), {
        name: 'Мобильное приложение',
        channel: 'app',
        online: true,
        ownerDepartment: 'Digital',
        stageIds: [stages[4].id, stages[1].id],
        aliases: ['приложение', 'апп', 'Приложение'],
      })
      .expect(201);
    expect(response.body).toMatchObject({
      name: 'Мобильное приложение',
      channel: 'app',
      online: true,
      ownerDepartment: 'Digital',
      stageIds: [stages[1].id, stages[4].id],
      aliases: ['приложение', 'апп'],
      origin: 'inventory',
    });
  });

  it('should answer 409 naming the field when the name is taken in any letter case', async () => {
    const before = await count();
    const response = await owner.post(touchpoints(), { name: 'МОБИЛЬНОЕ ПРИЛОЖЕНИЕ', channel: 'app', online: true }).expect(409);
    expect(response.body).toMatchObject({ statusCode: 409, details: [{ field: 'name' }] });
    expect(await count()).toBe(before);
  });

  it('should answer 400 naming stageIds when a stage belongs to another project', async () => {
    const other = await owner.createProject({ name: 'Other' });
    const foreign = (await owner.get(`/api/projects/${other.id}/stages`).expect(200)).body.items[0].id;
    const before = await count();
    const response = await owner.post(touchpoints(), { name: 'Сайт', channel: 'site', online: true, stageIds: [foreign] }).expect(400);
    expect(response.body.details[0].field).toBe('stageIds');
    expect(await count()).toBe(before);
  });

  it.each([
    [{ name: 'X', channel: 'telepathy', online: true }, 'channel'],
    [{ name: 'X', channel: 'site', online: 'yes' }, 'online'],
    [{ name: 'X', channel: 'site' }, 'online'],
    [{ name: 'X', channel: 'site', online: true, aliases: 'x' }, 'aliases'],
    [{ name: 'X', channel: 'site', online: true, aliases: ['a'.repeat(101)] }, 'aliases'],
    [{ name: 'X', channel: 'site', online: true, stageIds: ['1'] }, 'stageIds'],
  ])('should answer 400 naming the field when the touchpoint is %j', async (body, field) => {
    const response = await owner.post(touchpoints(), body).expect(400);
    expect(response.body.details[0].field).toBe(field);
  });

  it('should filter by stage, channel and online flag and search names and aliases', async () => {
    await owner.post(touchpoints(), { name: 'Магазин на Тверской', channel: 'store', online: false, stageIds: [stages[4].id] }).expect(201);
    await owner.post(touchpoints(), { name: 'Instagram', channel: 'social', online: true, stageIds: [stages[0].id], aliases: ['инста', 'инстаграм'] }).expect(201);
    const names = async (query: string) =>
      (await owner.get(touchpoints(query)).expect(200)).body.items.map((touchpoint: TouchpointResponse) => touchpoint.name);
    expect(await names(`?stageId=${stages[4].id}`)).toEqual(['Магазин на Тверской', 'Мобильное приложение']);
    expect(await names('?online=false')).toEqual(['Магазин на Тверской']);
    expect(await names('?channel=social')).toEqual(['Instagram']);
    expect(await names('?q=инста')).toEqual(['Instagram']);
    expect(await names('?sort=name&order=desc&pageSize=1')).toEqual(['Мобильное приложение']);
    expect((await owner.get(touchpoints('?online=maybe')).expect(400)).body.details[0].field).toBe('online');
  });

  it('should update stages and rename, refusing a name another touchpoint has', async () => {
    const page = await owner.get(touchpoints('?q=Instagram')).expect(200);
    const id = page.body.items[0].id;
    const updated = await owner.patch(touchpoints(`/${id}`), { name: 'Instagram', stageIds: [stages[0].id, stages[2].id] }).expect(200);
    expect(updated.body.stageIds).toEqual([stages[0].id, stages[2].id]);
    await owner.patch(touchpoints(`/${id}`), { name: 'мобильное приложение' }).expect(409);
    await owner.delete(touchpoints(`/${id}`)).expect(204);
    await owner.patch(touchpoints(`/${id}`), { name: 'Gone' }).expect(404);
  });

  it('should drop a stage link when the stage is deleted', async () => {
    await owner.delete(`/api/projects/${projectId}/stages/${stages[4].id}`).expect(204);
    const app = (await owner.get(touchpoints('?q=приложение')).expect(200)).body.items[0];
    expect(app.stageIds).toEqual([stages[1].id]);
  });
});
