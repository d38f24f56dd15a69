import type { QuoteResponse, TagResponse, UtteranceResponse } from '@tropa/contracts';
import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { sixQuestionSurvey } from '../../../test/factories/survey.factory';
import { focusGroupVtt } from '../../../test/factories/transcript.factory';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

describe('quotes', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let moderator: ApiClient;
  let projectId: string;
  let utterances: UtteranceResponse[];
  let tagsByName: Record<string, TagResponse>;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    moderator = await memberWithRole(owner, projectId, 'moderator');
    const session = (await moderator.post(`/api/projects/${projectId}/sessions`, { kind: 'focus_group', title: 'Группа' }).expect(201)).body;
    await moderator
      .post(`/api/projects/${projectId}/sessions/${session.id}/transcript`)
      .field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] }))
      .attach('file', Buffer.from(focusGroupVtt()), 'group.vtt')
      .expect(201);
    utterances = (await moderator.get(`/api/projects/${projectId}/sessions/${session.id}/utterances`).expect(200)).body.items;
    const tags: TagResponse[] = (await owner.get(`/api/projects/${projectId}/tags?pageSize=100`).expect(200)).body.items;
    tagsByName = Object.fromEntries(tags.map((tag) => [tag.name, tag]));
  });
  afterAll(() => testApp.close());

  const quotes = (path = '') => `/api/projects/${projectId}/quotes${path}`;
  const quoteCount = async () => (await testApp.dataSource.query('SELECT count(*)::int AS n FROM quotes'))[0].n as number;

  it('should keep the exact span of the utterance with the tags the moderator applied', async () => {
    const last = utterances[3];
    const start = last.text.indexOf('доставка долгая');
    const quote: QuoteResponse = (
      await moderator.post(quotes(), { utteranceId: last.id, start, end: start + 'доставка долгая'.length, tagIds: [tagsByName['Боль'].id, tagsByName['Покупка'].id] }).expect(201)
    ).body;
    expect(quote).toMatchObject({ sourceType: 'transcript', text: 'доставка долгая', start, utteranceId: last.id, stageId: tagsByName['Покупка'].stageId });
    expect(quote.tags.map((tag) => tag.appliedBy)).toEqual([moderator.user?.id, moderator.user?.id]);
  });

  it('should find a quote by another Russian word form', async () => {
    const found = (await owner.get(quotes(`?q=${encodeURIComponent('доставкой')}`)).expect(200)).body;
    expect(found.items.map((quote: QuoteResponse) => quote.text)).toEqual(['доставка долгая']);
    expect((await owner.get(quotes(`?q=${encodeURIComponent('телепортация')}`)).expect(200)).body.total).toBe(0);
  });

  it('should record each coder’s tags apart and filter by tag and coder', async () => {
    const first = (await owner.get(quotes()).expect(200)).body.items[0] as QuoteResponse;
    await owner.post(quotes(`/${first.id}/tags`), { tagId: tagsByName['Раздражение'].id }).expect(201);
    const byOwner = (await owner.get(quotes(`?appliedBy=${owner.user?.id}`)).expect(200)).body;
    expect(byOwner.total).toBe(1);
    const irritated = (await owner.get(quotes(`?tagId=${tagsByName['Раздражение'].id}`)).expect(200)).body;
    expect(irritated.items[0].tags).toHaveLength(3);
    await owner.delete(quotes(`/${first.id}/tags/${tagsByName['Раздражение'].id}`)).expect(204);
    await owner.delete(quotes(`/${first.id}/tags/${tagsByName['Раздражение'].id}`)).expect(404);
  });

  it.each([
    ['an end beyond the utterance', (u: UtteranceResponse) => ({ utteranceId: u.id, start: 0, end: u.text.length + 1 }), 'end'],
    ['a start after the end', (u: UtteranceResponse) => ({ utteranceId: u.id, start: 5, end: 3 }), 'start'],
    ['a negative start', (u: UtteranceResponse) => ({ utteranceId: u.id, start: -1, end: 3 }), 'start'],
    ['an unknown utterance', () => ({ utteranceId: '00000000-0000-4000-8000-000000000000', start: 0, end: 3 }), 'utteranceId'],
    ['a tag of no project', (u: UtteranceResponse) => ({ utteranceId: u.id, start: 0, end: 3, tagIds: ['00000000-0000-4000-8000-000000000000'] }), 'tagIds'],
  ])('should answer 400 and store nothing for a highlight with %s', async (_label, body, field) => {
    const before = await quoteCount();
    const response = await moderator.post(quotes(), body(utterances[1])).expect(400);
    expect(response.body.details[0].field).toBe(field);
    expect(await quoteCount()).toBe(before);
  });

  it('should answer 404 to a moderator of another project and 403 to a strategist', async () => {
    const other = await owner.createProject({ name: 'Другой' });
    const outsider = await memberWithRole(owner, other.id, 'moderator');
    await outsider.post(quotes(), { utteranceId: utterances[1].id, start: 0, end: 3 }).expect(404);
    const strategist = await memberWithRole(owner, projectId, 'strategist');
    await strategist.post(quotes(), { utteranceId: utterances[1].id, start: 0, end: 3 }).expect(403);
    await strategist.get(quotes()).expect(200);
  });

  it('should show a blind-coded session’s highlights and tags only to their coder until the coders compare', async () => {
    const session = (await moderator.post(`/api/projects/${projectId}/sessions`, { kind: 'interview', title: 'Слепое', blindCoding: true }).expect(201)).body;
    await moderator
      .post(`/api/projects/${projectId}/sessions/${session.id}/transcript`)
      .field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] }))
      .attach('file', Buffer.from(focusGroupVtt()), 'blind.vtt')
      .expect(201);
    const [first] = (await moderator.get(`/api/projects/${projectId}/sessions/${session.id}/utterances`).expect(200)).body.items as UtteranceResponse[];
    const second = await memberWithRole(owner, projectId, 'moderator');
    const mine = (await moderator.post(quotes(), { utteranceId: first.id, start: 0, end: 5, tagIds: [tagsByName['Боль'].id] }).expect(201)).body as QuoteResponse;
    const theirs = (await second.post(quotes(), { utteranceId: first.id, start: 0, end: 5, tagIds: [tagsByName['Выгода'].id] }).expect(201)).body as QuoteResponse;
    const list = async (who: ApiClient, compare: boolean) =>
      ((await who.get(quotes(`?sessionId=${session.id}${compare ? '&compare=true' : ''}`)).expect(200)).body as { items: QuoteResponse[]; total: number });

    const blindView = await list(second, false);
    expect(blindView.total).toBe(blindView.items.length);
    expect(blindView.items.map((q) => [q.id, q.tags.map((t) => t.appliedBy)])).toEqual([[theirs.id, [second.user?.id]]]);
    const compared = await list(second, true);
    expect(compared.items.map((q) => q.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(compared.items.find((q) => q.id === mine.id)?.tags).toEqual([{ tagId: tagsByName['Боль'].id, appliedBy: moderator.user?.id }]);
  });
});

