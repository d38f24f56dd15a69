import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MemberResponse } from '@tropa/contracts';
import { aPage, aSession, someStages } from '../../testing/factories';
import { QuoteFilterOptionsStore } from './quote-filter-options-store';

const projectUrl = '/api/projects/project-1';

function aMember(overrides: Partial<MemberResponse>): MemberResponse {
  return { userId: 'user-1', email: 'anna@example.com', displayName: 'Anna', role: 'moderator', joinedAt: '2026-01-01T00:00:00.000Z', ...overrides };
}

describe('QuoteFilterOptionsStore', () => {
  let store: QuoteFilterOptionsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), QuoteFilterOptionsStore],
    });
    store = TestBed.inject(QuoteFilterOptionsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function flushAll(): void {
    http.expectOne((request) => request.url === `${projectUrl}/stages`).flush(aPage(someStages(['Aware', 'Buy'])));
    http.expectOne((request) => request.url === `${projectUrl}/sessions`).flush(aPage([aSession()]));
    http
      .expectOne((request) => request.url === `${projectUrl}/members`)
      .flush(aPage([aMember({ userId: 'user-1' }), aMember({ userId: 'user-2', displayName: '', email: 'igor@example.com' })]));
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([]));
  }

  it('should load every filter list and name coders by display name or e-mail', () => {
    store.load('project-1');
    flushAll();

    expect(store.status()).toBe('ready');
    expect(store.stages().map((stage) => stage.name)).toEqual(['Aware', 'Buy']);
    expect(store.sessions()).toHaveLength(1);
    expect(store.memberNames().get('user-1')).toBe('Anna');
    expect(store.memberNames().get('user-2')).toBe('igor@example.com');
  });

  it('should show the error when one list fails', () => {
    store.load('project-1');
    http.expectOne((request) => request.url === `${projectUrl}/stages`).flush({ statusCode: 500, error: 'Error', message: 'boom' }, { status: 500, statusText: 'Error' });
    // The others are cancelled with the failed join.
    http.match(() => true);

    expect(store.status()).toBe('error');
    expect(store.error()?.message).toBe('boom');
  });
});
