import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage } from '../../testing/factories';
import { aHighlight } from '../testing/coding-factories';
import { CodingStore } from './coding-store';

const quotesUrl = '/api/projects/project-1/quotes';

describe('CodingStore', () => {
  let store: CodingStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), CodingStore],
    });
    store = TestBed.inject(CodingStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should page through all of the session\'s highlights and index them by utterance', () => {
    store.open('project-1', 'session-1', false, 'user-1');

    const first = http.expectOne((request) => request.url === quotesUrl && request.params.get('page') === '1');
    expect(first.request.params.get('sessionId')).toBe('session-1');
    expect(first.request.params.get('pageSize')).toBe('100');
    expect(first.request.params.has('compare')).toBe(false);
    first.flush(aPage([aHighlight({ id: 'a', utteranceId: 'u1', start: 5, end: 9 })], { total: 101, pageSize: 100 }));
    http
      .expectOne((request) => request.url === quotesUrl && request.params.get('page') === '2')
      .flush(aPage([aHighlight({ id: 'b', utteranceId: 'u1', start: 0, end: 3 })], { total: 101, page: 2, pageSize: 100 }));

    expect(store.status()).toBe('ready');
    expect(store.byUtterance().get('u1')?.map((quote) => quote.id)).toEqual(['b', 'a']);
  });

  it('should fetch the caller\'s own highlights beside everyone\'s when comparing in a blind-coded session', () => {
    store.open('project-1', 'session-1', true, 'user-1');
    http.expectOne(() => true).flush(aPage([aHighlight({ id: 'mine' })]));

    store.setCompare(true);
    const requests = http.match((request) => request.url === quotesUrl);
    expect(requests.map((request) => request.request.params.get('compare'))).toEqual(['true', null]);
    requests[0].flush(aPage([aHighlight({ id: 'mine' }), aHighlight({ id: 'theirs' })]));
    requests[1].flush(aPage([aHighlight({ id: 'mine' })]));

    expect(store.quotes().map((quote) => store.isOthers(quote))).toEqual([false, true]);
  });

  it('should add a created highlight and toggle a tag: apply when absent, remove the coder\'s own application when present', async () => {
    store.open('project-1', 'session-1', true, 'user-1');
    http.expectOne(() => true).flush(aPage([]));

    const creating = store.createHighlight('u1', 2, 8, ['pain']);
    const create = http.expectOne({ method: 'POST', url: quotesUrl });
    expect(create.request.body).toEqual({ utteranceId: 'u1', start: 2, end: 8, tagIds: ['pain'] });
    create.flush(aHighlight({ id: 'q', utteranceId: 'u1', tags: [{ tagId: 'pain', appliedBy: 'user-1' }] }));
    expect((await creating).ok).toBe(true);

    const removing = store.toggleTag('q', 'pain');
    http.expectOne({ method: 'DELETE', url: `${quotesUrl}/q/tags/pain` }).flush(null);
    await removing;
    expect(store.quotes()[0].tags).toEqual([]);

    const applying = store.toggleTag('q', 'speed');
    const apply = http.expectOne({ method: 'POST', url: `${quotesUrl}/q/tags` });
    expect(apply.request.body).toEqual({ tagId: 'speed' });
    // The server answers with every coder's tags; blind coding keeps only the caller's.
    apply.flush(aHighlight({ id: 'q', tags: [{ tagId: 'speed', appliedBy: 'user-1' }, { tagId: 'pain', appliedBy: 'user-2' }] }));
    await applying;
    expect(store.quotes()[0].tags).toEqual([{ tagId: 'speed', appliedBy: 'user-1' }]);
  });

  it('should set the sentiment and drop a deleted highlight and its selection', async () => {
    store.open('project-1', 'session-1', false, 'user-1');
    http.expectOne(() => true).flush(aPage([aHighlight({ id: 'q' })]));
    store.select('q');

    const patching = store.setSentiment('q', -2);
    const patch = http.expectOne({ method: 'PATCH', url: `${quotesUrl}/q` });
    expect(patch.request.body).toEqual({ sentiment: -2 });
    patch.flush(aHighlight({ id: 'q', sentiment: -2 }));
    await patching;
    expect(store.selected()?.sentiment).toBe(-2);

    const removing = store.remove('q');
    http.expectOne({ method: 'DELETE', url: `${quotesUrl}/q` }).flush(null);
    await removing;
    expect(store.quotes()).toEqual([]);
    expect(store.selected()).toBeNull();
  });
});
