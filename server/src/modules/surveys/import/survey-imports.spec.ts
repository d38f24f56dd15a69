import type { JobResponse, SurveyImportResponse, SurveyResponse } from '@tropa/contracts';
import type { ApiClient } from '../../../../test/api-client';
import { createTestApp, type TestApp } from '../../../../test/create-test-app';
import { googleFormsCsv, googleFormsXlsx, importableSurvey, surveyMonkeyCsv } from '../../../../test/factories/survey-files';
import { firstUser, memberWithRole } from '../../../../test/factories/user.factory';
import { zipBomb } from '../../../../test/factories/zip-bomb.factory';

describe('survey imports', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let survey: SurveyResponse;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    survey = (await owner.post(`/api/projects/${projectId}/surveys`, { title: 'Импорт', definition: importableSurvey() }).expect(201)).body;
  });
  afterAll(() => testApp.close());

  const imports = (path = '') => `/api/projects/${projectId}/surveys/${survey.id}/imports${path}`;
  const responses = async () => (await testApp.dataSource.query('SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = $1', [survey.id]))[0].n as number;

  async function upload(content: string | Buffer, fileName: string): Promise<SurveyImportResponse> {
    const response = await owner
      .post(imports())
      .attach('file', typeof content === 'string' ? Buffer.from(content, 'utf8') : content, fileName)
      .expect(201);
    return response.body;
  }

  async function finished(jobId: string): Promise<JobResponse> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const job: JobResponse = (await owner.get(`/api/projects/${projectId}/jobs/${jobId}`).expect(200)).body;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  async function run(imported: SurveyImportResponse, body: object): Promise<{ job: JobResponse; result: SurveyImportResponse }> {
    const started = await owner.post(imports(`/${imported.id}/run`), { mapping: imported.suggestedMapping, ...body }).expect(202);
    const job = await finished(started.body.job.id);
    return { job, result: (await owner.get(imports(`/${imported.id}`)).expect(200)).body };
  }

  it('should read a SurveyMonkey export with its two header rows and suggest a mapping', async () => {
    const imported = await upload(surveyMonkeyCsv(), 'surveymonkey.csv');
    expect(imported.source).toBe('surveymonkey');
    expect(imported.respondentColumn).toBe(0);
    expect(imported.submittedAtColumn).toBe(3);
    expect(imported.suggestedMapping).toEqual([
      { column: 4, question: 'job' },
      { column: 5, question: 'source' },
      { column: 6, question: 'channels', choice: 'Сайт' },
      { column: 7, question: 'channels', choice: 'Приложение' },
      { column: 8, question: 'channels', choice: 'Магазин' },
      { column: 9, question: 'nps' },
    ]);
    expect(await responses()).toBe(0);
  });

  it('should check every row without writing on a dry run, then import all rows with their open answers as quotes', async () => {
    const imported = await upload(surveyMonkeyCsv(), 'surveymonkey.csv');
    const dry = await run(imported, { dryRun: true });
    expect(dry.job.status).toBe('succeeded');
    expect(dry.result).toMatchObject({ status: 'validated', report: { dryRun: true, rows: 3, valid: 3, imported: 0, problemCount: 0 } });
    expect(await responses()).toBe(0);

    const real = await run(imported, { dryRun: false });
    expect(real.job.status).toBe('succeeded');
    expect(real.result).toMatchObject({ status: 'completed', report: { rows: 3, imported: 3 } });
    const list = await owner.get(`/api/projects/${projectId}/surveys/${survey.id}/responses?order=asc`).expect(200);
    expect(list.body.items.map((item: { respondentKey: string; answers: object; source: string; submittedAt: string }) => [item.respondentKey, item.source, item.answers, item.submittedAt])).toEqual([
      ['1001', 'import', { job: 'Хотела подобрать крем, чтобы не ехать в магазин', source: 'Instagram', channels: ['Сайт', 'Магазин'], nps: 9 }, '2024-03-12T10:15:00.000Z'],
      ['1002', 'import', { job: 'Купить подарок маме', source: 'От друзей', channels: ['Приложение'], nps: 10 }, '2024-03-12T11:00:00.000Z'],
      ['1003', 'import', { job: 'Понять, подойдёт ли тон', source: 'Поиск', channels: ['Сайт', 'Приложение'], nps: 6 }, '2024-03-13T09:30:00.000Z'],
    ]);
    const quotes = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM quotes WHERE survey_id = $1 AND source_type = 'survey_answer'`, [survey.id]);
    expect(quotes[0].n).toBe(3);
    expect((await owner.get(`/api/projects/${projectId}/surveys/${survey.id}`).expect(200)).body.responseCount).toBe(3);
  });

  it('should detect a re-import of the same file and refuse it unless asked', async () => {
    const again = await upload(surveyMonkeyCsv(), 'surveymonkey-again.csv');
    expect(again.duplicateOf).not.toBeNull();
    const refused = await owner.post(imports(`/${again.id}/run`), { mapping: again.suggestedMapping, dryRun: false }).expect(409);
    expect(refused.body.details[0].field).toBe('allowDuplicate');
    const forced = await run(again, { dryRun: false, allowDuplicate: true });
    // Same respondent ids as before: every row is reported and nothing lands.
    expect(forced.job.status).toBe('failed');
    expect(forced.result.report?.problems[0]).toEqual({ row: 3, column: null, reason: 'respondent "1001" already has a response in this survey' });
    expect(await responses()).toBe(3);
  });

  it('should import a Russian Google Forms export whose list answers share one cell', async () => {
    const imported = await upload('\uFEFF' + googleFormsCsv(), 'google-forms.csv');
    expect(imported.source).toBe('google_forms');
    const result = await run(imported, { dryRun: false });
    expect(result.result.report).toMatchObject({ rows: 2, imported: 2, problemCount: 0 });
    const found = await owner.get(`/api/projects/${projectId}/surveys/${survey.id}/responses?question=channels&value=${encodeURIComponent('Приложение')}`).expect(200);
    expect(found.body.total).toBe(4);
  });

  it('should list row problems with row, column and reason and write nothing when any row is wrong', async () => {
    const before = await responses();
    const imported = await upload(googleFormsCsv(['"12.03.2024 13:00:00","Хочу скидку","Телевизор","Сайт","11"', '"вчера","Хочу скидку","Поиск","Сайт","5"']), 'broken.csv');
    const dry = await run(imported, { dryRun: true });
    expect(dry.result.report).toMatchObject({ rows: 4, valid: 2, problemCount: 3 });
    expect(dry.result.report?.problems).toEqual([
      { row: 4, column: 'Откуда вы о нас узнали?', reason: '"Телевизор" is not one of the choices' },
      { row: 4, column: 'Насколько вероятно, что вы порекомендуете нас друзьям?', reason: '"11" is not a whole number from 0 to 10' },
      { row: 5, column: 'Отметка времени', reason: '"вчера" is not a date' },
    ]);
    const real = await run(imported, { dryRun: false });
    expect(real.job.status).toBe('failed');
    expect(real.job.error).toMatch(/nothing was imported/);
    expect(await responses()).toBe(before);
  });

  describe('a file of several megabytes', () => {
    const ROWS = 12_000;
    // Cyrillic answers (two bytes a letter) so that letters are cut at the 1 MB slice boundaries.
    const answer = (index: number) => `Хотела найти крем для сухой кожи и заказать доставку до вечера, ответ номер ${index}`;
    const bigCsv = (badIndex: number | null) =>
      googleFormsCsv(Array.from({ length: ROWS }, (_, index) => `"13.03.2024 09:00:00","${answer(index)}","Поиск","Сайт, Магазин","${index === badIndex ? '11' : index % 11}"`));
    const quotes = async () => (await testApp.dataSource.query('SELECT count(*)::int AS n FROM quotes WHERE survey_id = $1', [survey.id]))[0].n as number;

    it('should write nothing and name the row when a problem is found after thousands of rows were copied', async () => {
      const [responsesBefore, quotesBefore] = [await responses(), await quotes()];
      const imported = await upload(bigCsv(ROWS - 5), 'big-broken.csv');
      const result = await run(imported, { dryRun: false });
      expect(result.job.status).toBe('failed');
      // Header on line 1, two rows of the fixture, then the generated rows from line 4.
      expect(result.result.report).toMatchObject({ rows: ROWS + 2, imported: 0, problemCount: 1 });
      expect(result.result.report?.problems).toEqual([{ row: ROWS - 5 + 4, column: 'Насколько вероятно, что вы порекомендуете нас друзьям?', reason: '"11" is not a whole number from 0 to 10' }]);
      expect([await responses(), await quotes()]).toEqual([responsesBefore, quotesBefore]);
    });

    it('should import every row, with its open answer as a quote, when the file is read back in slices', async () => {
      const [responsesBefore, quotesBefore] = [await responses(), await quotes()];
      const imported = await upload(bigCsv(null), 'big.csv');
      expect(imported.fileSize).toBeGreaterThan(2 * 1024 * 1024);
      const result = await run(imported, { dryRun: false });
      expect(result.result.report).toMatchObject({ rows: ROWS + 2, imported: ROWS + 2, problemCount: 0 });
      expect([await responses(), await quotes()]).toEqual([responsesBefore + ROWS + 2, quotesBefore + ROWS + 2]);
      const stored = await testApp.dataSource.query(
        `SELECT r.answers->>'job' AS job, q.text FROM survey_responses r JOIN quotes q ON q.response_id = r.id WHERE r.import_batch_id = $1 AND r.respondent_key LIKE '%-' || $2`,
        [imported.id, String(ROWS - 1 + 4)],
      );
      expect(stored).toEqual([{ job: answer(ROWS - 1), text: answer(ROWS - 1) }]);
    });
  });

  it('should keep tabs, line breaks, backslashes and quotes of an open answer exactly', async () => {
    const text = 'Первая строка\nвторая\tс табуляцией, путь C:\\Users\\Аня и «кавычки» ""внутри""';
    const imported = await upload(googleFormsCsv([`"14.03.2024 09:00:00","${text}","Поиск","Сайт","7"`]), 'escapes.csv');
    const result = await run(imported, { dryRun: false });
    expect(result.result.report).toMatchObject({ imported: 3, problemCount: 0 });
    const expected = text.replace(/""/g, '"');
    const stored = await testApp.dataSource.query(
      `SELECT r.answers->>'job' AS job, q.text, q.end_offset FROM survey_responses r JOIN quotes q ON q.response_id = r.id WHERE r.import_batch_id = $1 AND r.answers->>'nps' = '7'`,
      [imported.id],
    );
    expect(stored).toEqual([{ job: expected, text: expected, end_offset: expected.length }]);
  });

  it('should import an XLSX export', async () => {
    const imported = await upload(await googleFormsXlsx(), 'answers.xlsx');
    expect(imported.columns.map((column) => column.title)[1]).toBe('Что вы хотели сделать, когда зашли в магазин?');
    const result = await run(imported, { dryRun: false });
    expect(result.result.report).toMatchObject({ rows: 2, imported: 2 });
  });

  it('should answer 400 naming the mapping entry when two columns point to one question', async () => {
    const imported = await upload(googleFormsCsv(), 'google-forms-2.csv');
    const response = await owner
      .post(imports(`/${imported.id}/run`), {
        mapping: [
          { column: 1, question: 'job' },
          { column: 2, question: 'job' },
        ],
        dryRun: true,
      })
      .expect(400);
    expect(response.body.details).toEqual([{ field: 'mapping[1].question', message: 'two columns point to question "job"' }]);
  });

  it.each([
    ['no file', null, 'file'],
    ['a PDF', { content: Buffer.from('%PDF-1.4'), name: 'report.pdf' }, 'file'],
    ['an empty CSV', { content: Buffer.alloc(0), name: 'empty.csv' }, 'file'],
    ['binary content named .csv', { content: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), name: 'random.csv' }, 'file'],
    ['a CSV with an unclosed quote', { content: Buffer.from('a,b\n"1,2\n3,4\n'), name: 'unclosed.csv' }, 'file'],
  ])('should answer 400 naming the file and store nothing when the upload is %s', async (_label, file, field) => {
    const before = (await testApp.dataSource.query('SELECT count(*)::int AS n FROM survey_imports'))[0].n;
    const request = owner.post(imports());
    const response = await (file ? request.attach('file', file.content, file.name) : request.field('note', 'x')).expect(400);
    expect(response.body.details[0].field).toBe(field);
    expect((await testApp.dataSource.query('SELECT count(*)::int AS n FROM survey_imports'))[0].n).toBe(before);
  });

  it('should answer 400 naming the file when an XLSX is a zip bomb', async () => {
    const bomb = await zipBomb('xl/worksheets/sheet1.xml');
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await owner.post(imports()).attach('file', bomb, 'bomb.xlsx').expect(400);
    expect(response.body.details[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/expands to more than 100 MB/) });
  });

  it('should answer 413 when the file is over the size limit', async () => {
    const response = await owner.post(imports()).attach('file', Buffer.alloc(51 * 1024 * 1024, 'a'), 'huge.csv');
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413 });
  });

  it('should not let a strategist import', async () => {
    const strategist = await memberWithRole(owner, projectId, 'strategist');
    await strategist.post(imports()).attach('file', Buffer.from(googleFormsCsv()), 'g.csv').expect(403);
    await strategist.get(imports()).expect(200);
  });
});
