import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { QuestionMapping } from '@tropa/contracts';
import { aQuestion, aSurvey, anApiError } from '../../testing/factories';
import { mappingDrafts, mappingsToSave } from '../model/question-mappings';
import { SurveyStore } from './survey-store';

describe('SurveyStore', () => {
  let store: SurveyStore;
  let http: HttpTestingController;
  const surveyUrl = '/api/projects/project-1/surveys/survey-1';
  const questions = [
    aQuestion({ name: 'job', title: 'What were you trying to get done?', type: 'comment' }),
    aQuestion({ name: 'nps', title: 'Recommend?', type: 'rating', rateMin: 0, rateMax: 10 }),
  ];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), SurveyStore],
    });
    store = TestBed.inject(SurveyStore);
    http = TestBed.inject(HttpTestingController);
    store.load('project-1', 'survey-1');
    http.expectOne(surveyUrl).flush(aSurvey({ questions }));
  });

  afterEach(() => http.verify());

  it('should send one mapping per question and keep the server’s answer when saving the mapping', async () => {
    const drafts = mappingDrafts(questions, []);
    drafts[0] = { ...drafts[0], stageId: 'stage-1', jtbdPrompt: true, personaAttribute: '  ' };
    drafts[1] = { ...drafts[1], stageId: 'stage-7', metric: 'nps', jtbdPrompt: true };

    const save = store.saveMappings(mappingsToSave(questions, drafts));
    const request = http.expectOne({ method: 'PUT', url: `${surveyUrl}/mappings` });
    const expected: QuestionMapping[] = [
      { questionName: 'job', stageId: 'stage-1', touchpointId: null, personaAttribute: null, metric: null, jtbdPrompt: true },
      // Only open questions can be JTBD prompts.
      { questionName: 'nps', stageId: 'stage-7', touchpointId: null, personaAttribute: null, metric: 'nps', jtbdPrompt: false },
    ];
    expect(request.request.body).toEqual({ mappings: expected });
    request.flush(aSurvey({ questions, mappings: expected }));
    const result = await save;

    expect(result.ok).toBe(true);
    expect(mappingDrafts(store.questions(), store.survey()?.mappings ?? [])).toEqual(expected);
  });

  it('should show the public link token after opening the survey', async () => {
    const open = store.setStatus('open');
    const request = http.expectOne({ method: 'PATCH', url: surveyUrl });
    expect(request.request.body).toEqual({ status: 'open' });
    request.flush(aSurvey({ status: 'open', publicToken: 'secret-token-123' }));
    await open;

    expect(store.survey()?.publicToken).toBe('secret-token-123');
  });

  it('should keep the survey unchanged and return the field at fault when the server refuses a definition', async () => {
    const update = store.update({ definition: { pages: [{ elements: [{ type: 'radiogroup', name: 'q', choices: [] }] }] } });
    http.expectOne({ method: 'PATCH', url: surveyUrl }).flush(
      anApiError({ details: [{ field: 'definition.pages[0].elements[0].choices', message: 'must be a non-empty list' }] }),
      { status: 400, statusText: 'Bad Request' },
    );
    const result = await update;

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.details?.[0].field).toBe('definition.pages[0].elements[0].choices');
    expect(store.survey()?.questions).toEqual(questions);
  });
});
