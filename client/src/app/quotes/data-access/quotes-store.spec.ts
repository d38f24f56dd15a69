import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, aQuote } from '../../testing/factories';
import { QuotesStore } from './quotes-store';

const quotesUrl = '/api/projects/project-1/quotes';

describe('QuotesStore', () => {
  let store: QuotesStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), QuotesStore],
    });
    store = TestBed.inject(QuotesStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should open newest first with the filters it was given', () => {
    store.open('project-1', { tagId: 'tag-1' });

    const request = http.expectOne((candidate) => candidate.url === quotesUrl);
    expect(request.request.params.get('tagId')).toBe('tag-1');
    expect(request.request.params.get('sort')).toBe('createdAt');
    expect(request.request.params.get('order')).toBe('desc');
    request.flush(aPage([aQuote()], { total: 1 }));
    expect(store.items()).toHaveLength(1);
  });

  it('should go back to page 1 when a filter changes and drop a filter set to undefined', () => {
    store.open('project-1', { personaId: 'persona-1' });
    http.expectOne((candidate) => candidate.url === quotesUrl).flush(aPage([aQuote()], { total: 60 }));
    store.load({ page: 3 });
    http.expectOne((candidate) => candidate.params.get('page') === '3').flush(aPage([aQuote()], { total: 60, page: 3 }));

    store.load({ personaId: undefined, sentiment: -1 });

    const request = http.expectOne((candidate) => candidate.url === quotesUrl);
    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.has('personaId')).toBe(false);
    expect(request.request.params.get('sentiment')).toBe('-1');
    request.flush(aPage([]));
  });

  it('should read the page again after a bulk tag so the new tags show', async () => {
    store.open('project-1');
    http.expectOne((candidate) => candidate.url === quotesUrl).flush(aPage([aQuote()]));

    const pending = store.bulkTag({ quoteIds: ['quote-1'], tagId: 'tag-1', action: 'apply' });
    http.expectOne({ method: 'POST', url: `${quotesUrl}/bulk-tags` }).flush({ quotes: 1 });
    const result = await pending;

    expect(result.ok ? result.value.quotes : null).toBe(1);
    http
      .expectOne((candidate) => candidate.url === quotesUrl && candidate.method === 'GET')
      .flush(aPage([aQuote({ tags: [{ tagId: 'tag-1', appliedBy: 'user-1' }] })]));
    expect(store.items()[0].tags).toHaveLength(1);
  });

  it('should not read again when a bulk tag fails', async () => {
    store.open('project-1');
    http.expectOne((candidate) => candidate.url === quotesUrl).flush(aPage([aQuote()]));

    const pending = store.bulkTag({ quoteIds: ['quote-1'], tagId: 'tag-x', action: 'remove' });
    http
      .expectOne({ method: 'POST', url: `${quotesUrl}/bulk-tags` })
      .flush({ statusCode: 400, error: 'Bad Request', message: 'tagId must be a tag of this project' }, { status: 400, statusText: 'Bad Request' });
    const result = await pending;

    expect(result.ok).toBe(false);
    http.expectNone((candidate) => candidate.url === quotesUrl && candidate.method === 'GET');
  });
});
