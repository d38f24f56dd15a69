import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aCluster, aPage, anApiError } from '../../testing/factories';
import { ClusterBoardStore } from './cluster-board-store';

const base = '/api/projects/project-1/synthesis';

describe('ClusterBoardStore', () => {
  let store: ClusterBoardStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), ClusterBoardStore],
    });
    store = TestBed.inject(ClusterBoardStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1', 'run-1', 'theme');
    const request = http.expectOne((candidate) => candidate.url === `${base}/runs/run-1/clusters`);
    expect(request.request.params.get('kind')).toBe('theme');
    request.flush(
      aPage([
        aCluster({ id: 'theme-1', kind: 'theme', label: 'Queues' }),
        aCluster({ id: 'theme-2', kind: 'theme', label: 'Waiting' }),
        aCluster({ id: 'theme-3', kind: 'theme', label: 'Lines' }),
      ]),
    );
  });

  afterEach(() => http.verify());

  it('should merge the selected clusters into the first one ticked and reload the board', async () => {
    store.toggle('theme-2');
    expect(store.canMerge()).toBe(false);
    store.toggle('theme-1');
    expect(store.canMerge()).toBe(true);

    const merging = store.mergeSelected();
    const request = http.expectOne({ method: 'POST', url: `${base}/clusters/theme-2/merge` });
    expect(request.request.body).toEqual({ clusterIds: ['theme-1'] });
    request.flush(aCluster({ id: 'theme-2', kind: 'theme', label: 'Waiting', size: 12 }));
    const result = await merging;

    expect(result.ok).toBe(true);
    expect(store.selectedIds()).toEqual([]);
    http
      .expectOne((candidate) => candidate.url === `${base}/runs/run-1/clusters`)
      .flush(aPage([aCluster({ id: 'theme-2', kind: 'theme', label: 'Waiting', size: 12 }), aCluster({ id: 'theme-3', kind: 'theme' })]));
    expect(store.items().map((cluster) => cluster.id)).toEqual(['theme-2', 'theme-3']);
  });

  it('should keep the selection and the board when the merge is refused', async () => {
    store.toggle('theme-1');
    store.toggle('theme-3');

    const merging = store.mergeSelected();
    http
      .expectOne({ method: 'POST', url: `${base}/clusters/theme-1/merge` })
      .flush(anApiError({ statusCode: 422, message: 'Clusters of different runs' }), { status: 422, statusText: 'Unprocessable Entity' });
    const result = await merging;

    expect(result.ok).toBe(false);
    expect(store.selectedIds()).toEqual(['theme-1', 'theme-3']);
    expect(store.items()).toHaveLength(3);
  });

  it('should show the renamed and accepted card as the server returned it', async () => {
    const renaming = store.update('theme-3', { label: 'Long lines' });
    const patch = http.expectOne({ method: 'PATCH', url: `${base}/clusters/theme-3` });
    expect(patch.request.body).toEqual({ label: 'Long lines' });
    patch.flush(aCluster({ id: 'theme-3', kind: 'theme', label: 'Long lines', edited: true }));
    await renaming;

    const accepting = store.accept('theme-3');
    http.expectOne({ method: 'POST', url: `${base}/clusters/theme-3/accept` }).flush(aCluster({ id: 'theme-3', kind: 'theme', label: 'Long lines', status: 'accepted' }));
    await accepting;

    expect(store.items()[2]).toMatchObject({ label: 'Long lines', status: 'accepted' });
  });

  it('should clear the selection and ask for the other kind when the tab changes', () => {
    store.toggle('theme-1');

    store.showKind('touchpoint');

    expect(store.selectedIds()).toEqual([]);
    const request = http.expectOne((candidate) => candidate.url === `${base}/runs/run-1/clusters`);
    expect(request.request.params.get('kind')).toBe('touchpoint');
    request.flush(aPage([]));
  });
});
