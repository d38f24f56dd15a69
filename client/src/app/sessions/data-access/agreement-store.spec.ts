import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { anAgreement } from '../testing/coding-factories';
import { AgreementStore } from './agreement-store';

const agreementUrl = '/api/projects/project-1/sessions/session-1/agreement';

describe('AgreementStore', () => {
  let store: AgreementStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), AgreementStore],
    });
    store = TestBed.inject(AgreementStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should ask for two coders\' agreement and settle a disagreement by the tag\'s id, taking the recomputed report', async () => {
    store.compare('project-1', 'session-1', 'user-1', 'user-2');
    const get = http.expectOne((request) => request.url === agreementUrl);
    expect(get.request.params.get('coderA')).toBe('user-1');
    expect(get.request.params.get('coderB')).toBe('user-2');
    get.flush(anAgreement());
    const disagreement = store.report()?.disagreements[0];
    if (!disagreement) {
      throw new Error('no disagreement');
    }

    const settling = store.settle(disagreement, 'Pain', 'keep');
    const post = http.expectOne({ method: 'POST', url: `${agreementUrl}/settle` });
    expect(post.request.body).toEqual({ coderA: 'user-1', coderB: 'user-2', utteranceId: 'utterance-3', tagId: 'tag-1', decision: 'keep' });
    post.flush(anAgreement({ kappa: 1, disagreements: [] }));

    expect((await settling).ok).toBe(true);
    expect(store.report()?.disagreements).toEqual([]);
    expect(store.report()?.kappa).toBe(1);
  });

  it('should keep the server\'s error when the coders cannot be compared', () => {
    store.compare('project-1', 'session-1', 'user-1', 'user-9');
    http
      .expectOne((request) => request.url === agreementUrl)
      .flush({ statusCode: 400, error: 'Bad Request', message: 'coderB must be a member of the project' }, { status: 400, statusText: 'Bad Request' });

    expect(store.status()).toBe('error');
    expect(store.error()?.message).toBe('coderB must be a member of the project');
  });
});
