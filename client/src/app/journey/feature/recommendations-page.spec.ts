import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ProjectRole, RecommendationResponse } from '@tropa/contracts';
import { of } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aMapFinding, aPage, aProject, aRecommendation, aWorkingMap } from '../../testing/factories';
import { RecommendationsPage } from './recommendations-page';

const projectUrl = '/api/projects/project-1';
const mapUrl = `${projectUrl}/map`;
const recommendationsUrl = `${mapUrl}/recommendations`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const map = aWorkingMap(['Awareness', 'Consideration', 'Purchase'], {
  findings: [
    aMapFinding({ id: 'queue', stageId: 'stage-2', lane: 'pains', text: 'Long queue at the till' }),
    aMapFinding({ id: 'menu', stageId: 'stage-2', lane: 'thoughts', text: '"The menu is confusing"' }),
    aMapFinding({ id: 'ads', stageId: 'stage-1', lane: 'touchpoints', text: 'Instagram ads' }),
  ],
});

const urgent = aRecommendation({
  id: 'rec-1',
  text: 'Open a second till at rush hour',
  findingIds: ['queue'],
  stageId: 'stage-2',
  kpi: 'C',
  expectedEffect: '+5 % conversion',
  impact: 5,
  effort: 2,
  priority: 7.5,
  ownerDepartment: 'Operations',
  status: 'planned',
});
const minor = aRecommendation({ id: 'rec-2', text: '<b>Rewrite</b> the menu', priority: 1.2 });

