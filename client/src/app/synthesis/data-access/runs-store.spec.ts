import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aFinishedRun, aPage } from '../../testing/factories';
import { RunsStore } from './runs-store';

const runsUrl = '/api/projects/project-1/synthesis/runs';

describe('RunsStore', () => {
  let store: RunsStore;
  let http: HttpTestingController;
  const older = aFinishedRun({ id: 'run-1', createdAt: '2026-04-01T10:00:00.000Z' });
  const middle = aFinishedRun({ id: 'run-2', createdAt: '2026-04-02T10:00:00.000Z' });
  const newer = aFinishedRun({ id: 'run-3', createdAt: '2026-04-03T10:00:00.000Z' });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), RunsStore],
    });
    store = TestBed.inject(RunsStore);
    http = TestBed.inject(HttpTestingController);
    store.open('project-1');
    http.expectOne((candidate) => candidate.url === runsUrl).flush(aPage([newer, middle, older]));
  });

  afterEach(() => http.verify());

  it('should compare the newer picked run with the older one whatever the picking order', async () => {
    store.toggle(older);
    store.toggle(newer);

    const comparing = store.compare();
    const request = http.expectOne((candidate) => candidate.url === `${runsUrl}/run-3/compare`);
    expect(request.request.params.get('with')).toBe('run-1');
    request.flush({ from: 'run-1', to: 'run-3', added: [], removed: [], changed: [] });
    await comparing;

    expect(store.comparison()?.to).toBe('run-3');
  });

  it('should keep at most two picks, dropping the oldest pick', () => {
    store.toggle(older);
    store.toggle(middle);
    store.toggle(newer);

    expect(store.pickedIds()).toEqual(['run-2', 'run-3']);
    store.toggle(newer);
    expect(store.canCompare()).toBe(false);
  });
});
