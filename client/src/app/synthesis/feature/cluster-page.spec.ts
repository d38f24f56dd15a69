import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProjectRole } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aCluster, aClusterQuote, aPage, aProject, someStages } from '../../testing/factories';
import { ClusterPage } from './cluster-page';

const projectUrl = '/api/projects/project-1';
const base = `${projectUrl}/synthesis`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('ClusterPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ClusterPage>;

  const quotes = [
    aClusterQuote({ quoteId: 'q1', text: 'I order in the app', stageId: 'stage-2' }),
    aClusterQuote({
      quoteId: 'q2',
      text: 'Queues are too long',
      sourceType: 'survey_answer',
      sessionId: null,
      utteranceId: null,
      surveyId: 'survey-1',
      responseId: 'response-4',
      representative: false,
      score: null,
    }),
  ];

  async function render(role: ProjectRole): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProjectStore],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(ClusterPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('clusterId', 'cluster-1');
    await fixture.whenStable();
    http.expectOne(`${base}/clusters/cluster-1`).flush(aCluster({ size: 2 }));
    http.expectOne((request) => request.url === `${base}/clusters/cluster-1/quotes`).flush(aPage(quotes));
    http.expectOne((request) => request.url === `${projectUrl}/stages`).flush(aPage(someStages(['Discover', 'Order'])));
    http
      .expectOne((request) => request.url === `${base}/runs/run-1/clusters`)
      .flush(
        aPage([
          aCluster({ id: 'cluster-1' }),
          aCluster({ id: 'cluster-2', label: 'Loyalty' }),
          aCluster({ id: 'cluster-3', label: 'Dropped', status: 'discarded' }),
        ]),
      );
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function refreshAfterChange(): Promise<void> {
    await settle();
    http.expectOne(`${base}/clusters/cluster-1`).flush(aCluster({ size: 1 }));
    http.expectOne((request) => request.url === `${base}/clusters/cluster-1/quotes`).flush(aPage([quotes[1]]));
    http.expectOne((request) => request.url === `${base}/runs/run-1/clusters`).flush(aPage([aCluster({ id: 'cluster-2', label: 'Loyalty' })]));
    await fixture.whenStable();
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const all = (root: HTMLElement, testId: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should list the quotes with links to their transcript position and survey response', async () => {
    const root = await render('researcher');

    expect(all(root, 'cluster-quote-text').map((element) => element.textContent?.trim())).toEqual(['“I order in the app”', '“Queues are too long”']);
    const links = all(root, 'cluster-quote-context').map((link) => link.getAttribute('href'));
    expect(links).toEqual([
      '/projects/project-1/sessions/session-1?utterance=utterance-3',
      '/projects/project-1/surveys/survey-1/responses?response=response-4',
    ]);
    expect(find(root, 'cluster-quote')?.textContent).toContain('Order');
  });

  it('should split the ticked quotes into a new named cluster and say so', async () => {
    const root = await render('owner');

    root.querySelector<HTMLInputElement>('[data-testid="cluster-quote-select"] input')!.click();
    await fixture.whenStable();
    expect(find(root, 'cluster-selected-count')?.textContent?.trim()).toBe('Selected: 1');
    const label = find(root, 'cluster-split-label') as HTMLInputElement;
    label.value = 'App orders';
    label.dispatchEvent(new Event('input'));
    find(root, 'cluster-split')!.click();
    await fixture.whenStable();

    const split = http.expectOne({ method: 'POST', url: `${base}/clusters/cluster-1/split` });
    expect(split.request.body).toEqual({ quoteIds: ['q1'], label: 'App orders' });
    split.flush(aCluster({ id: 'cluster-4', label: 'App orders', size: 1 }));
    await refreshAfterChange();

    expect(find(root, 'cluster-notice')?.textContent).toContain('New cluster “App orders” created.');
    expect(find(root, 'cluster-notice-open')?.getAttribute('href')).toBe('/projects/project-1/synthesis/clusters/cluster-4');
    expect(all(root, 'cluster-quote')).toHaveLength(1);
  });

  it('should move the ticked quotes only to open clusters of the run', async () => {
    const root = await render('owner');
    const select = find(root, 'cluster-move-target') as HTMLSelectElement;
    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual(['', 'Loyalty · Job']);

    root.querySelectorAll<HTMLInputElement>('[data-testid="cluster-quote-select"] input')[1].click();
    select.value = 'cluster-2';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    find(root, 'cluster-move')!.click();
    await fixture.whenStable();

    const move = http.expectOne({ method: 'POST', url: `${base}/clusters/cluster-1/move` });
    expect(move.request.body).toEqual({ quoteIds: ['q2'], toClusterId: 'cluster-2' });
    move.flush({ moved: 1 });
    await refreshAfterChange();

    expect(find(root, 'cluster-notice')?.textContent).toContain('Quotes moved: 1.');
  });

  it('should offer no tick boxes, split or move when the role is moderator', async () => {
    const root = await render('moderator');

    expect(all(root, 'cluster-quote')).toHaveLength(2);
    expect(find(root, 'cluster-quote-select')).toBeNull();
    expect(find(root, 'cluster-tools')).toBeNull();
    expect(find(root, 'cluster-accept')).toBeNull();
  });
});
