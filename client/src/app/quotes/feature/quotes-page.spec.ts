import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MemberResponse, ProjectRole, QuoteResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aPage, aProject, aQuote, aTag } from '../../testing/factories';
import { QuotesPage } from './quotes-page';

const projectUrl = '/api/projects/project-1';
const quotesUrl = `${projectUrl}/quotes`;
const settle = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const anna: MemberResponse = { userId: 'user-anna', email: 'anna@example.com', displayName: 'Anna', role: 'moderator', joinedAt: '2026-01-01T00:00:00.000Z' };
const transcriptQuote = aQuote({
  id: 'quote-1',
  text: 'доставка долгая',
  sessionId: 'session-1',
  utteranceId: 'utterance-4',
  sourceTitle: 'Утренняя группа',
  speaker: 'У1',
  sentiment: -1,
  tags: [
    { tagId: 'pain', appliedBy: 'user-anna' },
    { tagId: 'pain', appliedBy: 'user-gone' },
  ],
});
const surveyQuote = aQuote({
  id: 'quote-2',
  sourceType: 'survey_answer',
  text: 'Найти крем',
  sessionId: null,
  utteranceId: null,
  surveyId: 'survey-1',
  responseId: 'response-1',
  questionName: 'job',
  sourceTitle: 'Покупатели',
  speaker: null,
});

