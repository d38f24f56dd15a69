import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, anUtterance } from '../../testing/factories';
import { UtterancesStore } from './utterances-store';

const utterancesUrl = '/api/projects/project-1/sessions/session-1/utterances';

function lines(from: number, count: number): ReturnType<typeof anUtterance>[] {
  return Array.from({ length: count }, (_, offset) => anUtterance(from + offset));
}

describe('UtterancesStore', () => {
  let store: UtterancesStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), UtterancesStore],
    });
    store = TestBed.inject(UtterancesStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should append pages of 100 as the viewer asks for more and stop at the end', () => {
    store.open('project-1', 'session-1');
    const first = http.expectOne((request) => request.url === utterancesUrl);
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.get('pageSize')).toBe('100');
    first.flush(aPage(lines(0, 100), { total: 250, pageSize: 100 }));

    store.loadMore();
    store.loadMore(); // one request at a time
    http.expectOne((request) => request.url === utterancesUrl && request.params.get('page') === '2').flush(aPage(lines(100, 100), { total: 250, page: 2 }));
    store.loadMore();
    http.expectOne((request) => request.url === utterancesUrl && request.params.get('page') === '3').flush(aPage(lines(200, 50), { total: 250, page: 3 }));

    expect(store.items()).toHaveLength(250);
    expect(store.items()[249].position).toBe(249);
    expect(store.hasMore()).toBe(false);
    store.loadMore();
    http.expectNone(utterancesUrl);
  });

  it('should start over from page 1 with the participant when filtering', () => {
    store.open('project-1', 'session-1');
    http.expectOne((request) => request.url === utterancesUrl).flush(aPage(lines(0, 100), { total: 300 }));

    store.filter('participant-2');
    const request = http.expectOne((candidate) => candidate.url === utterancesUrl);
    expect(request.request.params.get('participantId')).toBe('participant-2');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(aPage([anUtterance(7, { participantId: 'participant-2' })], { total: 1 }));

    expect(store.items().map((utterance) => utterance.position)).toEqual([7]);
    expect(store.hasMore()).toBe(false);
  });

  it('should keep what is loaded and retry the same page when a page fails', () => {
    store.open('project-1', 'session-1');
    http.expectOne((request) => request.url === utterancesUrl).flush(aPage(lines(0, 100), { total: 150 }));
    store.loadMore();
    http.expectOne((request) => request.params.get('page') === '2').flush({ statusCode: 500, error: 'Error', message: 'boom' }, { status: 500, statusText: 'Error' });

    expect(store.status()).toBe('error');
    expect(store.items()).toHaveLength(100);
    store.loadMore();
    http.expectOne((request) => request.params.get('page') === '2').flush(aPage(lines(100, 50), { total: 150 }));
    expect(store.items()).toHaveLength(150);
  });

  it('should load page after page until the wanted utterance arrives, and stop at the end when it never does', async () => {
    store.open('project-1', 'session-1');
    http.expectOne((request) => request.url === utterancesUrl).flush(aPage(lines(0, 100), { total: 250, pageSize: 100 }));

    const found = store.loadUntil(() => store.items().some((utterance) => utterance.id === 'utterance-150'));
    http.expectOne((request) => request.params.get('page') === '2').flush(aPage(lines(100, 100), { total: 250, page: 2, pageSize: 100 }));

    await expect(found).resolves.toBe(true);
    expect(store.items()).toHaveLength(200);

    const missing = store.loadUntil(() => false);
    http.expectOne((request) => request.params.get('page') === '3').flush(aPage(lines(200, 50), { total: 250, page: 3, pageSize: 100 }));

    await expect(missing).resolves.toBe(false);
    expect(store.items()).toHaveLength(250);
  });
});