describe('bulk tagging', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    const session = (await owner.post(`/api/projects/${projectId}/sessions`, { kind: 'interview', title: 'Интервью' }).expect(201)).body;
    await owner
      .post(`/api/projects/${projectId}/sessions/${session.id}/transcript`)
      .field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] }))
      .attach('file', Buffer.from(focusGroupVtt()), 'group.vtt')
      .expect(201);
    const utterances: UtteranceResponse[] = (await owner.get(`/api/projects/${projectId}/sessions/${session.id}/utterances`).expect(200)).body.items;
    for (const utterance of utterances) await owner.post(`/api/projects/${projectId}/quotes`, { utteranceId: utterance.id, start: 0, end: 5 }).expect(201);
  });
  afterAll(() => testApp.close());

  it('should tag and untag many quotes at once and refuse a foreign quote without changing anything', async () => {
    const list = (await owner.get(`/api/projects/${projectId}/quotes`).expect(200)).body.items as QuoteResponse[];
    const tag = ((await owner.get(`/api/projects/${projectId}/tags?pageSize=100`).expect(200)).body.items as TagResponse[]).find((t) => t.name === 'Рассмотрение') as TagResponse;
    const ids = list.map((quote) => quote.id);
    await owner.post(`/api/projects/${projectId}/quotes/bulk-tags`, { quoteIds: ids, tagId: tag.id, action: 'apply' }).expect(200);
    const tagged = (await owner.get(`/api/projects/${projectId}/quotes?stageId=${tag.stageId}`).expect(200)).body;
    expect(tagged.total).toBe(ids.length);
    const foreign = await owner.post(`/api/projects/${projectId}/quotes/bulk-tags`, { quoteIds: [ids[0], '00000000-0000-4000-8000-000000000000'], tagId: tag.id, action: 'remove' }).expect(400);
    expect(foreign.body.details[0].field).toBe('quoteIds');
    expect((await owner.get(`/api/projects/${projectId}/quotes?tagId=${tag.id}`).expect(200)).body.total).toBe(ids.length);
    const removed = await owner.post(`/api/projects/${projectId}/quotes/bulk-tags`, { quoteIds: ids, tagId: tag.id, action: 'remove' }).expect(200);
    expect(removed.body.quotes).toBe(ids.length);
    expect((await owner.get(`/api/projects/${projectId}/quotes?tagId=${tag.id}`).expect(200)).body.total).toBe(0);
  });
});