describe('QuotesPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<QuotesPage>;

  async function render(role: ProjectRole, quotes: QuoteResponse[] = [transcriptQuote, surveyQuote], tagId?: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProjectStore],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    fixture = TestBed.createComponent(QuotesPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    if (tagId) fixture.componentRef.setInput('tagId', tagId);
    await fixture.whenStable();
    const list = http.expectOne((request) => request.url === quotesUrl);
    expect(list.request.params.get('tagId')).toBe(tagId ?? null);
    list.flush(aPage(quotes, { total: quotes.length === 0 ? 0 : 60 }));
    http.expectOne((request) => request.url === `${projectUrl}/tags`).flush(aPage([aTag({ id: 'pain', name: 'Pain', color: '#dc2626' })], { pageSize: 100 }));
    http.expectOne((request) => request.url === `${projectUrl}/stages`).flush(aPage([]));
    http.expectOne((request) => request.url === `${projectUrl}/sessions`).flush(aPage([]));
    http.expectOne((request) => request.url === `${projectUrl}/members`).flush(aPage([anna]));
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([{ id: 'persona-1', name: 'Из соцсетей' } as never]));
    await stable();
    return fixture.nativeElement as HTMLElement;
  }

  async function stable(ms = 0): Promise<void> {
    await settle(ms);
    await fixture.whenStable();
  }

  const find = (root: ParentNode, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const findAll = (root: ParentNode, testId: string): HTMLElement[] => Array.from(root.querySelectorAll(`[data-testid="${testId}"]`));
  async function choose(root: ParentNode, testId: string, option: string): Promise<void> {
    (root.querySelector(`[data-testid="${testId}"] .mat-mdc-select-trigger`) as HTMLElement).click();
    await stable();
    const match = Array.from(document.querySelectorAll('mat-option')).find((candidate) => candidate.textContent?.trim() === option) as HTMLElement;
    match.click();
    await stable();
  }
  const checkbox = (root: ParentNode, testId: string): HTMLInputElement => root.querySelector(`[data-testid="${testId}"] input`) as HTMLInputElement;

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should show each quote with its source, speaker, tags with their coders, sentiment and a link to its place', async () => {
    const root = await render('strategist');

    const [first, second] = findAll(root, 'quote-row');
    expect(find(first, 'quote-text')?.textContent).toBe('доставка долгая');
    expect(find(first, 'quote-source-title')?.textContent).toBe('Утренняя группа');
    expect(find(first, 'quote-speaker')?.textContent).toBe('У1');
    expect(find(first, 'quote-tag')?.textContent).toContain('Pain');
    expect(find(first, 'quote-tag-coders')?.textContent?.trim()).toBe('applied by Anna, a former member');
    expect(find(first, 'quote-sentiment')?.textContent?.trim()).toBe('−1 negative');
    expect(find(first, 'quote-open')?.getAttribute('href')).toBe('/projects/project-1/sessions/session-1?utterance=utterance-4');
    expect(find(second, 'quote-source-title')?.textContent).toBe('Покупатели');
    expect(find(second, 'quote-speaker')).toBeNull();
    expect(find(second, 'quote-open')?.getAttribute('href')).toBe('/projects/project-1/surveys/survey-1/responses?response=response-1');
    expect(find(root, 'quote-paginator')).not.toBeNull();
  });

  it('should offer no selection or bulk tagging when the role is strategist', async () => {
    const root = await render('strategist');

    expect(find(root, 'quote-select')).toBeNull();
    expect(find(root, 'quote-bulk-bar')).toBeNull();
  });

  it('should send the search after a pause and start again at page 1', async () => {
    const root = await render('moderator');
    const search = find(root, 'quote-search') as HTMLInputElement;
    search.value = 'доставкой';
    search.dispatchEvent(new Event('input'));
    http.expectNone((request) => request.url === quotesUrl);
    await stable(350);

    const request = http.expectOne((candidate) => candidate.url === quotesUrl);
    expect(request.request.params.get('q')).toBe('доставкой');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(aPage([transcriptQuote]));
    await stable();

    expect(findAll(root, 'quote-row')).toHaveLength(1);
  });

  it('should send the persona filter and clear it again', async () => {
    const root = await render('strategist');

    await choose(root, 'quote-filter-persona', 'Из соцсетей');
    const filtered = http.expectOne((request) => request.url === quotesUrl);
    expect(filtered.request.params.get('personaId')).toBe('persona-1');
    filtered.flush(aPage([surveyQuote]));
    await stable();
    expect(findAll(root, 'quote-row')).toHaveLength(1);

    find(root, 'quote-clear-filters')?.click();
    const cleared = http.expectOne((request) => request.url === quotesUrl);
    expect(cleared.request.params.has('personaId')).toBe(false);
    cleared.flush(aPage([transcriptQuote, surveyQuote]));
  });

  it('should filter by the tag of the link when opened from the codebook', async () => {
    const root = await render('moderator', [transcriptQuote], 'pain');

    expect(findAll(root, 'quote-row')).toHaveLength(1);
    expect(find(root, 'quote-clear-filters')).not.toBeNull();
  });

  it('should say nothing matches when the filters find nothing', async () => {
    const root = await render('moderator', [], 'pain');

    expect(find(root, 'quotes-empty')?.textContent?.trim()).toBe('Nothing matches the filters.');
  });

  it('should apply a tag to the selected quotes and show how many were tagged', async () => {
    const root = await render('moderator');
    checkbox(root, 'quote-select-page').click();
    await stable();
    expect(find(root, 'quote-selected-count')?.textContent?.trim()).toBe('2 selected');

    checkbox(findAll(root, 'quote-row')[1], 'quote-select').click();
    await stable();
    expect(find(root, 'quote-selected-count')?.textContent?.trim()).toBe('1 selected');

    await choose(root, 'quote-bulk-tag', 'Pain');
    find(root, 'quote-bulk-apply')?.click();
    const bulk = http.expectOne({ method: 'POST', url: `${quotesUrl}/bulk-tags` });
    expect(bulk.request.body).toEqual({ quoteIds: ['quote-1'], tagId: 'pain', action: 'apply' });
    bulk.flush({ quotes: 1 });
    await stable();
    http.expectOne((request) => request.url === quotesUrl).flush(aPage([transcriptQuote, surveyQuote]));
    http.expectOne((request) => request.url === `${projectUrl}/tags`).flush(aPage([aTag({ id: 'pain', name: 'Pain', usage: 1 })], { pageSize: 100 }));
    await stable();

    expect(find(root, 'quote-bulk-result')?.textContent?.trim()).toBe('“Pain” applied to 1 quotes.');
    expect(find(root, 'quote-selected-count')).toBeNull();
  });

  it('should show the server error and keep the selection when bulk tagging fails', async () => {
    const root = await render('moderator');
    checkbox(findAll(root, 'quote-row')[0], 'quote-select').click();
    await stable();
    await choose(root, 'quote-bulk-tag', 'Pain');

    find(root, 'quote-bulk-remove')?.click();
    http
      .expectOne({ method: 'POST', url: `${quotesUrl}/bulk-tags` })
      .flush({ statusCode: 400, error: 'Bad Request', message: 'quoteIds must be quotes of this project', details: [{ field: 'quoteIds', message: 'quoteIds must be quotes of this project' }] }, { status: 400, statusText: 'Bad Request' });
    await stable();

    expect(find(root, 'error-banner')?.textContent).toContain('quoteIds must be quotes of this project');
    expect(find(root, 'quote-selected-count')?.textContent?.trim()).toBe('1 selected');
  });
});
