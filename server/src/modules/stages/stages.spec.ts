import type { StageResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

describe('stages', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject({ language: 'en', stageTemplate: 'four', name: 'Stages' })).id;
  });
  afterAll(() => testApp.close());

  const stages = (path = '') => `/api/projects/${projectId}/stages${path}`;
  const list = async (): Promise<StageResponse[]> => (await owner.get(stages()).expect(200)).body.items;

  it('should rename and describe a stage', async () => {
    const [first] = await list();
    const response = await owner.patch(stages(`/${first.id}`), { name: 'Discovery', description: 'First contact' }).expect(200);
    expect(response.body).toMatchObject({ name: 'Discovery', description: 'First contact', position: 0 });
  });

  it('should insert a stage at a position and shift the rest', async () => {
    await owner.post(stages(), { name: 'Loyalty' }).expect(201);
    await owner.post(stages(), { name: 'Interest', position: 1 }).expect(201);
    expect((await list()).map((stage) => [stage.name, stage.position])).toEqual([
      ['Discovery', 0],
      ['Interest', 1],
      ['Consideration', 2],
      ['Decision', 3],
      ['Purchase', 4],
      ['Loyalty', 5],
    ]);
  });

  it('should reorder all stages at once', async () => {
    const current = await list();
    const reversed = [...current].reverse().map((stage) => stage.id);
    const response = await owner.put(stages('/order'), { stageIds: reversed }).expect(200);
    expect(response.body.map((stage: StageResponse) => stage.id)).toEqual(reversed);
    expect((await list()).map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('should answer 400 naming stageIds and keep the order when the list is incomplete or foreign', async () => {
    const before = await list();
    const other = await owner.createProject({ name: 'Other' });
    const foreign = (await owner.get(`/api/projects/${other.id}/stages`).expect(200)).body.items[0].id;
    for (const stageIds of [before.slice(1).map((stage) => stage.id), [...before.slice(1).map((stage) => stage.id), foreign], [before[0].id, before[0].id]]) {
      const response = await owner.put(stages('/order'), { stageIds }).expect(400);
      expect(response.body.details[0].field).toBe('stageIds');
    }
    const invalid = await owner.put(stages('/order'), { stageIds: ['nope'] }).expect(400);
    expect(invalid.body.details[0].field).toBe('stageIds');
    expect(await list()).toEqual(before);
  });

  it('should close the gap when a stage is deleted', async () => {
    const before = await list();
    await owner.delete(stages(`/${before[1].id}`)).expect(204);
    const after = await list();
    expect(after.map((stage) => stage.id)).toEqual(before.filter((_, index) => index !== 1).map((stage) => stage.id));
    expect(after.map((stage) => stage.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('should answer 404 for a stage of another project', async () => {
    const other = await owner.createProject({ name: 'Another' });
    const foreign = (await owner.get(`/api/projects/${other.id}/stages`).expect(200)).body.items[0].id;
    await owner.patch(stages(`/${foreign}`), { name: 'Stolen' }).expect(404);
    await owner.delete(stages(`/${foreign}`)).expect(404);
  });

  it('should let a researcher edit stages but not a moderator', async () => {
    const researcher = await memberWithRole(owner, projectId, 'researcher');
    const moderator = await memberWithRole(owner, projectId, 'moderator');
    const [first] = await list();
    await researcher.patch(stages(`/${first.id}`), { name: 'Researcher edit' }).expect(200);
    await moderator.patch(stages(`/${first.id}`), { name: 'Moderator edit' }).expect(403);
    expect((await list())[0].name).toBe('Researcher edit');
  });

  it('should answer 400 when a stage name is empty or too long', async () => {
    const [first] = await list();
    expect((await owner.patch(stages(`/${first.id}`), { name: '' }).expect(400)).body.details[0].field).toBe('name');
    expect((await owner.post(stages(), { name: 'y'.repeat(201) }).expect(400)).body.details[0].field).toBe('name');
    expect((await owner.post(stages(), { name: 'ok', position: -1 }).expect(400)).body.details[0].field).toBe('position');
  });
});
