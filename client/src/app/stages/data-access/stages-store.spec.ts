import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aPage, anApiError, someStages } from '../../testing/factories';
import { StagesStore } from './stages-store';

/** Reorders are queued: the PUT leaves after the queue's promise settles. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('StagesStore', () => {
  let store: StagesStore;
  let http: HttpTestingController;
  const stagesUrl = '/api/projects/project-1/stages';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), StagesStore],
    });
    store = TestBed.inject(StagesStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1');
    const request = http.expectOne((req) => req.url === stagesUrl);
    expect(request.request.params.get('sort')).toBe('position');
    expect(request.request.params.get('pageSize')).toBe('100');
    request.flush(aPage(someStages(['Awareness', 'Interest', 'Purchase'])));
  });

  afterEach(() => http.verify());

  it('should show the new order at once and send every stage id when reordering', async () => {
    const reorder = store.reorder(['stage-3', 'stage-1', 'stage-2']);

    expect(store.items().map((stage) => stage.name)).toEqual(['Purchase', 'Awareness', 'Interest']);
    await settle();
    const request = http.expectOne({ method: 'PUT', url: `${stagesUrl}/order` });
    expect(request.request.body).toEqual({ stageIds: ['stage-3', 'stage-1', 'stage-2'] });
    request.flush([
      { id: 'stage-3', name: 'Purchase', description: '', position: 0 },
      { id: 'stage-1', name: 'Awareness', description: '', position: 1 },
      { id: 'stage-2', name: 'Interest', description: '', position: 2 },
    ]);

    const result = await reorder;
    expect(result.ok).toBe(true);
    expect(store.items().map((stage) => stage.position)).toEqual([0, 1, 2]);
    expect(store.items().map((stage) => stage.id)).toEqual(['stage-3', 'stage-1', 'stage-2']);
  });

  it('should put the old order back when the server refuses the reorder', async () => {
    const reorder = store.reorder(['stage-2', 'stage-1', 'stage-3']);
    await settle();
    http
      .expectOne({ method: 'PUT', url: `${stagesUrl}/order` })
      .flush(anApiError({ statusCode: 403, error: 'Forbidden', message: 'Forbidden' }), {
        status: 403,
        statusText: 'Forbidden',
      });

    const result = await reorder;

    expect(result.ok).toBe(false);
    expect(store.items().map((stage) => stage.name)).toEqual(['Awareness', 'Interest', 'Purchase']);
  });

  it('should send quick successive reorders one after another and keep the latest order', async () => {
    const first = store.reorder(['stage-2', 'stage-1', 'stage-3']);
    const second = store.reorder(['stage-2', 'stage-3', 'stage-1']);
    expect(store.items().map((stage) => stage.id)).toEqual(['stage-2', 'stage-3', 'stage-1']);

    await settle();
    const firstRequest = http.expectOne({ method: 'PUT', url: `${stagesUrl}/order` });
    expect(firstRequest.request.body).toEqual({ stageIds: ['stage-2', 'stage-1', 'stage-3'] });
    firstRequest.flush(
      ['stage-2', 'stage-1', 'stage-3'].map((id, position) => ({ id, name: id, description: '', position })),
    );
    await first;
    // The older answer does not overwrite the newer order on screen.
    expect(store.items().map((stage) => stage.id)).toEqual(['stage-2', 'stage-3', 'stage-1']);

    await settle();
    const secondRequest = http.expectOne({ method: 'PUT', url: `${stagesUrl}/order` });
    expect(secondRequest.request.body).toEqual({ stageIds: ['stage-2', 'stage-3', 'stage-1'] });
    secondRequest.flush(
      ['stage-2', 'stage-3', 'stage-1'].map((id, position) => ({ id, name: id, description: '', position })),
    );
    await second;
    expect(store.items().map((stage) => stage.id)).toEqual(['stage-2', 'stage-3', 'stage-1']);
  });

  it('should replace a renamed stage in place', async () => {
    const update = store.update('stage-2', { name: 'Consideration' });
    const request = http.expectOne({ method: 'PATCH', url: `${stagesUrl}/stage-2` });
    expect(request.request.body).toEqual({ name: 'Consideration' });
    request.flush({ id: 'stage-2', name: 'Consideration', description: '', position: 1 });
    await update;

    expect(store.items().map((stage) => stage.name)).toEqual(['Awareness', 'Consideration', 'Purchase']);
  });

  it('should renumber the remaining stages after a delete', async () => {
    const remove = store.remove('stage-1');
    http.expectOne({ method: 'DELETE', url: `${stagesUrl}/stage-1` }).flush(null, { status: 204, statusText: 'No Content' });
    await remove;

    expect(store.items().map((stage) => [stage.name, stage.position])).toEqual([
      ['Interest', 0],
      ['Purchase', 1],
    ]);
    expect(store.total()).toBe(2);
  });

  it('should reload the list after adding a stage, since positions may shift', async () => {
    const create = store.create({ name: 'Loyalty' });
    http
      .expectOne({ method: 'POST', url: stagesUrl })
      .flush({ id: 'stage-4', name: 'Loyalty', description: '', position: 3 }, { status: 201, statusText: 'Created' });
    await create;

    http
      .expectOne((req) => req.method === 'GET' && req.url === stagesUrl)
      .flush(aPage(someStages(['Awareness', 'Interest', 'Purchase', 'Loyalty'])));
    expect(store.items()).toHaveLength(4);
    expect(store.canReorder()).toBe(true);
  });
});
