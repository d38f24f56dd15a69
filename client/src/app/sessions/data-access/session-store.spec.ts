import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, aParticipant, aSession, anApiError } from '../../testing/factories';
import { SessionStore } from './session-store';

const projectUrl = '/api/projects/project-1';
const sessionUrl = `${projectUrl}/sessions/session-1`;

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), SessionStore],
    });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
    store.load('project-1', 'session-1');
    http.expectOne(sessionUrl).flush(aSession({ moderatorId: 'user-2', participantCount: 1 }));
    http.expectOne((request) => request.url === `${sessionUrl}/participants`).flush(aPage([aParticipant({ contact: '•••' })]));
    http
      .expectOne((request) => request.url === `${projectUrl}/members`)
      .flush(aPage([{ userId: 'user-2', email: 'mo@example.com', displayName: 'Mo', role: 'moderator', joinedAt: '2026-01-01T00:00:00.000Z' }]));
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([]));
  });

  afterEach(() => http.verify());

  it('should load the session, its participants and its moderator together', () => {
    expect(store.status()).toBe('ready');
    expect(store.participants()[0].contact).toBe('•••');
    expect(store.moderator()?.displayName).toBe('Mo');
    expect(store.hasTranscript()).toBe(false);
  });

  it('should add a participant and count it when created', async () => {
    const creating = store.createParticipant({ pseudonym: 'P2', consent: true });
    const request = http.expectOne({ method: 'POST', url: `${sessionUrl}/participants` });
    expect(request.request.body).toEqual({ pseudonym: 'P2', consent: true });
    request.flush(aParticipant({ id: 'participant-2', pseudonym: 'P2' }), { status: 201, statusText: 'Created' });
    await creating;

    expect(store.participants().map((participant) => participant.pseudonym)).toEqual(['P1', 'P2']);
    expect(store.session()?.participantCount).toBe(2);
  });

  it('should keep the list and return the pseudonym error when the pseudonym is taken (409)', async () => {
    const creating = store.createParticipant({ pseudonym: 'P1' });
    http
      .expectOne({ method: 'POST', url: `${sessionUrl}/participants` })
      .flush(anApiError({ statusCode: 409, error: 'Conflict', details: [{ field: 'pseudonym', message: 'taken' }] }), {
        status: 409,
        statusText: 'Conflict',
      });
    const result = await creating;

    expect(result.ok ? null : result.error.details?.[0].field).toBe('pseudonym');
    expect(store.participants()).toHaveLength(1);
  });

  it('should replace and remove participants when edited and deleted', async () => {
    const updating = store.updateParticipant('participant-1', { consent: false });
    http.expectOne({ method: 'PATCH', url: `${sessionUrl}/participants/participant-1` }).flush(aParticipant({ consent: false }));
    await updating;
    expect(store.participants()[0].consent).toBe(false);

    const removing = store.removeParticipant('participant-1');
    http.expectOne({ method: 'DELETE', url: `${sessionUrl}/participants/participant-1` }).flush(null, { status: 204, statusText: 'No Content' });
    await removing;
    expect(store.participants()).toEqual([]);
    expect(store.session()?.participantCount).toBe(0);
  });
});
