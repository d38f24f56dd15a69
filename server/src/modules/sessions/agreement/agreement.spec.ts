import type { AgreementResponse, TagResponse, UtteranceResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../../test/api-client';
import { createTestApp, type TestApp } from '../../../../test/create-test-app';
import { focusGroupVtt } from '../../../../test/factories/transcript.factory';
import { firstUser, memberWithRole } from '../../../../test/factories/user.factory';

describe('two-coder agreement', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let coderA: ApiClient;
  let coderB: ApiClient;
  let projectId: string;
  let sessionId: string;
  let utterances: UtteranceResponse[];
  let tags: Record<string, TagResponse>;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    coderA = await memberWithRole(owner, projectId, 'moderator');
    coderB = await memberWithRole(owner, projectId, 'moderator');
    sessionId = (await coderA.post(`/api/projects/${projectId}/sessions`, { kind: 'focus_group', title: 'Группа' }).expect(201)).body.id;
    await coderA
      .post(`/api/projects/${projectId}/sessions/${sessionId}/transcript`)
      .field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] }))
      .attach('file', Buffer.from(focusGroupVtt()), 'group.vtt')
      .expect(201);
    utterances = (await coderA.get(`/api/projects/${projectId}/sessions/${sessionId}/utterances`).expect(200)).body.items;
    tags = Object.fromEntries(((await owner.get(`/api/projects/${projectId}/tags?pageSize=100`).expect(200)).body.items as TagResponse[]).map((tag) => [tag.name, tag]));
  });
  afterAll(() => testApp.close());

  async function code(coder: ApiClient, position: number, tagName: string): Promise<void> {
    const utterance = utterances[position];
    await coder.post(`/api/projects/${projectId}/quotes`, { utteranceId: utterance.id, start: 0, end: Math.min(10, utterance.text.length), tagIds: [tags[tagName].id] }).expect(201);
  }

  it('should report percent agreement, Cohen’s κ per tag and the disagreements side by side', async () => {
    // "Боль": both coders on utterances 1 and 3 (κ = 1). "Выгода": A on 0, B on 2 (κ = −1/3).
    await code(coderA, 1, 'Боль');
    await code(coderA, 3, 'Боль');
    await code(coderB, 1, 'Боль');
    await code(coderB, 3, 'Боль');
    await code(coderA, 0, 'Выгода');
    await code(coderB, 2, 'Выгода');
    const report: AgreementResponse = (
      await owner.get(`/api/projects/${projectId}/sessions/${sessionId}/agreement?coderA=${coderA.user?.id}&coderB=${coderB.user?.id}`).expect(200)
    ).body;
    expect(report.units).toBe(4);
    const byName = Object.fromEntries(report.tags.map((tag) => [tag.tagName, tag]));
    expect(byName['Боль']).toMatchObject({ units: 2, percentAgreement: 1, kappa: 1 });
    expect(byName['Выгода'].percentAgreement).toBeCloseTo(0.5, 10);
    expect(byName['Выгода'].kappa).toBeCloseTo(-1 / 3, 10);
    expect(report.kappa).toBeCloseTo(1 / 3, 10);
    expect(report.percentAgreement).toBeCloseTo(0.75, 10);
    expect(report.disagreements.map((d) => [d.position, d.onlyA, d.onlyB])).toEqual([
      [0, ['Выгода'], []],
      [2, [], ['Выгода']],
    ]);
  });

  it('should settle a disagreement by keeping the tag for both or dropping it for both', async () => {
    const url = `/api/projects/${projectId}/sessions/${sessionId}/agreement/settle`;
    const base = { coderA: coderA.user?.id, coderB: coderB.user?.id, tagId: tags['Выгода'].id };
    await owner.post(url, { ...base, utteranceId: utterances[0].id, decision: 'keep' }).expect(200);
    const settled: AgreementResponse = (await owner.post(url, { ...base, utteranceId: utterances[2].id, decision: 'drop' }).expect(200)).body;
    expect(settled.disagreements).toEqual([]);
    expect(settled.tags.find((tag) => tag.tagName === 'Выгода')?.kappa).toBe(1);
    const bad = await owner.post(url, { ...base, utteranceId: utterances[0].id, decision: 'maybe' }).expect(400);
    expect(bad.body.details[0].field).toBe('decision');
  });

  it('should answer 400 naming the coder when a coder is not a member or both are the same', async () => {
    const url = `/api/projects/${projectId}/sessions/${sessionId}/agreement`;
    expect((await owner.get(`${url}?coderA=${coderA.user?.id}&coderB=00000000-0000-4000-8000-000000000000`).expect(400)).body.details[0].field).toBe('coderB');
    expect((await owner.get(`${url}?coderA=${coderA.user?.id}&coderB=${coderA.user?.id}`).expect(400)).body.details[0].field).toBe('coderB');
    expect((await owner.get(`${url}?coderA=x`).expect(400)).body.details[0].field).toBe('coderA');
  });
});

describe('blind coding', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let coderA: ApiClient;
  let coderB: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    coderA = await memberWithRole(owner, projectId, 'moderator');
    coderB = await memberWithRole(owner, projectId, 'moderator');
  });
  afterAll(() => testApp.close());

  it('should show each coder only their own highlights and tags until they compare', async () => {
    const session = (await owner.post(`/api/projects/${projectId}/sessions`, { kind: 'interview', title: 'Слепое', blindCoding: true }).expect(201)).body;
    expect(session.blindCoding).toBe(true);
    await owner
      .post(`/api/projects/${projectId}/sessions/${session.id}/transcript`)
      .field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] }))
      .attach('file', Buffer.from(focusGroupVtt()), 'group.vtt')
      .expect(201);
    const [first] = (await owner.get(`/api/projects/${projectId}/sessions/${session.id}/utterances`).expect(200)).body.items as UtteranceResponse[];
    const pain = ((await owner.get(`/api/projects/${projectId}/tags?pageSize=100`).expect(200)).body.items as TagResponse[]).find((tag) => tag.kind === 'pain') as TagResponse;
    await coderA.post(`/api/projects/${projectId}/quotes`, { utteranceId: first.id, start: 0, end: 5, tagIds: [pain.id] }).expect(201);
    const seenByB = (await coderB.get(`/api/projects/${projectId}/quotes?sessionId=${session.id}`).expect(200)).body;
    expect(seenByB.total).toBe(0);
    const compared = (await coderB.get(`/api/projects/${projectId}/quotes?sessionId=${session.id}&compare=true`).expect(200)).body;
    expect(compared.total).toBe(1);
    expect(compared.items[0].tags).toEqual([{ tagId: pain.id, appliedBy: coderA.user?.id }]);
    const seenByA = (await coderA.get(`/api/projects/${projectId}/quotes?sessionId=${session.id}`).expect(200)).body;
    expect(seenByA.items[0].tags).toHaveLength(1);
  });
});
