import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aFunnelResponse, aFunnelStage, aWorkingMap } from '../../../testing/factories';
import { KpisStore, WHAT_IF_DEBOUNCE_MS } from './kpis-store';

const mapUrl = '/api/projects/project-1/map';
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The store lives in a component's injector, as on the page. */
@Component({ selector: 'tropa-kpis-store-host', template: '', providers: [KpisStore], changeDetection: ChangeDetectionStrategy.OnPush })
class Host {}

describe('KpisStore', () => {
  let http: HttpTestingController;
  let store: KpisStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), { provide: WHAT_IF_DEBOUNCE_MS, useValue: 20 }],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.createComponent(Host).debugElement.injector.get(KpisStore);
    store.open('project-1', {});
    http.expectOne(mapUrl).flush(
      aWorkingMap(['Awareness', 'Purchase'], {
        funnel: aFunnelResponse({ stages: [aFunnelStage({ stageId: 'stage-1', leads: 10, conversion: 0.5 })], revenue: 100 }),
      }),
    );
  });

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should ask the server once, for the last position, when a slider moves quickly', async () => {
    store.changeConversion('stage-1', 0.55);
    store.changeConversion('stage-1', 0.6);
    store.changeConversion('stage-1', 0.65);
    await wait(40);

    const request = http.expectOne({ method: 'POST', url: `${mapUrl}/what-if` });
    expect(request.request.body).toEqual({ stageId: 'stage-1', conversion: 0.65 });
    request.flush({ revenue: 100, newRevenue: 130, delta: 30 });

    expect(store.whatIf()).toMatchObject({ stageId: 'stage-1', conversion: 0.65, status: 'ready', result: { newRevenue: 130, delta: 30 } });
  });

  it('should drop an answer for a position the slider has already left', async () => {
    store.changeConversion('stage-1', 0.7);
    await wait(40);
    const stale = http.expectOne({ method: 'POST', url: `${mapUrl}/what-if` });
    store.changeConversion('stage-1', 0.8);

    stale.flush({ revenue: 100, newRevenue: 140, delta: 40 });
    expect(store.whatIf()).toMatchObject({ conversion: 0.8, status: 'loading', result: null });

    await wait(40);
    http.expectOne({ method: 'POST', url: `${mapUrl}/what-if` }).flush({ revenue: 100, newRevenue: 160, delta: 60 });
    expect(store.whatIf()).toMatchObject({ conversion: 0.8, status: 'ready', result: { delta: 60 } });
  });

  it('should keep the server error of a refused what-if', async () => {
    store.changeConversion('stage-1', 1);
    await wait(40);

    http
      .expectOne({ method: 'POST', url: `${mapUrl}/what-if` })
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'A conversion cannot be above 100 %', details: [{ field: 'conversion', message: 'A conversion cannot be above 100 %' }] },
        { status: 400, statusText: 'Bad Request' },
      );

    expect(store.whatIf()).toMatchObject({ status: 'error', error: { message: 'A conversion cannot be above 100 %' } });
  });
});