describe('quote sources and personas', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let personaId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    personaId = (await owner.post(`/api/projects/${projectId}/personas`, { name: 'Из соцсетей', attributes: { канал: 'Instagram' } }).expect(201)).body.id;

    // A focus group: Анна is a participant with the persona, Игорь is only a speaker label.
    const session = (await owner.post(`/api/projects/${projectId}/sessions`, { kind: 'focus_group', title: 'Утренняя группа' }).expect(201)).body;
    const anna = (await owner.post(`/api/projects/${projectId}/sessions/${session.id}/participants`, { pseudonym: 'У1', personaId }).expect(201)).body;
    await owner
      .post(`/api/projects/${projectId}/sessions/${session.id}/transcript`)
      .field('plan', JSON.stringify({ speakers: [{ speaker: 'Анна Петрова', participantId: anna.id }], redactions: [], names: [] }))
      .attach('file', Buffer.from(focusGroupVtt()), 'group.vtt')
      .expect(201);
    const utterances: UtteranceResponse[] = (await owner.get(`/api/projects/${projectId}/sessions/${session.id}/utterances`).expect(200)).body.items;
    const annaLine = utterances.find((utterance) => utterance.text.startsWith('Чаще всего')) as UtteranceResponse;
    const igorLine = utterances.find((utterance) => utterance.speaker === 'Игорь') as UtteranceResponse;
    await owner.post(`/api/projects/${projectId}/quotes`, { utteranceId: annaLine.id, start: 0, end: 'Чаще всего в приложении'.length }).expect(201);
    await owner.post(`/api/projects/${projectId}/quotes`, { utteranceId: igorLine.id, start: 0, end: 'А я звоню в поддержку'.length }).expect(201);

    // A survey whose "channel" answer assigns the persona: one respondent matches, one does not.
    const survey = (await owner.post(`/api/projects/${projectId}/surveys`, { title: 'Покупатели', definition: sixQuestionSurvey() }).expect(201)).body;
    await owner
      .put(`/api/projects/${projectId}/surveys/${survey.id}/mappings`, {
        mappings: [{ questionName: 'channel', stageId: null, touchpointId: null, personaAttribute: 'Канал', metric: null, jtbdPrompt: false }],
      })
      .expect(200);
    const opened = (await owner.patch(`/api/projects/${projectId}/surveys/${survey.id}`, { status: 'open' }).expect(200)).body;
    const respondent = await ApiClient.create(testApp);
    await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: 'persona-key-0001', answers: { job: 'Найти крем', channel: 'Instagram' } }).expect(201);
    await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: 'persona-key-0002', answers: { job: 'Найти тушь', channel: 'search' } }).expect(201);
    await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: 'english-key-0003', answers: { job: 'Ordered two deliveries for my mother' } }).expect(201);
  });
  afterAll(() => testApp.close());

  const quotes = (path = '') => `/api/projects/${projectId}/quotes${path}`;

  it('should name the source and the speaker of each quote in the list', async () => {
    const list: QuoteResponse[] = (await owner.get(quotes('?pageSize=100')).expect(200)).body.items;
    const byText = Object.fromEntries(list.map((quote) => [quote.text, quote]));

    expect(byText['Чаще всего в приложении']).toMatchObject({ sourceTitle: 'Утренняя группа', speaker: 'У1' });
    expect(byText['А я звоню в поддержку']).toMatchObject({ sourceTitle: 'Утренняя группа', speaker: 'Игорь' });
    expect(byText['Найти крем']).toMatchObject({ sourceType: 'survey_answer', sourceTitle: 'Покупатели', speaker: null, questionName: 'job' });
  });

  it('should name the source of a highlight when it is created', async () => {
    const session = (await owner.get(`/api/projects/${projectId}/sessions`).expect(200)).body.items[0];
    const line: UtteranceResponse = (await owner.get(`/api/projects/${projectId}/sessions/${session.id}/utterances`).expect(200)).body.items[0];
    const created: QuoteResponse = (await owner.post(quotes(), { utteranceId: line.id, start: 0, end: 5 }).expect(201)).body;

    expect(created).toMatchObject({ sourceTitle: 'Утренняя группа', speaker: 'Модератор' });
    await owner.delete(quotes(`/${created.id}`)).expect(204);
  });

  it('should keep the quotes of the persona’s participants and survey respondents when filtering by persona', async () => {
    const found = (await owner.get(quotes(`?personaId=${personaId}`)).expect(200)).body;

    expect(found.items.map((quote: QuoteResponse) => quote.text).sort()).toEqual(['Найти крем', 'Чаще всего в приложении']);
    expect(found.total).toBe(2);
  });

  it('should combine the persona with other filters and page the result', async () => {
    const transcripts = (await owner.get(quotes(`?personaId=${personaId}&sourceType=transcript`)).expect(200)).body;
    expect(transcripts.items.map((quote: QuoteResponse) => quote.text)).toEqual(['Чаще всего в приложении']);

    const firstPage = (await owner.get(quotes(`?personaId=${personaId}&pageSize=1&page=2`)).expect(200)).body;
    expect(firstPage.total).toBe(2);
    expect(firstPage.items).toHaveLength(1);
  });

  it('should find nothing for a persona nobody has', async () => {
    const other = (await owner.post(`/api/projects/${projectId}/personas`, { name: 'Никто', attributes: {} }).expect(201)).body;

    expect((await owner.get(quotes(`?personaId=${other.id}`)).expect(200)).body.total).toBe(0);
  });

  it('should find English and Russian answers by other word forms in the same search', async () => {
    const search = async (words: string) => ((await owner.get(quotes(`?q=${encodeURIComponent(words)}`)).expect(200)).body.items as QuoteResponse[]).map((quote) => quote.text);

    expect(await search('delivery')).toEqual(['Ordered two deliveries for my mother']);
    expect(await search('ordering mothers')).toEqual(['Ordered two deliveries for my mother']);
    expect(await search('кремами')).toEqual(['Найти крем']);
    expect(await search('delivery or крем')).toEqual(expect.arrayContaining(['Ordered two deliveries for my mother', 'Найти крем']));
  });

  it('should answer 400 naming personaId when it is not an id', async () => {
    const response = await owner.get(quotes('?personaId=instagram')).expect(400);

    expect(response.body.details[0].field).toBe('personaId');
  });
});
