import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aCluster, aClusterQuote, aPage } from '../../testing/factories';
import { ClusterStore } from './cluster-store';

const base = '/api/projects/project-1/synthesis';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('ClusterStore', () => {
  let store: ClusterStore;
  let http: HttpTestingController;

  function flushOpen(): void {
    http.expectOne(`${base}/clusters/cluster-1`).flush(aCluster({ size: 3 }));
    http
      .expectOne((candidate) => candidate.url === `${base}/clusters/cluster-1/quotes`)
      .flush(aPage([aClusterQuote({ quoteId: 'q1' }), aClusterQuote({ quoteId: 'q2' }), aClusterQuote({ quoteId: 'q3' })]));
    http
      .expectOne((candidate) => candidate.url === `${base}/runs/run-1/clusters`)
      .flush(
        aPage([
          aCluster({ id: 'cluster-1' }),
          aCluster({ id: 'cluster-2', label: 'Order ahead' }),
          aCluster({ id: 'cluster-3', status: 'discarded' }),
        ]),
      );
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), ClusterStore],
    });
    store = TestBed.inject(ClusterStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1', 'cluster-1');
    flushOpen();
  });

  afterEach(() => http.verify());

  it('should offer the open clusters of the same run as move targets', () => {
    expect(store.targets().map((cluster) => cluster.id)).toEqual(['cluster-2']);
  });

  it('should split the ticked quotes into a new cluster and refresh the cluster and its quotes', async () => {
    store.toggle('q1');
    store.toggle('q3');

    const splitting = store.split('  Mobile order  ');
    const request = http.expectOne({ method: 'POST', url: `${base}/clusters/cluster-1/split` });
    expect(request.request.body).toEqual({ quoteIds: ['q1', 'q3'], label: 'Mobile order' });
    request.flush(aCluster({ id: 'cluster-4', label: 'Mobile order', size: 2 }));
    const result = await splitting;
    await settle();

    expect(result.ok && result.value.id).toBe('cluster-4');
    expect(store.selectedQuoteIds()).toEqual([]);
    http.expectOne(`${base}/clusters/cluster-1`).flush(aCluster({ size: 1 }));
    http.expectOne((candidate) => candidate.url === `${base}/clusters/cluster-1/quotes`).flush(aPage([aClusterQuote({ quoteId: 'q2' })]));
    http.expectOne((candidate) => candidate.url === `${base}/runs/run-1/clusters`).flush(aPage([]));
    expect(store.cluster()?.size).toBe(1);
    expect(store.items().map((quote) => quote.quoteId)).toEqual(['q2']);
  });

  it('should move the ticked quotes to the chosen cluster', async () => {
    store.toggle('q2');

    const moving = store.move('cluster-2');
    const request = http.expectOne({ method: 'POST', url: `${base}/clusters/cluster-1/move` });
    expect(request.request.body).toEqual({ quoteIds: ['q2'], toClusterId: 'cluster-2' });
    request.flush({ moved: 1 });
    const result = await moving;

    expect(result.ok && result.value.moved).toBe(1);
    http.expectOne(`${base}/clusters/cluster-1`).flush(aCluster({ size: 2 }));
    http.expectOne((candidate) => candidate.url === `${base}/clusters/cluster-1/quotes`).flush(aPage([]));
    http.expectOne((candidate) => candidate.url === `${base}/runs/run-1/clusters`).flush(aPage([]));
  });

  it('should send nothing when no quote is ticked', async () => {
    const result = await store.split();

    expect(result.ok).toBe(false);
  });
});
