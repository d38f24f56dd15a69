import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { JourneyMapResponse, ProjectRole } from '@tropa/contracts';
import { AuthStore } from '../../auth/data-access/auth-store';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import {
  aFindingComment,
  aFunnelResponse,
  aFunnelStage,
  aMapFinding,
  aMapNote,
  aPage,
  aPersona,
  aProject,
  aUser,
  aWorkingMap,
  anEmotionPoint,
  anEvidenceQuote,
} from '../../testing/factories';
import { MapImage } from '../data-access/map-image';
import { COLLAPSED_LANES_KEY } from '../model/journey-grid';
import { JourneyMapPage } from './journey-map-page';

const projectUrl = '/api/projects/project-1';
const base = `${projectUrl}/map`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function fixtureMap(overrides: Partial<JourneyMapResponse> = {}): JourneyMapResponse {
  return aWorkingMap(['Awareness', 'Purchase'], {
    findings: [
      aMapFinding({
        id: 'pain-queue',
        text: 'Long queue at the till',
        score: 5,
        strength: { quotes: 6, participants: 4, sources: 3, sessions: 2, surveys: 1, level: 'strong' },
        isNew: true,
      }),
      aMapFinding({ id: 'pain-parking', text: 'No parking', score: 2 }),
      aMapFinding({ id: 'job-coffee', lane: 'jobs', stageId: 'stage-2', text: 'Get coffee on the way', status: 'accepted' }),
      aMapFinding({ id: 'gain-old', lane: 'gains', stageId: 'stage-2', text: 'Free refills', status: 'rejected', rejectReason: 'Only one shop' }),
    ],
    notes: [aMapNote({ id: 'note-mine', stageId: 'stage-2', lane: 'jobs', text: 'Ask the barista team' })],
    emotions: [anEmotionPoint({ stageId: 'stage-1', mean: -0.5, n: 12 }), anEmotionPoint({ stageId: 'stage-2', mean: 1.2, low: 0.8, high: 1.6, n: 9 })],
    funnel: aFunnelResponse({
      stages: [aFunnelStage({ stageId: 'stage-1', leads: 200, conversion: 0.25, averageCheck: 4.5, purchasesPerCustomer: 2 }), aFunnelStage({ stageId: 'stage-2', leads: 50 })],
      largestDropStageId: 'stage-1',
    }),
    touchpoints: {
      cells: [{ touchpointId: 'tp-app', name: 'App', stageId: 'stage-2', mentions: 4, meanSentiment: -1 }],
      missing: [{ name: 'Chat bot', mentions: 3, quoteIds: ['q1', 'q2'] }],
      silent: [{ touchpointId: 'tp-radio', name: 'Radio ads' }],
    },
    ...overrides,
  });
}

