import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { PublicSurveyResponse } from '@tropa/contracts';
import { anApiError } from '../../testing/factories';
import { RESPONDENT_KEY_STORAGE, RespondentKey } from './respondent-key';
import { RespondentStore } from './respondent-store';

const surveyUrl = '/api/public/surveys/token-1';

function aPublicSurvey(overrides: Partial<PublicSurveyResponse> = {}): PublicSurveyResponse {
  return { title: 'Coffee', description: '', language: 'ru', status: 'open', definition: { pages: [] }, ...overrides };
}

describe('RespondentStore', () => {
  let store: RespondentStore;
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), RespondentStore],
    });
    store = TestBed.inject(RespondentStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open(respond: (url: string) => void): Promise<void> {
    const opening = store.open('token-1');
    respond(surveyUrl);
    await opening;
  }

  async function submit(status: number, body: object | null = null): Promise<string> {
    const submitting = store.submit({ heard: 'friend' });
    const request = http.expectOne({ method: 'POST', url: `${surveyUrl}/responses` });
    request.flush(body, { status, statusText: String(status) });
    await submitting;
    return request.request.body.respondentKey as string;
  }

  it('should show the survey for answering when the link is open', async () => {
    await open((url) => http.expectOne(url).flush(aPublicSurvey()));

    expect(store.phase()).toBe('answering');
    expect(store.survey()?.language).toBe('ru');
  });

  it('should say "not found" when the server does not know the link (404)', async () => {
    await open((url) => http.expectOne(url).flush(anApiError({ statusCode: 404 }), { status: 404, statusText: 'Not Found' }));

    expect(store.phase()).toBe('notFound');
  });

  it('should say "closed" when the survey is closed before answering', async () => {
    await open((url) => http.expectOne(url).flush(aPublicSurvey({ status: 'closed' })));

    expect(store.phase()).toBe('closed');
  });

  it('should thank the respondent and send the session’s respondent key with the answers', async () => {
    await open((url) => http.expectOne(url).flush(aPublicSurvey()));

    const key = await submit(201);

    expect(store.phase()).toBe('thanks');
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(sessionStorage.getItem(RESPONDENT_KEY_STORAGE)).toBe(key);
  });

  it('should say "already answered" when the server answers 409, and remember it on the next visit', async () => {
    await open((url) => http.expectOne(url).flush(aPublicSurvey()));

    await submit(409, anApiError({ statusCode: 409, error: 'Conflict' }));
    expect(store.phase()).toBe('alreadyAnswered');

    await open((url) => http.expectOne(url).flush(aPublicSurvey()));
    expect(store.phase()).toBe('alreadyAnswered');
  });

  it('should say "closed" when the survey closed while the respondent answered (410)', async () => {
    await open((url) => http.expectOne(url).flush(aPublicSurvey()));

    await submit(410, anApiError({ statusCode: 410, error: 'Gone' }));

    expect(store.phase()).toBe('closed');
  });

  it('should list the server’s per-answer problems and let the respondent go back (400)', async () => {
    await open((url) => http.expectOne(url).flush(aPublicSurvey()));

    await submit(400, anApiError({ details: [{ field: 'answers.heard', message: 'is required' }] }));
    expect(store.phase()).toBe('invalid');
    expect(store.fieldErrors()).toEqual([{ field: 'answers.heard', message: 'is required' }]);

    store.resume();
    expect(store.phase()).toBe('answering');
  });
});

describe('RespondentKey', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  });

  it('should create the key once per browser session and reuse it', () => {
    const first = TestBed.inject(RespondentKey).get();

    expect(first).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(TestBed.inject(RespondentKey).get()).toBe(first);
    expect(sessionStorage.getItem(RESPONDENT_KEY_STORAGE)).toBe(first);
  });

  it('should make a new key in a new session', () => {
    const first = TestBed.inject(RespondentKey).get();
    sessionStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });

    expect(TestBed.inject(RespondentKey).get()).not.toBe(first);
  });
});
