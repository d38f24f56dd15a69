import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { FindingResponse } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { aFindingComment, aMapFinding, aPage, aWorkingMap, anEvidenceQuote } from '../../testing/factories';
import { MapStore } from '../data-access/map-store';
import { EvidenceDrawer } from './evidence-drawer';

const base = '/api/projects/project-1/map';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('EvidenceDrawer', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<EvidenceDrawer>;
  let store: MapStore;

  async function open(finding: FindingResponse, canReview = true): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([]), MapStore],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MapStore);
    store.open('project-1', null);
    http.expectOne((request) => request.url === '/api/projects/project-1/personas').flush(aPage([]));
    http.expectOne(base).flush(aWorkingMap(['Awareness'], { findings: [finding] }));
    fixture = TestBed.createComponent(EvidenceDrawer);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('canReview', canReview);
    store.select({ kind: 'finding', findingId: finding.id });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function flushEvidence(quotes = [anEvidenceQuote()], total = quotes.length): Promise<void> {
    http.expectOne((request) => request.url === `${base}/findings/finding-1/evidence`).flush(aPage(quotes, { total, pageSize: 10 }));
    http.expectOne((request) => request.url === `${base}/findings/finding-1/comments`).flush(aPage([aFindingComment()]));
    await fixture.whenStable();
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);
  const all = (root: HTMLElement, testId: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const type = (element: HTMLElement | null, value: string): void => {
    const input = element as HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should show each quote with its source, speaker and a link to it in context', async () => {
    const root = await open(aMapFinding());
    await flushEvidence([
      anEvidenceQuote(),
      anEvidenceQuote({
        quoteId: 'quote-2',
        text: 'Waited too long',
        sourceType: 'survey_answer',
        sessionId: null,
        utteranceId: null,
        surveyId: 'survey-1',
        responseId: 'response-7',
        sourceTitle: 'Visit survey',
        speaker: null,
      }),
    ]);

    const quotes = all(root, 'evidence-quote');
    expect(quotes).toHaveLength(2);
    expect(find(quotes[0], 'evidence-quote-source')?.textContent).toBe('Interview with Olga');
    expect(find(quotes[0], 'evidence-quote-speaker')?.textContent).toBe('P1');
    expect(all(root, 'evidence-quote-context').map((link) => link.getAttribute('href'))).toEqual([
      '/projects/project-1/sessions/session-1?utterance=utterance-3',
      '/projects/project-1/surveys/survey-1/responses?response=response-7',
    ]);
    expect(root.textContent).toContain('Weak · 1 quotes · 1 people · 1 sources');
    expect(root.textContent).toContain('Rests on one person or one source');
    expect(find(root, 'comment-body')?.textContent).toBe('Seen it in three interviews');
  });

  it('should page through the quotes when there are more than a page', async () => {
    const root = await open(aMapFinding());
    await flushEvidence([anEvidenceQuote()], 12);

    root.querySelector<HTMLButtonElement>('.mat-mdc-paginator-navigation-next')!.click();
    await fixture.whenStable();

    const next = http.expectOne((request) => request.url === `${base}/findings/finding-1/evidence`);
    expect(next.request.params.get('page')).toBe('2');
    next.flush(aPage([anEvidenceQuote({ quoteId: 'quote-11', text: 'Page two' })], { total: 12, page: 2, pageSize: 10 }));
    await fixture.whenStable();
    expect(find(root, 'evidence-quote-text')?.textContent).toBe('“Page two”');
  });

  it('should not reject without a reason', async () => {
    const root = await open(aMapFinding());
    await flushEvidence();

    find(root, 'finding-reject')!.click();
    await fixture.whenStable();
    find(root, 'finding-reject-confirm')!.click();
    await fixture.whenStable();

    http.expectNone(`${base}/findings/finding-1/review`);
    expect(root.textContent).toContain('Give a reason to reject it');
  });

  it('should save an edited text and show the finding as edited', async () => {
    const root = await open(aMapFinding());
    await flushEvidence();

    find(root, 'finding-edit')!.click();
    await fixture.whenStable();
    type(find(root, 'finding-edit-text'), 'Queues at lunchtime');
    await fixture.whenStable();
    find(root, 'finding-edit-save')!.click();
    await fixture.whenStable();

    const review = http.expectOne({ method: 'POST', url: `${base}/findings/finding-1/review` });
    expect(review.request.body).toEqual({ decision: 'edit', text: 'Queues at lunchtime' });
    review.flush(aMapFinding({ text: 'Queues at lunchtime', status: 'edited' }));
    await settle();
    await fixture.whenStable();

    expect(find(root, 'drawer-finding-text')?.textContent).toBe('Queues at lunchtime');
    expect(find(root, 'drawer-status')?.textContent?.trim()).toBe('Edited');
    expect(root.textContent).toContain('Assembled text: Long queue at the till');
  });

  it('should accept a finding and offer to reopen it', async () => {
    const root = await open(aMapFinding());
    await flushEvidence();

    find(root, 'finding-accept')!.click();
    await fixture.whenStable();
    const review = http.expectOne({ method: 'POST', url: `${base}/findings/finding-1/review` });
    expect(review.request.body).toEqual({ decision: 'accept' });
    review.flush(aMapFinding({ status: 'accepted' }));
    await settle();
    await fixture.whenStable();

    expect(find(root, 'finding-accept')).toBeNull();
    expect(find(root, 'finding-reopen')).not.toBeNull();
  });

  it('should add a comment and count it on the finding', async () => {
    const root = await open(aMapFinding());
    await flushEvidence();

    type(find(root, 'comment-text'), 'Check the April survey');
    await fixture.whenStable();
    find(root, 'comment-add')!.click();
    await fixture.whenStable();

    const request = http.expectOne({ method: 'POST', url: `${base}/findings/finding-1/comments` });
    expect(request.request.body).toEqual({ text: 'Check the April survey' });
    request.flush(aFindingComment({ id: 'comment-2', text: 'Check the April survey' }));
    await settle();
    await fixture.whenStable();

    expect(all(root, 'comment-body').map((comment) => comment.textContent)).toEqual(['Seen it in three interviews', 'Check the April survey']);
    expect(store.selectedFinding()?.comments).toBe(1);
    expect((find(root, 'comment-text') as HTMLTextAreaElement).value).toBe('');
  });

  it('should show the server error when a review is refused', async () => {
    const root = await open(aMapFinding());
    await flushEvidence();

    find(root, 'finding-accept')!.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: `${base}/findings/finding-1/review` })
      .flush({ statusCode: 400, error: 'Bad Request', message: 'The finding changed' }, { status: 400, statusText: 'Bad Request' });
    await settle();
    await fixture.whenStable();

    expect(find(root, 'error-banner')?.textContent).toContain('The finding changed');
    expect(find(root, 'drawer-status')?.textContent?.trim()).toBe('Proposed');
  });
});
