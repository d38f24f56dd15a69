import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, aProject, anApiError } from '../../testing/factories';
import { ProjectsStore } from './projects-store';

describe('ProjectsStore', () => {
  let store: ProjectsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), ProjectsStore],
    });
    store = TestBed.inject(ProjectsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should load the first page newest first when opened', () => {
    store.load();
    expect(store.status()).toBe('loading');

    const request = http.expectOne((req) => req.url === '/api/projects');
    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('pageSize')).toBe('25');
    expect(request.request.params.get('sort')).toBe('updatedAt');
    expect(request.request.params.get('order')).toBe('desc');
    expect(request.request.params.has('q')).toBe(false);
    request.flush(aPage([aProject()]));

    expect(store.status()).toBe('ready');
    expect(store.items().map((project) => project.name)).toEqual(['Coffee shop']);
    expect(store.total()).toBe(1);
  });

  it('should go back to page 1 when the search changes', () => {
    store.load({ page: 3 });
    http.expectOne((req) => req.url === '/api/projects').flush(aPage([], { page: 3, total: 80 }));

    store.load({ q: 'coffee' });

    const request = http.expectOne((req) => req.url === '/api/projects');
    expect(request.request.params.get('q')).toBe('coffee');
    expect(request.request.params.get('page')).toBe('1');
    request.flush(aPage([aProject()]));
  });

  it('should cancel the request in flight when a newer one starts', () => {
    store.load({ q: 'c' });
    store.load({ q: 'co' });

    const [first, second] = http.match((req) => req.url === '/api/projects');
    expect(first.cancelled).toBe(true);
    second.flush(aPage([aProject()]));
    expect(store.items()).toHaveLength(1);
  });

  it('should report "empty" when the user has no projects yet', () => {
    store.load();
    http.expectOne((req) => req.url === '/api/projects').flush(aPage([]));

    expect(store.isEmpty()).toBe(true);
  });

  it('should keep the error for the banner when loading fails', () => {
    store.load();
    http
      .expectOne((req) => req.url === '/api/projects')
      .flush(anApiError({ statusCode: 500, error: 'Internal Server Error', message: 'Boom' }), {
        status: 500,
        statusText: 'Internal Server Error',
      });

    expect(store.status()).toBe('error');
    expect(store.error()?.message).toBe('Boom');
  });

  it('should put a created project at the top of the list', async () => {
    store.load();
    http.expectOne((req) => req.url === '/api/projects').flush(aPage([aProject()]));

    const create = store.create({ name: 'Bank', language: 'ru', stageTemplate: 'four' });
    const request = http.expectOne({ method: 'POST', url: '/api/projects' });
    expect(request.request.body).toEqual({ name: 'Bank', language: 'ru', stageTemplate: 'four' });
    request.flush(aProject({ id: 'project-2', name: 'Bank' }), { status: 201, statusText: 'Created' });
    const result = await create;

    expect(result.ok).toBe(true);
    expect(store.items().map((project) => project.name)).toEqual(['Bank', 'Coffee shop']);
    expect(store.total()).toBe(2);
  });
});
