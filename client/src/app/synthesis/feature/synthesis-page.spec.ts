import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClusterResponse, ProjectRole, SynthesisRunResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aCluster, aFinishedRun, aPage, aProject, aSynthesisRun, anApiError, someStages } from '../../testing/factories';
import { SYNTHESIS_POLL_MS } from '../data-access/synthesis-run-store';
import { SynthesisPage } from './synthesis-page';

const projectUrl = '/api/projects/project-1';
const runsUrl = `${projectUrl}/synthesis/runs`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('SynthesisPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SynthesisPage>;

  async function render(role: ProjectRole, runs: SynthesisRunResponse[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        { provide: SYNTHESIS_POLL_MS, useValue: 1 },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(SynthesisPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    await fixture.whenStable();
    http.expectOne((request) => request.url === runsUrl).flush(aPage(runs));
    http.expectOne((request) => request.url === `${projectUrl}/stages`).flush(aPage(someStages(['Discover', 'Buy'])));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function flushClusters(runId: string, clusters: ClusterResponse[]): Promise<void> {
    const request = http.expectOne((candidate) => candidate.url === `${runsUrl}/${runId}/clusters`);
    expect(request.request.params.get('kind')).toBe('job');
    request.flush(aPage(clusters));
    await fixture.whenStable();
  }

  async function flushRun(run: SynthesisRunResponse): Promise<void> {
    await settle();
    http.expectOne(`${runsUrl}/${run.id}`).flush(run);
    await fixture.whenStable();
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const text = (root: HTMLElement, testId: string): string => find(root, testId)?.textContent?.trim() ?? '';
  async function click(root: HTMLElement, testId: string): Promise<void> {
    find(root, testId)!.click();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should start a run, show its progress up to 100 % and then the clusters it found', async () => {
    const root = await render('owner', []);
    expect(find(root, 'synthesis-empty')).not.toBeNull();

    await click(root, 'synthesis-start');
    const start = http.expectOne({ method: 'POST', url: runsUrl });
    expect(start.request.body).toEqual({});
    start.flush(aSynthesisRun({ id: 'run-1' }), { status: 202, statusText: 'Accepted' });
    await settle();
    await fixture.whenStable();

    expect(text(root, 'synthesis-progress-percent')).toBe('0%');
    expect(find(root, 'synthesis-start')).toBeNull();
    expect(find(root, 'synthesis-cancel')).not.toBeNull();

    await flushRun(aSynthesisRun({ id: 'run-1', status: 'running', phase: 'clustering', progress: 0.5 }));
    expect(text(root, 'synthesis-progress-percent')).toBe('50%');
    expect(text(root, 'synthesis-phase')).toBe('Clustering');

    await flushRun(aFinishedRun({ id: 'run-1' }));
    expect(text(root, 'synthesis-progress-percent')).toBe('100%');
    expect(find(root, 'synthesis-progress')?.getAttribute('data-progress')).toBe('100');
    expect(text(root, 'synthesis-count-jobs')).toBe('3');
    await flushClusters('run-1', [aCluster({ label: 'Skip the queue' })]);

    const card = find(root, 'cluster-card');
    expect(card?.getAttribute('data-cluster-kind')).toBe('job');
    expect(text(root, 'cluster-label')).toBe('Skip the queue');
    expect(find(root, 'synthesis-start')?.textContent?.trim()).toBe('Run again');
  });

  it('should show the server’s message when the project has no quotes', async () => {
    const root = await render('researcher', []);

    await click(root, 'synthesis-start');
    http
      .expectOne({ method: 'POST', url: runsUrl })
      .flush(anApiError({ statusCode: 422, error: 'Unprocessable Entity', message: 'The project has no quotes to synthesise' }), {
        status: 422,
        statusText: 'Unprocessable Entity',
      });
    await settle();
    await fixture.whenStable();

    expect(text(root, 'error-banner')).toContain('The project has no quotes to synthesise');
    expect(find(root, 'synthesis-run')).toBeNull();
  });

  it('should rename, restate and accept a job cluster', async () => {
    const root = await render('owner', [aFinishedRun({ changes: { new: 1, grown: 0, shrunk: 0, same: 2, gone: 1 } })]);
    await flushClusters('run-1', [aCluster()]);
    expect(text(root, 'synthesis-change-new')).toBe('New: 1');
    expect(text(root, 'synthesis-change-gone')).toBe('Gone: 1');

    await click(root, 'cluster-rename');
    const input = find(root, 'cluster-label-input') as HTMLInputElement;
    input.value = 'Order ahead';
    input.dispatchEvent(new Event('input'));
    await click(root, 'cluster-label-save');
    const patch = http.expectOne({ method: 'PATCH', url: `${projectUrl}/synthesis/clusters/cluster-1` });
    expect(patch.request.body).toEqual({ label: 'Order ahead' });
    patch.flush(aCluster({ label: 'Order ahead', edited: true }));
    await settle();
    await fixture.whenStable();
    expect(text(root, 'cluster-label')).toBe('Order ahead');

    await click(root, 'cluster-statement-edit');
    const statement = find(root, 'cluster-statement-input') as HTMLTextAreaElement;
    statement.value = 'When I rush to work, I want my coffee ready, so I can be on time.';
    statement.dispatchEvent(new Event('input'));
    await click(root, 'cluster-statement-save');
    const restate = http.expectOne({ method: 'PATCH', url: `${projectUrl}/synthesis/clusters/cluster-1` });
    expect(restate.request.body).toEqual({ statement: 'When I rush to work, I want my coffee ready, so I can be on time.' });
    restate.flush(aCluster({ label: 'Order ahead', statement: 'When I rush to work, I want my coffee ready, so I can be on time.', edited: true }));
    await settle();
    await fixture.whenStable();
    expect(text(root, 'cluster-statement')).toBe('When I rush to work, I want my coffee ready, so I can be on time.');

    await click(root, 'cluster-accept');
    http
      .expectOne({ method: 'POST', url: `${projectUrl}/synthesis/clusters/cluster-1/accept` })
      .flush(aCluster({ label: 'Order ahead', status: 'accepted', jobId: 'job-1', edited: true }));
    await settle();
    await fixture.whenStable();

    expect(text(root, 'cluster-status')).toBe('Accepted');
    expect(find(root, 'cluster-in-jobs')).not.toBeNull();
    expect(find(root, 'cluster-accept')).toBeNull();
  });

  it('should enable merging once two cards are ticked', async () => {
    const root = await render('owner', [aFinishedRun()]);
    await flushClusters('run-1', [aCluster({ id: 'cluster-1' }), aCluster({ id: 'cluster-2' })]);
    const merge = find(root, 'cluster-merge') as HTMLButtonElement;
    expect(merge.disabled).toBe(true);

    const boxes = root.querySelectorAll<HTMLInputElement>('[data-testid="cluster-select"] input');
    boxes[0].click();
    boxes[1].click();
    await fixture.whenStable();

    expect(merge.disabled).toBe(false);
    expect(merge.textContent?.trim()).toBe('Merge 2 selected');
  });

  it('should let a strategist review the clusters but not start a run', async () => {
    const root = await render('strategist', [aFinishedRun()]);
    await flushClusters('run-1', [aCluster()]);

    expect(text(root, 'synthesis-read-only')).toContain('you review its clusters');
    expect(find(root, 'cluster-card')).not.toBeNull();
    expect(find(root, 'synthesis-start')).toBeNull();
    expect(find(root, 'cluster-accept')).not.toBeNull();
    expect(find(root, 'cluster-rename')).not.toBeNull();
  });

  it('should show results but no run or review controls when the role is moderator', async () => {
    const root = await render('moderator', [aFinishedRun()]);
    await flushClusters('run-1', [aCluster()]);

    expect(text(root, 'synthesis-read-only')).toContain('You can read the results');
    expect(find(root, 'cluster-card')).not.toBeNull();
    expect(find(root, 'synthesis-start')).toBeNull();
    expect(find(root, 'cluster-accept')).toBeNull();
    expect(find(root, 'cluster-rename')).toBeNull();
    expect(find(root, 'cluster-select')).toBeNull();
    expect(find(root, 'cluster-merge')).toBeNull();
  });

  it('should keep reviewing the last successful run while a new run is in progress', async () => {
    const root = await render('owner', [aSynthesisRun({ id: 'run-2', status: 'running', progress: 0.25 }), aFinishedRun({ id: 'run-1' })]);
    await flushClusters('run-1', [aCluster()]);

    expect(text(root, 'synthesis-progress-percent')).toBe('25%');
    expect(find(root, 'synthesis-reviewing-older')).not.toBeNull();
    expect(find(root, 'synthesis-board')?.getAttribute('data-run-id')).toBe('run-1');

    await flushRun(aFinishedRun({ id: 'run-2' }));
    await flushClusters('run-2', [aCluster({ id: 'cluster-9', runId: 'run-2', change: 'grown' })]);
    expect(find(root, 'synthesis-board')?.getAttribute('data-run-id')).toBe('run-2');
    expect(text(root, 'cluster-change')).toBe('Grown');
  });
});