describe('JourneyMapPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<JourneyMapPage>;
  const image = { download: jest.fn<Promise<void>, [HTMLElement, string]>() };

  async function render(role: ProjectRole, options: { version?: string; map?: JourneyMapResponse } = {}): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        { provide: AuthStore, useValue: { user: signal(aUser({ id: 'user-1' })) } },
        { provide: MapImage, useValue: image },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(JourneyMapPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    if (options.version) fixture.componentRef.setInput('version', options.version);
    await fixture.whenStable();
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([aPersona({ id: 'persona-1', name: 'Busy parent' })]));
    const mapUrl = options.version ? `${base}/versions/${options.version}` : base;
    http.expectOne((request) => request.url === mapUrl).flush(options.map ?? fixtureMap());
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const find = (root: HTMLElement, selector: string): HTMLElement | null => root.querySelector<HTMLElement>(selector);
  const all = (root: HTMLElement, selector: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(selector));
  const byTestId = (root: HTMLElement, testId: string): HTMLElement | null => find(root, `[data-testid="${testId}"]`);
  const cell = (root: HTMLElement, lane: string, stageId: string): HTMLElement =>
    find(root, `[data-testid="journey-cell"][data-lane="${lane}"][data-stage-id="${stageId}"]`)!;

  beforeEach(() => {
    localStorage.clear();
    image.download.mockReset();
    image.download.mockResolvedValue(undefined);
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should show stages as columns and lanes as rows with each finding in its cell, pains ranked', async () => {
    const root = await render('strategist');

    expect(all(root, '[data-testid="journey-stage"]').map((stage) => [stage.dataset['stageId'], stage.textContent?.trim()])).toEqual([
      ['stage-1', '1 Awareness'],
      ['stage-2', '2 Purchase'],
    ]);
    expect(all(root, '[data-testid="journey-lane"]').map((lane) => lane.dataset['lane'])).toEqual([
      'jobs',
      'actions',
      'decisions',
      'touchpoints',
      'thoughts',
      'emotions',
      'pains',
      'gains',
      'opportunities',
      'kpis',
    ]);
    const pains = all(cell(root, 'pains', 'stage-1'), '[data-testid="finding-card"]');
    expect(pains.map((card) => [card.dataset['findingId'], card.dataset['strength'], card.dataset['status']])).toEqual([
      ['pain-queue', 'strong', 'proposed'],
      ['pain-parking', 'weak', 'proposed'],
    ]);
    expect(pains[0].textContent).toContain('Rank 1');
    expect(pains[0].textContent).toContain('6 quotes · 4 people · 3 sources');
    expect(byTestId(pains[0], 'finding-new')?.textContent?.trim()).toBe('New');
    expect(byTestId(pains[1], 'finding-strength')?.textContent).toContain('Weak');
    expect(byTestId(cell(root, 'jobs', 'stage-2'), 'map-note')?.textContent).toContain('Note');
  });

  it('should show the KPIs per stage with the largest drop and the emotion per stage with n', async () => {
    const root = await render('strategist');

    const kpis = cell(root, 'kpis', 'stage-1');
    expect(byTestId(kpis, 'kpi-leads')?.textContent?.trim()).toBe('L: 200');
    expect(byTestId(kpis, 'kpi-conversion')?.textContent?.trim()).toBe('to next: 25 %');
    expect(byTestId(kpis, 'largest-drop')).not.toBeNull();
    expect(byTestId(cell(root, 'kpis', 'stage-2'), 'largest-drop')).toBeNull();
    const emotion = cell(root, 'emotions', 'stage-2');
    expect(byTestId(emotion, 'emotion-mean')?.textContent?.trim()).toBe('+1.2');
    expect(emotion.textContent).toContain('[+0.8; +1.6]');
    expect(emotion.textContent).toContain('n = 9');
    expect(byTestId(root, 'emotion-chart')).not.toBeNull();
    expect(all(root, '[data-testid="emotion-point-sources"]')[0].textContent).toContain('tags 4 · survey 0 · inferred 8');
  });

  it('should show touchpoint gaps: the heatmap, missing touchpoints with evidence and silent ones', async () => {
    const root = await render('strategist');

    const heat = find(root, '[data-testid="touchpoint-heat-cell"][data-stage-id="stage-2"]');
    expect(heat?.textContent?.trim()).toBe('4');
    expect(byTestId(root, 'touchpoint-missing')?.textContent).toContain('Chat bot');
    expect(byTestId(root, 'touchpoint-missing')?.textContent).toContain('3 mentions · 2 quotes');
    expect(byTestId(root, 'touchpoint-silent')?.textContent?.trim()).toBe('Radio ads');
  });

  it('should show a rejected finding with its reason and hide it on request', async () => {
    const root = await render('strategist');
    const rejected = find(root, '[data-finding-id="gain-old"]');
    expect(rejected?.dataset['status']).toBe('rejected');
    expect(rejected?.textContent).toContain('Rejected: Only one shop');

    find(root, '[data-testid="journey-hide-rejected"] button')!.click();
    await fixture.whenStable();

    expect(find(root, '[data-finding-id="gain-old"]')).toBeNull();
  });

  it('should reload the map for the persona chosen', async () => {
    const root = await render('strategist');
    const select = byTestId(root, 'journey-persona') as HTMLSelectElement;
    expect(Array.from(select.options).map((option) => option.textContent?.trim())).toEqual(['All customers', 'Busy parent']);

    select.value = 'persona-1';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    const request = http.expectOne((req) => req.url === base);
    expect(request.request.params.get('personaId')).toBe('persona-1');
    request.flush(fixtureMap({ personaId: 'persona-1', findings: [aMapFinding({ id: 'parent-pain', text: 'No space for a pram' })] }));
    await fixture.whenStable();
    expect(all(root, '[data-testid="finding-card"]').map((card) => card.dataset['findingId'])).toEqual(['parent-pain']);
    expect(byTestId(root, 'export-md')?.getAttribute('href')).toBe(`${base}/export?personaId=persona-1&format=md`);
  });

  it('should open the evidence of a pain point, then reject it with a reason', async () => {
    const root = await render('strategist');

    find(root, '[data-finding-id="pain-queue"] button.open')!.click();
    await fixture.whenStable();
    http.expectOne((request) => request.url === `${base}/findings/pain-queue/evidence`).flush(aPage([anEvidenceQuote(), anEvidenceQuote({ quoteId: 'quote-2', text: 'Twenty minutes in line' })]));
    http.expectOne((request) => request.url === `${base}/findings/pain-queue/comments`).flush(aPage([aFindingComment()]));
    await fixture.whenStable();

    const drawer = byTestId(root, 'evidence-drawer')!;
    expect(byTestId(drawer, 'drawer-finding-text')?.textContent?.trim()).toBe('Long queue at the till');
    expect(all(drawer, '[data-testid="evidence-quote-text"]').map((quote) => quote.textContent?.trim())).toEqual([
      '“The queue at the till took forever”',
      '“Twenty minutes in line”',
    ]);

    byTestId(drawer, 'finding-reject')!.click();
    await fixture.whenStable();
    const reason = byTestId(drawer, 'finding-reject-reason') as HTMLTextAreaElement;
    reason.value = 'Fixed last month';
    reason.dispatchEvent(new Event('input'));
    byTestId(drawer, 'finding-reject-confirm')!.click();
    await fixture.whenStable();

    const review = http.expectOne({ method: 'POST', url: `${base}/findings/pain-queue/review` });
    expect(review.request.body).toEqual({ decision: 'reject', reason: 'Fixed last month' });
    review.flush(aMapFinding({ id: 'pain-queue', text: 'Long queue at the till', score: 5, status: 'rejected', rejectReason: 'Fixed last month' }));
    await settle();
    await fixture.whenStable();

    const card = find(root, '[data-testid="finding-card"][data-finding-id="pain-queue"]')!;
    expect(card.dataset['status']).toBe('rejected');
    expect(card.textContent).toContain('Rejected: Fixed last month');
  });

  it('should re-assemble the map and show when it was assembled', async () => {
    const root = await render('researcher');
    expect(byTestId(root, 'journey-assembled-at')?.textContent).toContain('Jan 3, 2026');

    byTestId(root, 'journey-assemble')!.click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: `${base}/assemble` }).flush(fixtureMap({ assembledAt: '2026-02-10T12:00:00.000Z' }));
    await settle();
    await fixture.whenStable();

    expect(byTestId(root, 'journey-assembled-at')?.textContent).toContain('Feb 10, 2026');
    expect(byTestId(root, 'journey-notice')?.textContent).toContain('Re-assembled');
  });

  it('should link every export and draw the PNG from the grid', async () => {
    const root = await render('strategist');

    expect(['csv', 'md', 'json', 'pdf'].map((format) => byTestId(root, `export-${format}`)?.getAttribute('href'))).toEqual([
      `${base}/export?format=csv`,
      `${base}/export?format=md`,
      `${base}/export?format=json`,
      `${base}/export?format=pdf`,
    ]);
    byTestId(root, 'export-png')!.click();
    await fixture.whenStable();

    expect(image.download).toHaveBeenCalledWith(byTestId(root, 'journey-grid'), 'journey-map.png');
  });

  it('should add a note on a cell, labelled as a note', async () => {
    const root = await render('strategist');

    byTestId(cell(root, 'pains', 'stage-2'), 'cell-add-note')!.click();
    await fixture.whenStable();
    const text = byTestId(root, 'note-text') as HTMLTextAreaElement;
    text.value = 'Compare with the competitor';
    text.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    byTestId(root, 'note-add')!.click();
    await fixture.whenStable();

    const request = http.expectOne({ method: 'POST', url: `${base}/notes` });
    expect(request.request.body).toEqual({ stageId: 'stage-2', lane: 'pains', text: 'Compare with the competitor' });
    request.flush(aMapNote({ id: 'note-2', stageId: 'stage-2', lane: 'pains', text: 'Compare with the competitor' }));
    await settle();
    await fixture.whenStable();

    const note = byTestId(cell(root, 'pains', 'stage-2'), 'map-note')!;
    expect(note.textContent).toContain('Note');
    expect(note.textContent).toContain('Compare with the competitor');
  });

  it('should collapse a lane and remember it', async () => {
    const root = await render('strategist');

    byTestId(find(root, '[data-testid="journey-lane"][data-lane="pains"]')!, 'journey-lane-toggle')!.click();
    await fixture.whenStable();

    expect(all(cell(root, 'pains', 'stage-1'), '[data-testid="finding-card"]')).toHaveLength(0);
    expect(cell(root, 'pains', 'stage-1').textContent).toContain('2 findings');
    expect(JSON.parse(localStorage.getItem(COLLAPSED_LANES_KEY) ?? '[]')).toEqual(['pains']);
  });

  it('should let a moderator read but not assemble, review or write notes', async () => {
    const root = await render('moderator');

    expect(byTestId(root, 'journey-assemble')).toBeNull();
    expect(byTestId(root, 'cell-add-note')).toBeNull();
    find(root, '[data-finding-id="pain-queue"] button.open')!.click();
    await fixture.whenStable();
    http.expectOne((request) => request.url === `${base}/findings/pain-queue/evidence`).flush(aPage([anEvidenceQuote()]));
    http.expectOne((request) => request.url === `${base}/findings/pain-queue/comments`).flush(aPage([]));
    await fixture.whenStable();

    expect(byTestId(root, 'evidence-quote')).not.toBeNull();
    expect(byTestId(root, 'finding-accept')).toBeNull();
    expect(byTestId(root, 'comment-text')).toBeNull();
  });

  it('should show a published version read-only with a banner', async () => {
    const root = await render('owner', {
      version: 'version-1',
      map: fixtureMap({ latestVersion: { id: 'version-1', number: 3, publishedAt: '2026-01-05T10:00:00.000Z' } }),
    });

    expect(byTestId(root, 'journey-version-banner')?.textContent).toContain('Published version 3');
    expect(byTestId(root, 'journey-assemble')).toBeNull();
    expect(byTestId(root, 'cell-add-note')).toBeNull();
    expect(byTestId(root, 'export-csv')?.getAttribute('href')).toBe(`${base}/export?versionId=version-1&format=csv`);
  });

  it('should hide the editing controls in presentation mode and leave it on Escape', async () => {
    const root = await render('owner');

    byTestId(root, 'journey-present')!.click();
    await fixture.whenStable();
    expect(byTestId(root, 'journey-toolbar')).toBeNull();
    expect(byTestId(root, 'cell-add-note')).toBeNull();
    expect(byTestId(root, 'journey-grid')).not.toBeNull();

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await fixture.whenStable();
    expect(byTestId(root, 'journey-toolbar')).not.toBeNull();
  });
});
