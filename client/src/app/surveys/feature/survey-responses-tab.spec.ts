import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aPage, aProject, aResponseRecord, aSurvey } from '../../testing/factories';
import { SurveyStore } from '../data-access/survey-store';
import { SurveyResponsesTab } from './survey-responses-tab';

const projectUrl = '/api/projects/project-1';
const responsesUrl = `${projectUrl}/surveys/survey-1/responses`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('SurveyResponsesTab', () => {
  let http: HttpTestingController;

  afterEach(() => TestBed.resetTestingModule());

  it('should open the response a quote links to (?response=), even when it is not on the first page', async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProjectStore, SurveyStore],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: 'strategist' }));
    TestBed.inject(SurveyStore).load('project-1', 'survey-1');
    http.expectOne(`${projectUrl}/surveys/survey-1`).flush(aSurvey({ status: 'open', responseCount: 300 }));
    const fixture = TestBed.createComponent(SurveyResponsesTab);
    fixture.componentRef.setInput('response', 'r-old');
    await settle();
    await fixture.whenStable();

    http.expectOne((request) => request.url === responsesUrl).flush(aPage([aResponseRecord({ id: 'r-new', answers: { story: 'Свежий ответ' } })]));
    http.expectOne(`${responsesUrl}/r-old`).flush(aResponseRecord({ id: 'r-old', answers: { story: 'Курьер опоздал на два часа' } }));
    await settle();
    await fixture.whenStable();

    const detail = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="response-detail"]');
    expect(detail?.textContent).toContain('Курьер опоздал на два часа');
    http.verify();
  });
});
