import { readFileSync } from 'node:fs';
import { MAX_CODEBOOK_BYTES } from '../src/modules/codebook/codebook-exchange.service';
import { MAX_EVENTS_BYTES } from '../src/modules/journey/journey-metrics.service';
import { MAX_TRANSCRIPT_BYTES } from '../src/modules/sessions/transcript-import.service';
import { MAX_IMPORT_BYTES } from '../src/modules/surveys/import/survey-imports.service';
import type { ApiClient } from './api-client';
import { createTestApp, type TestApp } from './create-test-app';
import { bentButValidTranscripts, type FileKind, type MalformedFile, malformedCorpus, oversized, SECRET_PATH } from './factories/malformed-files';
import { importableSurvey } from './factories/survey-files';
import { firstUser } from './factories/user.factory';

/**
 * The malformed-files corpus sent to every upload endpoint that takes its kind: each
 * answer is a 4xx naming the file, within 5 s; the server still answers its health
 * check; and no row of the tables an upload writes has appeared.
 */
const TABLES = ['survey_imports', 'survey_responses', 'utterances', 'participants', 'tags', 'customer_events', 'customer_funnels', 'stage_metrics'];
/**
 * Accepted by design: a survey export's short rows are padded with empty cells (Google
 * Sheets drops trailing empty cells); the rows are judged when the import runs.
 */
const TOLERATED: Array<[endpoint: string, fileName: string]> = [['survey import upload', 'ragged.csv']];
/** The bound on a refusal; generous for a shared CI machine, far under a hang. */
const ANSWER_WITHIN_MS = 5_000;

interface Endpoint {
  name: string;
  kinds: FileKind[];
  limit: number;
  path: () => string;
  fields?: Record<string, string>;
}

describe('malformed files', () => {
  let testApp: TestApp;
  let owner: ApiClient;
  let projectId: string;
  let surveyId: string;
  let sessionId: string;
  let corpus: MalformedFile[];
  let sent = 0;
  const secret = (() => {
    try {
      return readFileSync(SECRET_PATH, 'utf8').trim();
    } catch {
      return '';
    }
  })();

  const api = (path: string) => `/api/projects/${projectId}${path}`;
  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number])));

  const endpoints: Endpoint[] = [
    { name: 'survey import upload', kinds: ['csv', 'xlsx', 'txt'], limit: MAX_IMPORT_BYTES, path: () => api(`/surveys/${surveyId}/imports`) },
    { name: 'transcript preview', kinds: ['vtt', 'srt', 'docx', 'txt'], limit: MAX_TRANSCRIPT_BYTES, path: () => api(`/sessions/${sessionId}/transcript/preview`) },
    {
      name: 'transcript commit',
      kinds: ['vtt', 'srt', 'docx', 'txt'],
      limit: MAX_TRANSCRIPT_BYTES,
      path: () => api(`/sessions/${sessionId}/transcript`),
      fields: { plan: JSON.stringify({ speakers: [], redactions: [], names: [] }) },
    },
    { name: 'codebook import', kinds: ['csv', 'qdc'], limit: MAX_CODEBOOK_BYTES, path: () => api('/tags/import') },
    { name: 'events import', kinds: ['csv', 'xlsx'], limit: MAX_EVENTS_BYTES, path: () => api('/metrics/events') },
  ];

  async function send(endpoint: Endpoint, file: MalformedFile): Promise<{ status: number; text: string; ms: number }> {
    const started = Date.now();
    let request = owner.post(endpoint.path());
    for (const [name, value] of Object.entries(endpoint.fields ?? {})) request = request.field(name, value);
    const response = await request.attach('file', file.content, file.fileName);
    return { status: response.status, text: response.text, ms: Date.now() - started };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    surveyId = (await owner.post(api('/surveys'), { title: 'Опрос', definition: importableSurvey() }).expect(201)).body.id;
    sessionId = (await owner.post(api('/sessions'), { kind: 'interview', title: 'Интервью' }).expect(201)).body.id;
    corpus = await malformedCorpus();
  }, 120_000);
  afterAll(() => testApp.close());

  it.each([
    ['survey import upload'],
    ['transcript preview'],
    ['transcript commit'],
    ['codebook import'],
    ['events import'],
  ])('should refuse every malformed file at the %s quickly, stay up and store nothing', async (name) => {
    const endpoint = endpoints.find((e) => e.name === name)!;
    const files = [
      ...corpus.filter((file) => endpoint.kinds.includes(file.kind) && !TOLERATED.some(([e, f]) => e === endpoint.name && f === file.fileName)),
      oversized(endpoint.limit, `big.${endpoint.kinds[0]}`),
    ];
    sent += files.length;
    const before = await counts();
    const answers: Array<{ file: string; status: number; fast: boolean; leaks: boolean }> = [];
    for (const file of files) {
      const answer = await send(endpoint, file);
      answers.push({ file: `${file.name} (${file.fileName})`, status: answer.status, fast: answer.ms < ANSWER_WITHIN_MS, leaks: secret.length > 0 && answer.text.includes(secret) });
      if (answer.status < 500) expect(answer.text).not.toMatch(/\bat \S+ \(.*:\d+:\d+\)/);
    }
    const refused = (status: number, file: string) => (file.startsWith(`${endpoint.limit + 1} bytes`) ? status === 413 : status >= 400 && status < 500);
    expect(answers.filter((a) => !refused(a.status, a.file) || !a.fast || a.leaks)).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(4);
    await owner.get('/api/health').expect(200);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('should have sent the whole corpus', () => {
    expect(sent).toBe(endpoints.reduce((sum, e) => sum + corpus.filter((f) => e.kinds.includes(f.kind)).length + 1, 0) - TOLERATED.length);
  });

  it('should pad the short rows of a ragged survey export and keep the upload for mapping', async () => {
    const ragged = corpus.find((file) => file.fileName === 'ragged.csv')!;
    const before = await counts();
    const upload = await owner.post(api(`/surveys/${surveyId}/imports`)).attach('file', ragged.content, ragged.fileName).expect(201);
    expect(upload.body.columns.map((c: { title: string }) => c.title)).toEqual(['customer_id', 'stage', 'timestamp']);
    expect(await counts()).toEqual({ ...before, survey_imports: before.survey_imports + 1 });
  });

  it('should store bent but valid transcripts as plain text, with no markup', async () => {
    for (const file of bentButValidTranscripts()) {
      const session = (await owner.post(api('/sessions'), { kind: 'interview', title: file.name }).expect(201)).body.id as string;
      const started = Date.now();
      await owner.post(api(`/sessions/${session}/transcript`)).field('plan', JSON.stringify({ speakers: [], redactions: [], names: [] })).attach('file', file.content, file.fileName).expect(201);
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      const utterances = (await owner.get(api(`/sessions/${session}/utterances`)).expect(200)).body.items as Array<{ text: string; startMs: number; endMs: number }>;
      expect(utterances.length).toBeGreaterThan(0);
      expect(utterances.every((u) => !/[<>]/.test(u.text) && u.text.length > 0 && u.endMs >= u.startMs)).toBe(true);
    }
    await owner.get('/api/health').expect(200);
  }, 60_000);
});
