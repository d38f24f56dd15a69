import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, aSession, anApiError } from '../../testing/factories';
import { SessionsStore } from './sessions-store';

const sessionsUrl = '/api/projects/project-1/sessions';

describe('SessionsStore', () => {
  let store: SessionsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), SessionsStore],
    });
    store = TestBed.inject(SessionsStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1');
    http.expectOne((request) => request.url === sessionsUrl).flush(aPage([aSession()]));
  });

  afterEach(() => http.verify());

  it('should send the search and the kind and go back to page 1 when filtering', () => {
    store.load({ page: 2 });
    http.expectOne((request) => request.url === sessionsUrl).flush(aPage([], { total: 30, page: 2 }));

    store.load({ q: 'утро', kind: 'interview' });
    const request = http.expectOne((candidate) => candidate.url === sessionsUrl);

    expect(request.request.params.get('q')).toBe('утро');
    expect(request.request.params.get('kind')).toBe('interview');
    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('sort')).toBe('createdAt');
    request.flush(aPage([]));
    expect(store.isEmpty()).toBe(true);
  });

  it('should put the new session first when created', async () => {
    const creating = store.create({ kind: 'interview', title: 'Вера, 34', heldOn: '2026-03-05', moderatorId: 'user-2', notes: '' });
    const request = http.expectOne({ method: 'POST', url: sessionsUrl });
    expect(request.request.body).toEqual({ kind: 'interview', title: 'Вера, 34', heldOn: '2026-03-05', moderatorId: 'user-2', notes: '' });
    request.flush(aSession({ id: 'session-2', kind: 'interview', title: 'Вера, 34' }), { status: 201, statusText: 'Created' });
    await creating;

    expect(store.items().map((session) => session.id)).toEqual(['session-2', 'session-1']);
    expect(store.total()).toBe(2);
  });

  it('should return the field errors when the moderator is not a member (400)', async () => {
    const creating = store.create({ kind: 'interview', title: 'X', moderatorId: 'stranger' });
    http
      .expectOne({ method: 'POST', url: sessionsUrl })
      .flush(anApiError({ details: [{ field: 'moderatorId', message: 'moderatorId must be a member of the project' }] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    const result = await creating;

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.details?.[0].field).toBe('moderatorId');
    expect(store.items()).toHaveLength(1);
  });
});
