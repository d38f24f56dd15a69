import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { JourneyMapResponse, ProjectRole } from '@tropa/contracts';
import { of } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aFunnelResponse, aFunnelStage, aPage, aProject, aStageMetric, aWorkingMap } from '../../testing/factories';
import { WHAT_IF_DEBOUNCE_MS } from '../kpis/data-access/kpis-store';
import { KpisPage } from './kpis-page';

const projectUrl = '/api/projects/project-1';
const mapUrl = `${projectUrl}/map`;
const metricsUrl = `${projectUrl}/metrics`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function funnelMap(): JourneyMapResponse {
  return aWorkingMap(['Awareness', 'Consideration', 'Purchase'], {
    funnel: aFunnelResponse({
      stages: [
        aFunnelStage({ stageId: 'stage-1', leads: 1000, conversion: 0.4, source: 'events' }),
        aFunnelStage({ stageId: 'stage-2', leads: 400, conversion: 0.25, source: 'events' }),
        aFunnelStage({ stageId: 'stage-3', leads: 100, averageCheck: 50, purchasesPerCustomer: 2, source: 'manual' }),
      ],
      largestDropStageId: 'stage-2',
      revenue: 10000,
      handoffs: [{ from: 'tp-site', to: 'tp-store', customers: 120, lost: 30 }],
    }),
    touchpoints: {
      cells: [
        { touchpointId: 'tp-site', name: 'Website', stageId: 'stage-1', mentions: 3, meanSentiment: 0 },
        { touchpointId: 'tp-store', name: 'Store', stageId: 'stage-3', mentions: 2, meanSentiment: 1 },
      ],
      missing: [],
      silent: [],
    },
  });
}

