import type { StageResponse, SurveyResponse, SurveySummaryResponse } from '@tropa/contracts';
import ExcelJS from 'exceljs';
import { ApiClient } from '../../../test/api-client';
import { createTestApp, type TestApp } from '../../../test/create-test-app';
import { sixQuestionSurvey } from '../../../test/factories/survey.factory';
import { firstUser, memberWithRole } from '../../../test/factories/user.factory';

describe('surveys', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let stages: StageResponse[];
  let survey: SurveyResponse;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    stages = (await owner.get(`/api/projects/${projectId}/stages`).expect(200)).body.items;
  });
  afterAll(() => testApp.close());

  const surveys = (path = '') => `/api/projects/${projectId}/surveys${path}`;
  const count = async (table: string) => (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('should create a survey from a SurveyJS definition and list its questions', async () => {
    const response = await owner.post(surveys(), { title: 'Покупатели', definition: sixQuestionSurvey() }).expect(201);
    survey = response.body;
    expect(survey).toMatchObject({ status: 'draft', language: 'ru', publicToken: null, responseCount: 0 });
    expect(survey.questions.map((question) => [question.name, question.type, question.required])).toEqual([
      ['job', 'comment', true],
      ['channel', 'radiogroup', false],
      ['used', 'checkbox', false],
      ['nps', 'rating', false],
      ['complained', 'boolean', false],
      ['support', 'text', true],
    ]);
    expect(survey.questions[1].choices[2]).toEqual({ value: 'search', text: 'Поиск' });
  });

  it.each([
    [{ pages: 'no' }, 'definition.pages'],
    [{ pages: [{ elements: [{ type: 'html', name: 'x', html: '<script>1</script>' }] }] }, 'definition.pages[0].elements[0].type'],
    [{ pages: [{ elements: [{ type: 'radiogroup', name: 'a', choices: [] }] }] }, 'definition.pages[0].elements[0].choices'],
    [{ pages: [{ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'a' }] }] }, 'definition.pages[0].elements[1].name'],
    [{ pages: [{ elements: [{ type: 'rating', name: 'r', rateMin: 5, rateMax: 1 }] }] }, 'definition.pages[0].elements[0].rateMax'],
    [{ pages: [{ elements: [{ type: 'comment', name: 'c', misspelt: true }] }] }, 'definition.c'],
  ])('should answer 400 with the path at fault when the definition is %j', async (definition, field) => {
    const before = await count('surveys');
    const response = await owner.post(surveys(), { title: 'Bad', definition }).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(await count('surveys')).toBe(before);
  });

  it('should map questions to stages and metrics and refuse foreign or unknown targets', async () => {
    const mapped = await owner
      .put(surveys(`/${survey.id}/mappings`), {
        mappings: [
          { questionName: 'job', stageId: stages[0].id, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true },
          { questionName: 'nps', stageId: stages[6].id, touchpointId: null, personaAttribute: null, metric: 'nps', jtbdPrompt: false },
        ],
      })
      .expect(200);
    expect(mapped.body.mappings).toHaveLength(2);
    const unknown = await owner
      .put(surveys(`/${survey.id}/mappings`), { mappings: [{ questionName: 'nope', stageId: null, touchpointId: null, personaAttribute: null, metric: 'csat', jtbdPrompt: false }] })
      .expect(400);
    expect(unknown.body.details[0].field).toBe('mappings[0].questionName');
    const badMetric = await owner
      .put(surveys(`/${survey.id}/mappings`), { mappings: [{ questionName: 'nps', stageId: null, touchpointId: null, personaAttribute: null, metric: 'mood', jtbdPrompt: false }] })
      .expect(400);
    expect(badMetric.body.details[0].field).toBe('mappings.0.metric');
    expect((await owner.get(surveys(`/${survey.id}`)).expect(200)).body.mappings).toHaveLength(2);
  });

  it('should give an unguessable public link when opened, showing nothing of the project', async () => {
    const opened = await owner.patch(surveys(`/${survey.id}`), { status: 'open' }).expect(200);
    expect(opened.body.publicToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    survey = opened.body;
    const respondent = await ApiClient.create(testApp);
    const page = await respondent.get(`/api/public/surveys/${survey.publicToken}`).expect(200);
    expect(Object.keys(page.body).sort()).toEqual(['definition', 'description', 'language', 'status', 'title']);
    await respondent.get('/api/public/surveys/not-a-real-token').expect(404);
  });

  it('should store an answer, make its open answers quotes with the mapped stage, and count it', async () => {
    const respondent = await ApiClient.create(testApp);
    await respondent
      .post(`/api/public/surveys/${survey.publicToken}/responses`, {
        respondentKey: 'browser-session-0001',
        answers: { job: 'Хотела быстро подобрать крем, чтобы не ехать в магазин', channel: 'Instagram', used: ['Сайт', 'Приложение'], nps: 9, complained: false },
      })
      .expect(201);
    const list = await owner.get(surveys(`/${survey.id}/responses`)).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ source: 'link', completed: true, answers: { channel: 'Instagram', nps: 9 } });
    const quotes = await testApp.dataSource.query('SELECT text, stage_id, question_name, source_type FROM quotes WHERE survey_id = $1', [survey.id]);
    expect(quotes).toEqual([{ text: 'Хотела быстро подобрать крем, чтобы не ехать в магазин', stage_id: stages[0].id, question_name: 'job', source_type: 'survey_answer' }]);
    expect((await owner.get(surveys(`/${survey.id}`)).expect(200)).body.responseCount).toBe(1);
  });

  it.each([
    ['an unknown question', { job: 'x', unknown: 1 }, 'answers.unknown'],
    ['a value not among the choices', { job: 'x', channel: 'TV' }, 'answers.channel'],
    ['a repeated choice', { job: 'x', used: ['Сайт', 'Сайт'] }, 'answers.used'],
    ['a rating out of range', { job: 'x', nps: 11 }, 'answers.nps'],
    ['a rating given as text', { job: 'x', nps: '9' }, 'answers.nps'],
    ['a yes/no given as text', { job: 'x', complained: 'yes' }, 'answers.complained'],
    ['a missing required answer', { channel: 'Instagram' }, 'answers.job'],
    ['a required answer made visible by a condition', { job: 'x', complained: true }, 'answers.support'],
    ['a 10,001-character answer', { job: 'x'.repeat(10_001) }, 'answers.job'],
  ])('should answer 400 naming the answer and store nothing when it has %s', async (_label, answers, field) => {
    const before = [await count('survey_responses'), await count('quotes')];
    const respondent = await ApiClient.create(testApp);
    const response = await respondent.post(`/api/public/surveys/${survey.publicToken}/responses`, { respondentKey: 'browser-session-bad1', answers }).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect([await count('survey_responses'), await count('quotes')]).toEqual(before);
  });

  it('should accept one submission per respondent key', async () => {
    const respondent = await ApiClient.create(testApp);
    const body = { respondentKey: 'browser-session-0002', answers: { job: 'Выбрать подарок', complained: true, support: 'Долго отвечали в чате' } };
    await respondent.post(`/api/public/surveys/${survey.publicToken}/responses`, body).expect(201);
    const again = await respondent.post(`/api/public/surveys/${survey.publicToken}/responses`, body).expect(409);
    expect(again.body.details[0].field).toBe('respondentKey');
    expect((await owner.get(surveys(`/${survey.id}/responses`)).expect(200)).body.total).toBe(2);
  });

  it('should summarise choices, ratings and NPS', async () => {
    const respondent = await ApiClient.create(testApp);
    await respondent.post(`/api/public/surveys/${survey.publicToken}/responses`, { respondentKey: 'browser-session-0003', answers: { job: 'Купить', nps: 3, channel: 'search', used: ['Сайт'] } }).expect(201);
    const summary = (await owner.get(surveys(`/${survey.id}/summary`)).expect(200)).body;
    expect(summary).toMatchObject({ responses: 3, completed: 3 });
    const byName = Object.fromEntries(summary.questions.map((question: { name: string }) => [question.name, question]));
    expect(byName.channel.counts).toEqual([
      { value: 'Instagram', text: 'Instagram', count: 1 },
      { value: 'Друзья', text: 'Друзья', count: 0 },
      { value: 'search', text: 'Поиск', count: 1 },
    ]);
    expect(byName.used.counts.map((item: { count: number }) => item.count)).toEqual([2, 1, 0]);
    expect(byName.nps.nps).toEqual({ score: 0, promoters: 1, passives: 0, detractors: 1 });
    expect(byName.nps.mean).toBe(6);
    expect(byName.complained.counts.map((item: { count: number }) => item.count)).toEqual([1, 1]);
    expect(byName.job.answered).toBe(3);
    // An open question shows its latest answers, newest first; choice questions have none.
    expect(byName.job.latest[0]).toBe('Купить');
    expect(byName.job.latest).toHaveLength(3);
    expect(byName.channel.latest).toBeNull();
  });

  it('should count every matrix row, list option and choice of a survey in its summary', async () => {
    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'matrix', name: 'quality', title: 'Оцените каналы', columns: ['Плохо', 'Хорошо'], rows: [{ value: 'site', text: 'Сайт' }, { value: 'app', text: 'Приложение' }] },
            { type: 'dropdown', name: 'city', title: 'Город', choices: ['Москва', 'Казань'] },
            { type: 'checkbox', name: 'used', title: 'Чем пользовались?', choices: ['Сайт', 'Приложение'] },
          ],
        },
      ],
    };
    const created = (await owner.post(surveys(), { title: 'Каналы', definition }).expect(201)).body as SurveyResponse;
    const opened = (await owner.patch(surveys(`/${created.id}`), { status: 'open' }).expect(200)).body as SurveyResponse;
    const respondent = await ApiClient.create(testApp);
    const answers = [
      { quality: { site: 'Хорошо', app: 'Плохо' }, city: 'Москва', used: ['Сайт', 'Приложение'] },
      { quality: { site: 'Хорошо' }, city: 'Казань', used: ['Сайт'] },
      { city: 'Москва' },
    ];
    for (const [i, body] of answers.entries()) {
      await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: `matrix-respondent-${i}`, answers: body }).expect(201);
    }

    const summary = (await owner.get(surveys(`/${created.id}/summary`)).expect(200)).body as SurveySummaryResponse;
    const byName = Object.fromEntries(summary.questions.map((question) => [question.name, question]));
    const counts = (items: Array<{ count: number }>) => items.map((item) => item.count);
    expect(summary).toMatchObject({ responses: 3, completed: 3 });
    expect(byName.quality.matrix?.map((row) => [row.row, counts(row.counts)])).toEqual([
      ['Сайт', [0, 2]],
      ['Приложение', [1, 0]],
    ]);
    expect(counts(byName.city.counts)).toEqual([2, 1]);
    expect(counts(byName.used.counts)).toEqual([2, 1]);
    expect([byName.quality.answered, byName.city.answered, byName.used.answered]).toEqual([2, 3, 2]);
  });

  it('should summarise a survey of 450 choice questions and a 450-row matrix, more than one scan takes', async () => {
    const choices = Array.from({ length: 450 }, (_, i) => ({ type: 'radiogroup', name: `q${i}`, title: `Вопрос ${i}`, choices: ['Да', 'Нет'] }));
    const rows = Array.from({ length: 450 }, (_, i) => ({ value: `r${i}`, text: `Строка ${i}` }));
    const elements = [...choices, { type: 'matrix', name: 'grid', title: 'Оцените всё', columns: ['Плохо', 'Хорошо'], rows }];
    const created = (await owner.post(surveys(), { title: 'Длинный опрос', definition: { pages: [{ name: 'p1', elements }] } }).expect(201)).body as SurveyResponse;
    const opened = (await owner.patch(surveys(`/${created.id}`), { status: 'open' }).expect(200)).body as SurveyResponse;
    const respondent = await ApiClient.create(testApp);
    for (const [key, choice, grade] of [
      ['long-survey-1', 'Да', 'Хорошо'],
      ['long-survey-2', 'Нет', 'Плохо'],
    ]) {
      const answers = Object.fromEntries(choices.map((element, i) => [element.name, i === 449 ? 'Да' : choice]));
      await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: key, answers: { ...answers, grid: { r0: grade, r449: 'Хорошо' } } }).expect(201);
    }

    const summary = (await owner.get(surveys(`/${created.id}/summary`)).expect(200)).body as SurveySummaryResponse;
    const question = (name: string) => summary.questions.find((item) => item.name === name);
    const counts = (name: string) => question(name)?.counts.map((item) => item.count);
    expect([counts('q0'), counts('q399'), counts('q400'), counts('q449')]).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [2, 0],
    ]);
    const grid = question('grid')?.matrix ?? [];
    expect([grid[0], grid[449]].map((row) => [row.row, row.counts.map((item) => item.count)])).toEqual([
      ['Строка 0', [1, 1]],
      ['Строка 449', [0, 2]],
    ]);
  });

  it('should filter responses by answer value and date', async () => {
    const instagram = await owner.get(surveys(`/${survey.id}/responses?question=channel&value=Instagram`)).expect(200);
    expect(instagram.body.total).toBe(1);
    const site = await owner.get(surveys(`/${survey.id}/responses?question=used&value=${encodeURIComponent('Сайт')}`)).expect(200);
    expect(site.body.total).toBe(2);
    const promoters = await owner.get(surveys(`/${survey.id}/responses?question=nps&value=9`)).expect(200);
    expect(promoters.body.total).toBe(1);
    const future = await owner.get(surveys(`/${survey.id}/responses?from=2999-01-01`)).expect(200);
    expect(future.body.total).toBe(0);
    expect((await owner.get(surveys(`/${survey.id}/responses?from=yesterday`)).expect(400)).body.details[0].field).toBe('from');
  });

  it('should delete a response together with its quotes', async () => {
    const list = await owner.get(surveys(`/${survey.id}/responses?question=channel&value=Instagram`)).expect(200);
    const id = list.body.items[0].id;
    await owner.delete(surveys(`/${survey.id}/responses/${id}`)).expect(204);
    await owner.get(surveys(`/${survey.id}/responses/${id}`)).expect(404);
    expect((await testApp.dataSource.query('SELECT count(*)::int AS n FROM quotes WHERE response_id = $1', [id]))[0].n).toBe(0);
    expect((await owner.get(surveys(`/${survey.id}`)).expect(200)).body.responseCount).toBe(2);
  });

  it('should export responses as CSV with formulas neutralised and as a readable XLSX', async () => {
    const respondent = await ApiClient.create(testApp);
    await respondent
      .post(`/api/public/surveys/${survey.publicToken}/responses`, { respondentKey: 'browser-session-formula', answers: { job: '=HYPERLINK("http://evil","клик")', used: ['Сайт', 'Магазин'] } })
      .expect(201);
    const csv = await owner.get(surveys(`/${survey.id}/export?format=csv`)).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('respondent,submitted_at,source,Что вы пытались сделать, когда пришли к нам?,Где вы узнали о нас?,Чем вы пользовались?,Порекомендуете ли вы нас?,Вы обращались в поддержку?,Что было в поддержке?'.replace('Что вы пытались сделать, когда пришли к нам?', '"Что вы пытались сделать, когда пришли к нам?"'));
    const formulaRow = lines.find((line) => line.startsWith('browser-session-formula'));
    expect(formulaRow).toContain(`"'=HYPERLINK(""http://evil"",""клик"")"`);
    expect(formulaRow).toContain('Сайт; Магазин');

    const xlsx = await owner
      .get(surveys(`/${survey.id}/export?format=xlsx`))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(lines.length);
    const jobs = sheet.getColumn(4).values.map(String);
    expect(jobs).toContain(`'=HYPERLINK("http://evil","клик")`);
    expect((await owner.get(surveys(`/${survey.id}/export?format=pdf`)).expect(400)).body.details[0].field).toBe('format');
  });

  it('should refuse answers with a clear message when the survey is closed', async () => {
    await owner.patch(surveys(`/${survey.id}`), { status: 'closed' }).expect(200);
    const respondent = await ApiClient.create(testApp);
    const response = await respondent.post(`/api/public/surveys/${survey.publicToken}/responses`, { respondentKey: 'browser-session-late', answers: { job: 'Поздно' } }).expect(410);
    expect(response.body.message).toMatch(/closed/);
    const back = await owner.patch(surveys(`/${survey.id}`), { status: 'draft' }).expect(400);
    expect(back.body.details[0].field).toBe('status');
  });

  it('should assign a response to the persona whose attribute the mapped answer names', async () => {
    const persona = (await owner.post(`/api/projects/${projectId}/personas`, { name: 'Из соцсетей', attributes: { канал: 'Instagram' } }).expect(201)).body;
    const fresh = (await owner.post(surveys(), { title: 'Персоны', definition: sixQuestionSurvey() }).expect(201)).body;
    await owner
      .put(surveys(`/${fresh.id}/mappings`), { mappings: [{ questionName: 'channel', stageId: null, touchpointId: null, personaAttribute: 'Канал', metric: null, jtbdPrompt: false }] })
      .expect(200);
    const opened = (await owner.patch(surveys(`/${fresh.id}`), { status: 'open' }).expect(200)).body;
    const respondent = await ApiClient.create(testApp);
    await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: 'persona-key-0001', answers: { job: 'Найти крем', channel: 'Instagram' } }).expect(201);
    await respondent.post(`/api/public/surveys/${opened.publicToken}/responses`, { respondentKey: 'persona-key-0002', answers: { job: 'Найти тушь', channel: 'search' } }).expect(201);
    const assigned = (await owner.get(surveys(`/${fresh.id}/responses?personaId=${persona.id}`)).expect(200)).body;
    expect(assigned.items.map((item: { respondentKey: string; personaId: string }) => [item.respondentKey, item.personaId])).toEqual([['persona-key-0001', persona.id]]);
  });

  it('should let a strategist read responses but not change surveys', async () => {
    const strategist = await memberWithRole(owner, projectId, 'strategist');
    await strategist.get(surveys(`/${survey.id}/responses`)).expect(200);
    await strategist.patch(surveys(`/${survey.id}`), { title: 'Mine' }).expect(403);
    await strategist.post(surveys(), { title: 'New' }).expect(403);
  });
});
