import type { TagResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

describe('codebook', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
  });
  afterAll(() => testApp.close());

  const tags = (path = '') => `/api/projects/${projectId}/tags${path}`;
  const all = async (): Promise<TagResponse[]> => (await owner.get(tags('?pageSize=100')).expect(200)).body.items;

  it('should give a new project a starter codebook of its stages, emotions, pain, gain and job', async () => {
    const starter = await all();
    expect(starter.filter((tag) => tag.kind === 'stage').map((tag) => tag.name)).toEqual([
      'Осознание',
      'Интерес',
      'Рассмотрение',
      'Решение',
      'Покупка',
      'Послепродажное обслуживание',
      'Лояльность',
    ]);
    const names = starter.map((tag) => tag.name);
    expect(names).toEqual(expect.arrayContaining(['Позитив', 'Негатив', 'Любопытство', 'Сомнение', 'Раздражение', 'Восторг', 'Боль', 'Выгода', 'Работа (JTBD)']));
    const irritation = starter.find((tag) => tag.name === 'Раздражение');
    expect(irritation?.parentId).toBe(starter.find((tag) => tag.name === 'Негатив')?.id);
    expect(irritation?.valence).toBe(-2);
  });

  it('should keep stage tags in step with the stages', async () => {
    const stages = (await owner.get(`/api/projects/${projectId}/stages`).expect(200)).body.items;
    await owner.patch(`/api/projects/${projectId}/stages/${stages[0].id}`, { name: 'Узнавание' }).expect(200);
    await owner.post(`/api/projects/${projectId}/stages`, { name: 'Возврат' }).expect(201);
    const stageTags = (await all()).filter((tag) => tag.kind === 'stage').map((tag) => tag.name);
    expect(stageTags).toContain('Узнавание');
    expect(stageTags).toContain('Возврат');
    expect(stageTags).not.toContain('Осознание');
  });

  it('should create, rename and move tags, refusing a cycle', async () => {
    const parent = (await owner.post(tags(), { kind: 'pain', name: 'Доставка', color: '#ff0000', shortcut: 'd' }).expect(201)).body;
    const child = (await owner.post(tags(), { kind: 'pain', name: 'Курьер опоздал', parentId: parent.id }).expect(201)).body;
    await owner.patch(tags(`/${child.id}`), { name: 'Курьер не приехал' }).expect(200);
    const cycle = await owner.patch(tags(`/${parent.id}`), { parentId: child.id }).expect(400);
    expect(cycle.body.details[0].field).toBe('parentId');
    const self = await owner.patch(tags(`/${parent.id}`), { parentId: parent.id }).expect(400);
    expect(self.body.details[0].field).toBe('parentId');
  });

  it.each([
    [{ kind: 'pain', name: 'доставка' }, 409, 'name'],
    [{ kind: 'gain', name: 'Скорость', shortcut: 'd' }, 409, 'shortcut'],
    [{ kind: 'mood', name: 'X' }, 400, 'kind'],
    [{ kind: 'stage', name: 'Новый этап' }, 400, 'kind'],
    [{ kind: 'custom', name: 'X', color: 'red' }, 400, 'color'],
    [{ kind: 'custom', name: 'X', shortcut: 'ab' }, 400, 'shortcut'],
    [{ kind: 'emotion', name: 'X', valence: 3 }, 400, 'valence'],
    [{ kind: 'custom', name: 'X', parentId: '00000000-0000-4000-8000-000000000000' }, 400, 'parentId'],
  ])('should refuse the tag %j naming the field', async (body, status, field) => {
    const before = (await all()).length;
    const response = await owner.post(tags(), body).expect(status);
    expect(response.body.details[0].field).toBe(field);
    expect((await all()).length).toBe(before);
  });

  it('should let a moderator code but a strategist only read the codebook', async () => {
    const moderator = await memberWithRole(owner, projectId, 'moderator');
    const strategist = await memberWithRole(owner, projectId, 'strategist');
    await moderator.post(tags(), { kind: 'custom', name: 'Подарок' }).expect(201);
    await strategist.get(tags()).expect(200);
    await strategist.post(tags(), { kind: 'custom', name: 'Нельзя' }).expect(403);
  });
});

describe('codebook merges', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject({ language: 'en', name: 'Merge' })).id;
  });
  afterAll(() => testApp.close());

  it('should move children and tag applications into the surviving tag', async () => {
    const tags = (path = '') => `/api/projects/${projectId}/tags${path}`;
    const slow = (await owner.post(tags(), { kind: 'pain', name: 'Slow delivery' }).expect(201)).body;
    const late = (await owner.post(tags(), { kind: 'pain', name: 'Late courier' }).expect(201)).body;
    const child = (await owner.post(tags(), { kind: 'pain', name: 'No call', parentId: late.id }).expect(201)).body;
    const merged = await owner.post(tags(`/${late.id}/merge`), { intoTagId: slow.id }).expect(200);
    expect(merged.body.name).toBe('Slow delivery');
    await owner.get(tags(`/${late.id}`)).expect(404);
    expect((await owner.get(tags(`/${child.id}`)).expect(200)).body.parentId).toBe(slow.id);
    const intoChild = await owner.post(tags(`/${slow.id}/merge`), { intoTagId: child.id }).expect(400);
    expect(intoChild.body.details[0].field).toBe('intoTagId');
  });
});

describe('codebook exchange', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let source: string;
  let target: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    source = (await owner.createProject({ name: 'Source' })).id;
    target = (await owner.createProject({ name: 'Target' })).id;
    const parent = (await owner.post(`/api/projects/${source}/tags`, { kind: 'pain', name: 'Доставка', color: '#112233' }).expect(201)).body;
    await owner.post(`/api/projects/${source}/tags`, { kind: 'pain', name: 'Курьер опоздал', parentId: parent.id }).expect(201);
  });
  afterAll(() => testApp.close());

  it.each(['qdc', 'csv'])('should carry a codebook to another project as %s, reusing what exists', async (format) => {
    const exported = await owner.get(`/api/projects/${source}/tags/export?format=${format}`).buffer(true).expect(200);
    const body = Buffer.from(exported.text ?? exported.body);
    const report = await owner.post(`/api/projects/${target}/tags/import`).attach('file', body, `codebook.${format}`).expect(200);
    const tags: TagResponse[] = (await owner.get(`/api/projects/${target}/tags?pageSize=100&kind=pain`).expect(200)).body.items;
    const delivery = tags.find((tag) => tag.name === 'Доставка');
    expect(delivery?.color).toBe('#112233');
    expect(tags.find((tag) => tag.name === 'Курьер опоздал')?.parentId).toBe(delivery?.id);
    expect(report.body.reused).toBeGreaterThan(0);
  });

  it('should answer 400 naming the file and add nothing when the codebook is hostile or broken', async () => {
    const before = (await owner.get(`/api/projects/${target}/tags?pageSize=100`).expect(200)).body.total;
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CodeBook><Codes><Code guid="44444444-4444-4444-8444-444444444444" name="&e;"/></Codes></CodeBook>';
    for (const [content, name] of [
      [xxe, 'evil.qdc'],
      ['<CodeBook><Codes>', 'broken.qdc'],
      ['name\nx', 'codebook.csv'],
      ['%PDF', 'codebook.pdf'],
    ]) {
      const response = await owner.post(`/api/projects/${target}/tags/import`).attach('file', Buffer.from(content), name).expect(400);
      expect(response.body.details[0].field).toBe('file');
    }
    expect((await owner.get(`/api/projects/${target}/tags?pageSize=100`).expect(200)).body.total).toBe(before);
  });
});