describe('RecommendationsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RecommendationsPage>;

  async function render(role: ProjectRole, items: RecommendationResponse[] = [urgent, minor]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(true) }) } },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(RecommendationsPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    await fixture.whenStable();
    const list = http.expectOne((request) => request.url === recommendationsUrl && request.method === 'GET');
    expect(list.request.params.get('sort')).toBe('priority');
    expect(list.request.params.get('order')).toBe('desc');
    list.flush(aPage(items));
    http.expectOne((request) => request.url === mapUrl && request.method === 'GET').flush(map);
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

  async function openSelect(root: HTMLElement, testId: string): Promise<HTMLElement[]> {
    (root.querySelector(`[data-testid="${testId}"] .mat-mdc-select-trigger`) as HTMLElement).click();
    await stable();
    return Array.from(document.querySelectorAll('mat-option'));
  }

  async function choose(root: HTMLElement, testId: string, option: string): Promise<void> {
    const options = await openSelect(root, testId);
    (options.find((candidate) => candidate.textContent?.trim() === option) as HTMLElement).click();
    await stable();
  }

  function type(root: HTMLElement, testId: string, value: string): void {
    const input = find(root, testId) as HTMLInputElement | HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should list recommendations in the server order with their findings, target, scores and priority', async () => {
    const root = await render('moderator');

    const rows = findAll(root, 'recommendation-row');
    expect(rows.map((row) => text(row, 'recommendation-row-text'))).toEqual(['Open a second till at rush hour', '<b>Rewrite</b> the menu']);
    expect(rows[1].querySelector('b')).toBeNull();
    expect(text(rows[0], 'recommendation-row-finding')).toBe('Long queue at the till');
    expect(text(rows[0], 'recommendation-row-target')).toBe('Consideration · C — conversion');
    expect(text(rows[0], 'recommendation-row-effect')).toBe('+5 % conversion');
    expect(text(rows[0], 'recommendation-row-scores')).toBe('5 / 2');
    expect(text(rows[0], 'recommendation-row-owner')).toBe('Operations');
    expect(text(rows[0], 'recommendation-row-status')).toBe('Planned');
    expect(text(rows[0], 'recommendation-priority')).toBe('High · 7.5');
    expect(text(rows[1], 'recommendation-priority')).toBe('Low · 1.2');
    expect(find(rows[1], 'recommendation-row-no-findings')).not.toBeNull();
  });

  it('should offer findings grouped by stage and lane with their text', async () => {
    const root = await render('strategist');
    find(root, 'recommendation-new')!.click();
    await stable();

    await openSelect(root, 'recommendation-findings');

    const groups = Array.from(document.querySelectorAll('mat-optgroup')).map((group) => group.querySelector('.mat-mdc-optgroup-label')?.textContent?.trim());
    expect(groups).toEqual(['Awareness · Touchpoints', 'Consideration · Thoughts', 'Consideration · Pains']);
  });

  it('should create a recommendation targeting conversion at a stage and read the list again', async () => {
    const root = await render('strategist');
    find(root, 'recommendation-new')!.click();
    await stable();

    type(root, 'recommendation-text', '  Open a second till  ');
    const options = await openSelect(root, 'recommendation-findings');
    (options.find((option) => option.textContent?.trim() === 'Long queue at the till') as HTMLElement).click();
    await stable();
    (document.querySelector('.cdk-overlay-backdrop') as HTMLElement | null)?.click();
    await stable();
    await choose(root, 'recommendation-stage', 'Consideration');
    await choose(root, 'recommendation-kpi', 'C — conversion');
    type(root, 'recommendation-effect', '+5 % conversion');
    type(root, 'recommendation-impact', '4');
    type(root, 'recommendation-effort', '2');
    (find(root, 'recommendation-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await stable();

    const post = http.expectOne({ method: 'POST', url: recommendationsUrl });
    expect(post.request.body).toEqual({
      text: 'Open a second till',
      findingIds: ['queue'],
      stageId: 'stage-2',
      kpi: 'C',
      expectedEffect: '+5 % conversion',
      impact: 4,
      effort: 2,
      status: 'proposed',
    });
    post.flush(aRecommendation({ id: 'rec-3', text: 'Open a second till', priority: 4 }));
    await stable();
    http.expectOne((request) => request.url === recommendationsUrl && request.method === 'GET').flush(aPage([urgent, aRecommendation({ id: 'rec-3', text: 'Open a second till', priority: 4 }), minor]));
    await stable();

    expect(find(root, 'recommendation-form')).toBeNull();
    expect(findAll(root, 'recommendation-row')).toHaveLength(3);
  });

  it('should target the stage of the first linked finding when no stage is chosen', async () => {
    const root = await render('strategist');
    find(root, 'recommendation-new')!.click();
    await stable();

    type(root, 'recommendation-text', 'Simplify the menu');
    const options = await openSelect(root, 'recommendation-findings');
    (options.find((option) => option.textContent?.trim() === '"The menu is confusing"') as HTMLElement).click();
    await stable();
    (find(root, 'recommendation-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await stable();

    const post = http.expectOne({ method: 'POST', url: recommendationsUrl });
    expect(post.request.body).toMatchObject({ findingIds: ['menu'], stageId: 'stage-2', kpi: null });
    post.flush(aRecommendation({ id: 'rec-3' }));
    await stable();
    http.expectOne((request) => request.url === recommendationsUrl && request.method === 'GET').flush(aPage([urgent, minor]));
    await stable();
  });

  it('should show the server error by the text field when it is refused', async () => {
    const root = await render('researcher');
    find(root, 'recommendation-new')!.click();
    await stable();
    type(root, 'recommendation-text', 'x');
    (find(root, 'recommendation-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await stable();

    http
      .expectOne({ method: 'POST', url: recommendationsUrl })
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'Invalid request', details: [{ field: 'text', message: 'text is too short' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await stable();

    expect(text(root, 'recommendation-error-text')).toBe('text is too short');
    expect(find(root, 'recommendation-form')).not.toBeNull();
  });

  it('should save an edited status with the rest unchanged', async () => {
    const root = await render('owner');
    find(findAll(root, 'recommendation-row')[0], 'recommendation-edit')!.click();
    await stable();

    await choose(root, 'recommendation-status', 'Done');
    (find(root, 'recommendation-form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await stable();

    const patch = http.expectOne({ method: 'PATCH', url: `${recommendationsUrl}/rec-1` });
    expect(patch.request.body).toMatchObject({ text: 'Open a second till at rush hour', findingIds: ['queue'], stageId: 'stage-2', kpi: 'C', ownerDepartment: 'Operations', status: 'done' });
    patch.flush({ ...urgent, status: 'done' });
    await stable();
    http.expectOne((request) => request.url === recommendationsUrl && request.method === 'GET').flush(aPage([{ ...urgent, status: 'done' as const }, minor]));
    await stable();

    expect(text(findAll(root, 'recommendation-row')[0], 'recommendation-row-status')).toBe('Done');
  });

  it('should delete a recommendation after confirmation', async () => {
    const root = await render('strategist');

    find(findAll(root, 'recommendation-row')[1], 'recommendation-delete')!.click();
    await stable();
    http.expectOne({ method: 'DELETE', url: `${recommendationsUrl}/rec-2` }).flush(null);
    await stable();

    expect(findAll(root, 'recommendation-row').map((row) => row.getAttribute('data-recommendation-id'))).toEqual(['rec-1']);
  });

  it('should offer no create, edit or delete when the role is moderator', async () => {
    const root = await render('moderator');

    expect(find(root, 'recommendation-new')).toBeNull();
    expect(find(root, 'recommendation-edit')).toBeNull();
    expect(find(root, 'recommendation-delete')).toBeNull();
    expect(find(root, 'recommendations-read-only')).not.toBeNull();
  });
});
