import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, createEnvironmentInjector, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aFinishedRun, aPage, aSynthesisRun, anApiError } from '../../testing/factories';
import { SYNTHESIS_POLL_MS, SynthesisRunStore } from './synthesis-run-store';

const runsUrl = '/api/projects/project-1/synthesis/runs';
const POLL_MS = 1000;

describe('SynthesisRunStore', () => {
  let store: SynthesisRunStore;
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        SynthesisRunStore,
        { provide: SYNTHESIS_POLL_MS, useValue: POLL_MS },
      ],
    });
    store = TestBed.inject(SynthesisRunStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  function open(runs: ReturnType<typeof aSynthesisRun>[]): void {
    store.open('project-1');
    const request = http.expectOne((candidate) => candidate.url === runsUrl);
    expect(request.request.params.get('sort')).toBe('createdAt');
    expect(request.request.params.get('order')).toBe('desc');
    request.flush(aPage(runs));
  }

  /** One poll tick: the timer fires and the run's GET is answered. */
  function tick(run: ReturnType<typeof aSynthesisRun>): void {
    jest.advanceTimersByTime(POLL_MS);
    http.expectOne(`${runsUrl}/${run.id}`).flush(run);
  }

  it('should poll a running run, show its progress, and stop polling once it has finished', () => {
    open([aSynthesisRun({ id: 'run-2', status: 'running', phase: 'clustering', progress: 0.3 }), aFinishedRun({ id: 'run-1' })]);
    expect(store.active()).toBe(true);
    expect(store.progress()).toBe(30);
    expect(store.reviewedRunId()).toBe('run-1');

    tick(aSynthesisRun({ id: 'run-2', status: 'running', phase: 'touchpoints', progress: 0.8 }));
    expect(store.progress()).toBe(80);
    expect(store.latest()?.phase).toBe('touchpoints');

    tick(aFinishedRun({ id: 'run-2' }));
    expect(store.active()).toBe(false);
    expect(store.progress()).toBe(100);
    expect(store.reviewedRunId()).toBe('run-2');
    expect(store.isPolling()).toBe(false);

    jest.advanceTimersByTime(POLL_MS * 5);
    http.expectNone(`${runsUrl}/run-2`);
  });

  it('should not poll when the latest run has already finished', () => {
    open([aFinishedRun()]);

    jest.advanceTimersByTime(POLL_MS * 3);
    http.expectNone(`${runsUrl}/run-1`);
    expect(store.isPolling()).toBe(false);
  });

  it('should start a run with the options and follow it until it fails', async () => {
    open([]);
    expect(store.latest()).toBeNull();

    const starting = store.start({ k: 5 });
    const request = http.expectOne({ method: 'POST', url: runsUrl });
    expect(request.request.body).toEqual({ k: 5 });
    request.flush(aSynthesisRun({ id: 'run-9', params: { k: 5 } }), { status: 202, statusText: 'Accepted' });
    const result = await starting;

    expect(result.ok).toBe(true);
    expect(store.latest()?.id).toBe('run-9');
    expect(store.active()).toBe(true);

    tick(aSynthesisRun({ id: 'run-9', status: 'failed', phase: 'failed', error: 'engine crashed' }));
    expect(store.active()).toBe(false);
    expect(store.reviewedRun()).toBeNull();
    jest.advanceTimersByTime(POLL_MS * 3);
    http.expectNone(`${runsUrl}/run-9`);
  });

  it('should show the run already in progress when starting is refused with 409', async () => {
    open([aFinishedRun()]);

    const starting = store.start({});
    http
      .expectOne({ method: 'POST', url: runsUrl })
      .flush(anApiError({ statusCode: 409, error: 'Conflict', message: 'A run is already in progress' }), {
        status: 409,
        statusText: 'Conflict',
      });
    const result = await starting;

    expect(result.ok).toBe(false);
    http.expectOne((candidate) => candidate.url === runsUrl).flush(aPage([aSynthesisRun({ id: 'run-2', status: 'running' }), aFinishedRun()]));
    expect(store.latest()?.id).toBe('run-2');
    expect(store.active()).toBe(true);
    tick(aFinishedRun({ id: 'run-2' }));
  });

  it('should keep the 422 message when the project has no quotes and start no polling', async () => {
    open([]);

    const starting = store.start({});
    http
      .expectOne({ method: 'POST', url: runsUrl })
      .flush(anApiError({ statusCode: 422, error: 'Unprocessable Entity', message: 'The project has no quotes' }), {
        status: 422,
        statusText: 'Unprocessable Entity',
      });
    const result = await starting;

    expect(result.ok ? null : result.error.message).toBe('The project has no quotes');
    expect(store.latest()).toBeNull();
    jest.advanceTimersByTime(POLL_MS * 3);
  });

  it('should stop polling when the run is cancelled', async () => {
    open([aSynthesisRun({ id: 'run-2', status: 'running', progress: 0.5 })]);

    const cancelling = store.cancel();
    http.expectOne({ method: 'POST', url: `${runsUrl}/run-2/cancel` }).flush(aSynthesisRun({ id: 'run-2', status: 'cancelled', phase: 'cancelled' }));
    await cancelling;

    expect(store.latest()?.status).toBe('cancelled');
    jest.advanceTimersByTime(POLL_MS * 3);
    http.expectNone(`${runsUrl}/run-2`);
  });

  it('should follow a retried run again', async () => {
    open([aSynthesisRun({ id: 'run-2', status: 'failed', phase: 'failed' })]);

    const retrying = store.retry();
    http.expectOne({ method: 'POST', url: `${runsUrl}/run-2/retry` }).flush(aSynthesisRun({ id: 'run-2', status: 'queued', attempts: 1 }));
    await retrying;

    expect(store.active()).toBe(true);
    tick(aFinishedRun({ id: 'run-2' }));
    expect(store.reviewedRunId()).toBe('run-2');
  });

  it('should stop polling when the screen is left', () => {
    const screen = createEnvironmentInjector([SynthesisRunStore], TestBed.inject(EnvironmentInjector));
    store = screen.get(SynthesisRunStore);
    open([aSynthesisRun({ id: 'run-2', status: 'running' })]);
    tick(aSynthesisRun({ id: 'run-2', status: 'running', progress: 0.4 }));

    screen.destroy();
    jest.advanceTimersByTime(POLL_MS * 3);
    http.expectNone(`${runsUrl}/run-2`);
  });
});
