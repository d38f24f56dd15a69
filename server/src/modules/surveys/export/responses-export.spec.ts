import { finished } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createTestApp, type TestApp } from '../../../../test/create-test-app';
import { sixQuestionSurvey } from '../../../../test/factories/survey.factory';
import { firstUser } from '../../../../test/factories/user.factory';
import { ResponsesExportService } from './responses-export.service';

const RESPONSES = 5000;

/** A download that takes one chunk every `delayMs`, remembering the most it kept waiting. */
class SlowReader extends Writable {
  readonly chunks: Buffer[] = [];
  mostWaiting = 0;
  writesAfterLeaving = 0;

  constructor(
    private readonly delayMs: number,
    private readonly leaveAfter = Infinity,
  ) {
    super({ highWaterMark: 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.mostWaiting = Math.max(this.mostWaiting, this.writableLength);
    this.chunks.push(chunk);
    if (this.chunks.length >= this.leaveAfter) {
      this.destroy();
      return;
    }
    setTimeout(done, this.delayMs);
  }

  override write(chunk: unknown, encoding?: BufferEncoding | ((error: Error | null | undefined) => void), done?: (error: Error | null | undefined) => void): boolean {
    if (this.destroyed) this.writesAfterLeaving += 1;
    return typeof encoding === 'function' ? super.write(chunk, encoding) : super.write(chunk, encoding ?? 'utf8', done);
  }

  get largestChunk(): number {
    return Math.max(...this.chunks.map((chunk) => chunk.length));
  }
}

/** Exports of a survey with 5,000 responses to readers slower than the database. */
describe('responses export', () => {
  let testApp: TestApp;
  let exports: ResponsesExportService;
  let projectId: string;
  let surveyId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    const owner = await firstUser(testApp);
    projectId = (await owner.createProject()).id;
    surveyId = (await owner.post(`/api/projects/${projectId}/surveys`, { title: 'Покупатели', definition: sixQuestionSurvey() }).expect(201)).body.id;
    await testApp.dataSource.query(
      `INSERT INTO survey_responses (survey_id, project_id, respondent_key, source, answers, completed, submitted_at)
       SELECT $1, $2, 'slow-' || n, 'link', jsonb_build_object('job', repeat('Хотела быстро найти свой крем ', 6) || n, 'nps', n % 11), true, now() - n * interval '1 second'
         FROM generate_series(1, $3::int) AS n`,
      [surveyId, projectId, RESPONSES],
    );
    exports = testApp.app.get(ResponsesExportService);
  });
  afterAll(() => testApp.close());

  it('should hold about one batch for a slow download, not the whole export, and still send every row', async () => {
    const reader = new SlowReader(150);
    const target = await exports.prepare(projectId, surveyId, 'csv');
    await target.write(reader);
    await finished(reader);

    const lines = Buffer.concat(reader.chunks).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(RESPONSES + 1);
    // Without waiting for the reader, every batch piled up behind the first: about 4 batches waiting.
    expect(reader.mostWaiting).toBeLessThan(2 * reader.largestChunk);
  });

  it('should stop reading responses when the download goes away', async () => {
    const reader = new SlowReader(30, 2);
    const target = await exports.prepare(projectId, surveyId, 'csv');
    await target.write(reader);

    expect(reader.destroyed).toBe(true);
    expect(reader.chunks).toHaveLength(2);
    expect(reader.writesAfterLeaving).toBe(0);
  });
});