describe('KpisPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<KpisPage>;

  async function render(role: ProjectRole, map: JourneyMapResponse = funnelMap(), personaId?: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        // ngx-charts declares @angular/animations triggers.
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        { provide: WHAT_IF_DEBOUNCE_MS, useValue: 0 },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(true) }) } },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(KpisPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    if (personaId) fixture.componentRef.setInput('personaId', personaId);
    await fixture.whenStable();
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(map);
    http.expectOne((request) => request.url === metricsUrl && request.method === 'GET').flush(aPage([aStageMetric({ value: 1000 })]));
    await stable();
    return fixture.nativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  const find = (root: ParentNode, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const findAll = (root: ParentNode, testId: string): HTMLElement[] => Array.from(root.querySelectorAll(`[data-testid="${testId}"]`));
  const text = (root: ParentNode, testId: string): string => find(root, testId)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function choose(root: HTMLElement, testId: string, option: string): Promise<void> {
    (root.querySelector(`[data-testid="${testId}"] .mat-mdc-select-trigger`) as HTMLElement).click();
    await stable();
    const match = Array.from(document.querySelectorAll('mat-option')).find((candidate) => candidate.textContent?.trim() === option) as HTMLElement;
    match.click();
    await stable();
  }

  function type(root: HTMLElement, testId: string, value: string): void {
    const input = find(root, testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should show the funnel with its largest drop and L, C, P, Q per stage with their source', async () => {
    const root = await render('strategist');

    expect(find(root, 'funnel-chart')).not.toBeNull();
    expect(find(root, 'largest-drop')?.getAttribute('data-stage-id')).toBe('stage-2');
    expect(text(root, 'largest-drop')).toBe('Largest drop: Consideration → Purchase, conversion 25 %, 300 lost');
    const rows = findAll(root, 'kpi-row');
    expect(rows.map((row) => row.getAttribute('data-stage-id'))).toEqual(['stage-1', 'stage-2', 'stage-3']);
    expect(text(rows[0], 'kpi-leads')).toBe('1,000');
    expect(text(rows[1], 'kpi-conversion')).toBe('25 %');
    expect(text(rows[2], 'kpi-check')).toBe('50');
    expect(text(rows[2], 'kpi-frequency')).toBe('2');
    expect(text(rows[0], 'kpi-source')).toBe('Events');
    expect(text(rows[2], 'kpi-source')).toBe('Manual');
  });

  it('should show the revenue with its factors and the channel hand-offs by touchpoint name', async () => {
    const root = await render('moderator');

    expect(text(root, 'revenue-current')).toBe('10,000');
    expect(text(root, 'revenue-factor-L')).toBe('L1,000');
    expect(text(root, 'revenue-factor-C')).toBe('C10 %');
    const handoff = findAll(root, 'handoff-row')[0];
    expect(text(handoff, 'handoff-from')).toBe('Website');
    expect(text(handoff, 'handoff-to')).toBe('Store');
    expect(text(handoff, 'handoff-customers')).toBe('120');
    expect(text(handoff, 'handoff-lost')).toBe('30');
  });

  it('should ask the server for the new revenue when a what-if slider moves and show the change', async () => {
    const root = await render('strategist', funnelMap(), 'persona-1');
    const slider = root.querySelector('[data-testid="whatif-slider"][data-stage-id="stage-2"]') as HTMLInputElement;
    expect(slider.value).toBe('25');

    slider.value = '35';
    slider.dispatchEvent(new Event('input'));
    await stable();

    const request = http.expectOne({ method: 'POST', url: `${mapUrl}/what-if` });
    expect(request.request.body).toEqual({ personaId: 'persona-1', stageId: 'stage-2', conversion: 0.35 });
    request.flush({ revenue: 10000, newRevenue: 14000, delta: 4000 });
    await stable();

    expect(text(root, 'revenue-new')).toBe('14,000');
    expect(text(root, 'revenue-delta')).toBe('+10 % conversion at Consideration → +4,000 revenue');
  });

  it('should save a stage metric typed by hand and read the funnel again', async () => {
    const root = await render('researcher');

    await choose(root, 'metric-stage', 'Consideration');
    type(root, 'metric-period', '2026-02-01');
    await choose(root, 'metric-kpi', 'C — conversion');
    type(root, 'metric-value', '0.3');
    (find(root, 'metric-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await stable();

    const put = http.expectOne({ method: 'PUT', url: metricsUrl });
    expect(put.request.body).toEqual({ stageId: 'stage-2', periodStart: '2026-02-01', kpi: 'C', value: 0.3 });
    put.flush(aStageMetric({ id: 'metric-2', stageId: 'stage-2', kpi: 'C', value: 0.3 }));
    await stable();

    http.expectOne((request) => request.url === metricsUrl && request.method === 'GET').flush(aPage([aStageMetric(), aStageMetric({ id: 'metric-2', kpi: 'C', value: 0.3 })]));
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(funnelMap());
    await stable();

    expect(findAll(root, 'metric-row')).toHaveLength(2);
  });

  it('should show the server error by the value field when the value is refused', async () => {
    const root = await render('owner');

    await choose(root, 'metric-stage', 'Awareness');
    type(root, 'metric-period', '2026-02-01');
    await choose(root, 'metric-kpi', 'C — conversion');
    type(root, 'metric-value', '1.5');
    (find(root, 'metric-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await stable();

    http
      .expectOne({ method: 'PUT', url: metricsUrl })
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'Invalid request', details: [{ field: 'value', message: 'A conversion cannot be above 1' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await stable();

    expect(text(root, 'metric-error-value')).toBe('A conversion cannot be above 1');
  });

  it('should delete a stage metric after confirmation', async () => {
    const root = await render('strategist');

    find(root, 'metric-delete')!.click();
    await stable();
    http.expectOne({ method: 'DELETE', url: `${metricsUrl}/metric-1` }).flush(null);
    await stable();
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(funnelMap());
    await stable();

    expect(findAll(root, 'metric-row')).toHaveLength(0);
  });

  it('should show the count imported from an events file', async () => {
    const root = await render('strategist');
    const input = find(root, 'events-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['customer,stage,timestamp\n'], 'events.csv', { type: 'text/csv' })] });

    input.dispatchEvent(new Event('change'));
    await stable();
    const upload = http.expectOne({ method: 'POST', url: `${metricsUrl}/events` });
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({ rows: 12, imported: 12, problems: [] });
    await stable();
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(funnelMap());
    http.expectOne((request) => request.url === metricsUrl && request.method === 'GET').flush(aPage([]));
    await stable();

    expect(text(root, 'events-result')).toBe('Imported 12 of 12 rows.');
    expect(findAll(root, 'events-problem')).toHaveLength(0);
  });

  it('should list the rows at fault when the server refuses the events file', async () => {
    const root = await render('strategist');
    const input = find(root, 'events-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'events.csv', { type: 'text/csv' })] });

    input.dispatchEvent(new Event('change'));
    await stable();
    http.expectOne({ method: 'POST', url: `${metricsUrl}/events` }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The events file has 2 problems; nothing was imported',
        details: [
          { field: 'stage', message: 'Unknown stage "Checkout"', line: 3 },
          { field: 'line 5: timestamp', message: 'Not a date' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();

    const problems = findAll(root, 'events-problem');
    expect(problems.map((row) => [text(row, 'events-problem-line'), text(row, 'events-problem-field'), text(row, 'events-problem-message')])).toEqual([
      ['3', 'stage', 'Unknown stage "Checkout"'],
      ['5', 'timestamp', 'Not a date'],
    ]);
    expect(text(root, 'events-refused')).toBe('The events file has 2 problems; nothing was imported');
    expect(find(root, 'events-result')).toBeNull();
  });

  it('should hide hand entry, delete and upload when the role is moderator', async () => {
    const root = await render('moderator');

    expect(find(root, 'metric-form')).toBeNull();
    expect(find(root, 'metric-delete')).toBeNull();
    expect(find(root, 'events-file')).toBeNull();
    expect(findAll(root, 'whatif-slider')).toHaveLength(2);
  });
});
