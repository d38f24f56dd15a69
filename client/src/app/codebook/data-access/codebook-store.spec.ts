import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, aTag } from '../../testing/factories';
import { CodebookStore } from './codebook-store';

const tagsUrl = '/api/projects/project-1/tags';

function tags(from: number, count: number): ReturnType<typeof aTag>[] {
  return Array.from({ length: count }, (_, offset) => aTag({ id: `tag-${from + offset}`, name: `Tag ${from + offset}` }));
}

describe('CodebookStore', () => {
  let store: CodebookStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(CodebookStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should load pages of 100 until every tag is here', () => {
    store.load('project-1');
    const first = http.expectOne((request) => request.url === tagsUrl);
    expect(first.request.params.get('pageSize')).toBe('100');
    expect(first.request.params.get('page')).toBe('1');
    first.flush(aPage(tags(0, 100), { total: 230, page: 1, pageSize: 100 }));
    expect(store.status()).toBe('loading');
    http.expectOne((request) => request.url === tagsUrl && request.params.get('page') === '2').flush(aPage(tags(100, 100), { total: 230, page: 2, pageSize: 100 }));
    http.expectOne((request) => request.url === tagsUrl && request.params.get('page') === '3').flush(aPage(tags(200, 30), { total: 230, page: 3, pageSize: 100 }));

    expect(store.status()).toBe('ready');
    expect(store.tags()).toHaveLength(230);
    expect(store.tree()).toHaveLength(230);
  });

  it('should build the tree from parents when loaded', () => {
    store.load('project-1');
    http
      .expectOne((request) => request.url === tagsUrl)
      .flush(aPage([aTag({ id: 'child', name: 'Child', parentId: 'root' }), aTag({ id: 'root', name: 'Root' })], { pageSize: 100 }));

    expect(store.tree().map((node) => node.tag.id)).toEqual(['root']);
    expect(store.tree()[0].children.map((node) => node.tag.id)).toEqual(['child']);
    expect(store.rows().map((row) => row.depth)).toEqual([0, 1]);
  });

  it('should show the error when a page fails', () => {
    store.load('project-1');
    http.expectOne((request) => request.url === tagsUrl).flush({ statusCode: 403, error: 'Forbidden', message: 'No access' }, { status: 403, statusText: 'Forbidden' });

    expect(store.status()).toBe('error');
    expect(store.error()?.message).toBe('No access');
  });

  it('should add a created tag to the tree', async () => {
    store.load('project-1');
    http.expectOne((request) => request.url === tagsUrl).flush(aPage([aTag({ id: 'root' })], { pageSize: 100 }));

    const pending = store.create({ kind: 'pain', name: 'Child', parentId: 'root' });
    const request = http.expectOne({ method: 'POST', url: tagsUrl });
    expect(request.request.body).toEqual({ kind: 'pain', name: 'Child', parentId: 'root' });
    request.flush(aTag({ id: 'child', name: 'Child', parentId: 'root' }));
    const result = await pending;

    expect(result.ok).toBe(true);
    expect(store.tree()[0].children.map((node) => node.tag.name)).toEqual(['Child']);
  });

  it('should move the tag under its new parent when updated', async () => {
    store.load('project-1');
    http.expectOne((request) => request.url === tagsUrl).flush(aPage([aTag({ id: 'a' }), aTag({ id: 'b' })], { pageSize: 100 }));

    const pending = store.update('b', { parentId: 'a' });
    http.expectOne({ method: 'PATCH', url: `${tagsUrl}/b` }).flush(aTag({ id: 'b', parentId: 'a' }));
    await pending;

    expect(store.tree().map((node) => node.tag.id)).toEqual(['a']);
    expect(store.tree()[0].children[0].tag.id).toBe('b');
  });

  it('should keep the tags unchanged and return the field error when the server refuses', async () => {
    store.load('project-1');
    http.expectOne((request) => request.url === tagsUrl).flush(aPage([aTag({ id: 'a', shortcut: null })], { pageSize: 100 }));

    const pending = store.update('a', { shortcut: 'q' });
    http
      .expectOne({ method: 'PATCH', url: `${tagsUrl}/a` })
      .flush({ statusCode: 409, error: 'Conflict', message: 'Another tag uses this shortcut', details: [{ field: 'shortcut', message: 'Another tag uses this shortcut' }] }, { status: 409, statusText: 'Conflict' });
    const result = await pending;

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.details?.[0].field).toBe('shortcut');
    expect(store.tags()[0].shortcut).toBeNull();
  });

  it('should drop the tag, hand its children to the target and take the target usage when merged', async () => {
    store.load('project-1');
    http
      .expectOne((request) => request.url === tagsUrl)
      .flush(aPage([aTag({ id: 'from', usage: 3 }), aTag({ id: 'kid', parentId: 'from' }), aTag({ id: 'into', usage: 2 })], { pageSize: 100 }));

    const pending = store.merge('from', 'into');
    const request = http.expectOne({ method: 'POST', url: `${tagsUrl}/from/merge` });
    expect(request.request.body).toEqual({ intoTagId: 'into' });
    request.flush(aTag({ id: 'into', usage: 5 }));
    await pending;

    expect(store.byId().has('from')).toBe(false);
    expect(store.byId().get('into')?.usage).toBe(5);
    expect(store.byId().get('kid')?.parentId).toBe('into');
  });

  it('should drop the tag and its descendants when deleted', async () => {
    store.load('project-1');
    http
      .expectOne((request) => request.url === tagsUrl)
      .flush(aPage([aTag({ id: 'a' }), aTag({ id: 'b', parentId: 'a' }), aTag({ id: 'c', parentId: 'b' }), aTag({ id: 'd' })], { pageSize: 100 }));

    const pending = store.remove('a');
    http.expectOne({ method: 'DELETE', url: `${tagsUrl}/a` }).flush(null, { status: 204, statusText: 'No Content' });
    await pending;

    expect(store.tags().map((tag) => tag.id)).toEqual(['d']);
  });

  it('should read the codebook again after an import', async () => {
    store.load('project-1');
    http.expectOne((request) => request.url === tagsUrl).flush(aPage([], { pageSize: 100 }));

    const pending = store.import(new File(['name,kind\nQueue,pain\n'], 'codebook.csv', { type: 'text/csv' }));
    const request = http.expectOne({ method: 'POST', url: `${tagsUrl}/import` });
    expect(request.request.body).toBeInstanceOf(FormData);
    request.flush({ created: 1, reused: 0, skipped: 0 });
    const result = await pending;

    expect(result.ok ? result.value.created : null).toBe(1);
    http.expectOne((candidate) => candidate.url === tagsUrl && candidate.method === 'GET').flush(aPage([aTag({ id: 'queue' })], { pageSize: 100 }));
    expect(store.tags()).toHaveLength(1);
  });

  it('should start over when another project is loaded', () => {
    store.load('project-1');
    http.expectOne((request) => request.url === tagsUrl).flush(aPage([aTag()], { pageSize: 100 }));

    store.load('project-2');

    expect(store.tags()).toEqual([]);
    http.expectOne((request) => request.url === '/api/projects/project-2/tags').flush(aPage([], { pageSize: 100 }));
  });
});
