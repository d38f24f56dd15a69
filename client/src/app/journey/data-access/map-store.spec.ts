import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aMapNote, aPage, aPersona, aWorkingMap } from '../../testing/factories';
import { COLLAPSED_LANES_KEY } from '../model/journey-grid';
import { MapStore } from './map-store';

const base = '/api/projects/project-1/map';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('MapStore', () => {
  let http: HttpTestingController;
  let store: MapStore;

  function openStore(): void {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), MapStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MapStore);
    store.open('project-1', null);
    http.expectOne((request) => request.url === '/api/projects/project-1/personas').flush(aPage([aPersona()]));
    http.expectOne(base).flush(aWorkingMap(['Awareness'], { notes: [aMapNote()] }));
  }

  beforeEach(() => localStorage.clear());

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should ask for one emotion series per persona when comparing, keeping the persona filter', () => {
    openStore();

    store.setPersona('persona-1');
    http.expectOne((request) => request.url === base).flush(aWorkingMap(['Awareness'], { personaId: 'persona-1' }));
    store.setComparePersonas(true);

    const request = http.expectOne((req) => req.url === base);
    expect(request.request.params.get('personaId')).toBe('persona-1');
    expect(request.request.params.get('comparePersonas')).toBe('true');
    request.flush(aWorkingMap(['Awareness']));
    expect(store.personaNames().get('persona-1')).toBe('Busy parent');
  });

  it('should remember the collapsed lanes for the next visit', () => {
    localStorage.setItem(COLLAPSED_LANES_KEY, '["kpis"]');
    openStore();
    expect(store.collapsedLanes()).toEqual(['kpis']);

    store.toggleLane('jobs');

    expect(JSON.parse(localStorage.getItem(COLLAPSED_LANES_KEY)!)).toEqual(['jobs', 'kpis']);
  });

  it('should drop a note from the map once the server deleted it, and keep it when refused', async () => {
    openStore();

    const refused = store.removeNote('note-1');
    http.expectOne({ method: 'DELETE', url: `${base}/notes/note-1` }).flush({ statusCode: 403, error: 'Forbidden', message: 'Not yours' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect((await refused).ok).toBe(false);
    expect(store.map()?.notes).toHaveLength(1);

    const removed = store.removeNote('note-1');
    http.expectOne({ method: 'DELETE', url: `${base}/notes/note-1` }).flush(null);
    await settle();
    expect((await removed).ok).toBe(true);
    expect(store.map()?.notes).toEqual([]);
  });

  it('should refuse writes on a published version without asking the server', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), MapStore] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MapStore);
    store.open('project-1', 'version-1');
    http.expectOne((request) => request.url === '/api/projects/project-1/personas').flush(aPage([]));
    http.expectOne(`${base}/versions/version-1`).flush(aWorkingMap(['Awareness']));

    expect(store.readOnly()).toBe(true);
    expect((await store.assemble()).ok).toBe(false);
    expect((await store.review('finding-1', { decision: 'accept' })).ok).toBe(false);
  });
});
