import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aJob, anApiError, anImport } from '../../testing/factories';
import { IMPORT_POLL_MS, ImportStore } from './import-store';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));
const importsUrl = '/api/projects/project-1/surveys/survey-1/imports';

describe('ImportStore', () => {
  let store: ImportStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        ImportStore,
        { provide: IMPORT_POLL_MS, useValue: 1 },
      ],
    });
    store = TestBed.inject(ImportStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1', 'survey-1');
  });

  afterEach(() => http.verify());

  /** The request to `url` once the store has sent it: its poll timer fires late on a loaded machine. */
  async function sent(url: string): Promise<TestRequest> {
    for (let waited = 0; waited < 2000; waited += 5) {
      const [request] = http.match(url);
      if (request) return request;
      await settle();
    }
    return http.expectOne(url);
  }

  async function upload(overrides: Parameters<typeof anImport>[0] = {}): Promise<void> {
    const uploading = store.upload(new File(['a,b'], 'answers.csv', { type: 'text/csv' }));
    const request = http.expectOne({ method: 'POST', url: importsUrl });
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.flush(anImport(overrides), { status: 201, statusText: 'Created' });
    await uploading;
  }

  it('should preselect the suggested mapping after the upload', async () => {
    await upload();

    expect(store.step()).toBe('mapping');
    expect(store.targets()).toEqual([
      { question: '', choice: '' },
      { question: 'heard', choice: '' },
      { question: 'channels', choice: 'Website' },
    ]);
    expect(store.submittedAtColumn()).toBe(0);
    expect(store.mappedCount()).toBe(2);
  });

  it('should send a dry run with the edited mapping, follow the job and show the row problems', async () => {
    await upload();
    store.setTarget(1, { question: '', choice: '' });
    store.setRespondentColumn(1);

    const checking = store.check();
    const run = http.expectOne({ method: 'POST', url: `${importsUrl}/import-1/run` });
    expect(run.request.body).toEqual({
      mapping: [{ column: 2, question: 'channels', choice: 'Website' }],
      respondentColumn: 1,
      submittedAtColumn: 0,
      dryRun: true,
    });
    run.flush({ import: anImport({ status: 'validating', jobId: 'job-1' }), job: aJob() }, { status: 202, statusText: 'Accepted' });
    expect(store.activity()).toBe('checking');

    (await sent('/api/projects/project-1/jobs/job-1')).flush(aJob({ status: 'running', progress: 0.5 }));
    expect(store.progress()).toBe(50);
    (await sent('/api/projects/project-1/jobs/job-1')).flush(aJob({ status: 'succeeded', progress: 1 }));
    const report = { dryRun: true, rows: 3, valid: 2, imported: 0, problems: [{ row: 3, column: 'Channels [Website]', reason: 'not a choice' }], problemCount: 1 };
    (await sent(`${importsUrl}/import-1`)).flush(anImport({ status: 'validated', report }));
    await checking;

    expect(store.activity()).toBe('idle');
    expect(store.step()).toBe('mapping');
    expect(store.report()?.problems).toEqual([{ row: 3, column: 'Channels [Website]', reason: 'not a choice' }]);
  });

  it('should import a file seen before only when asked to, and end on the result', async () => {
    await upload({ duplicateOf: 'import-0' });
    expect(store.isDuplicate()).toBe(true);

    const importing = store.importNow(true);
    const run = http.expectOne({ method: 'POST', url: `${importsUrl}/import-1/run` });
    expect(run.request.body).toMatchObject({ dryRun: false, allowDuplicate: true });
    run.flush({ import: anImport(), job: aJob({ status: 'succeeded', progress: 1 }) }, { status: 202, statusText: 'Accepted' });
    const report = { dryRun: false, rows: 3, valid: 3, imported: 3, problems: [], problemCount: 0 };
    (await sent(`${importsUrl}/import-1`)).flush(anImport({ status: 'completed', report }));
    await importing;

    expect(store.step()).toBe('done');
    expect(store.report()?.imported).toBe(3);
  });

  it('should keep the error when the file is too large (413)', async () => {
    const uploading = store.upload(new File(['x'], 'big.csv'));
    http
      .expectOne({ method: 'POST', url: importsUrl })
      .flush(anApiError({ statusCode: 413, error: 'Payload Too Large', message: 'File too large' }), { status: 413, statusText: 'Payload Too Large' });
    await uploading;

    expect(store.step()).toBe('upload');
    expect(store.error()?.statusCode).toBe(413);
  });
});
