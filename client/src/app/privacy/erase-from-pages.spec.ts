import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ProjectRole } from '@tropa/contracts';
import { of } from 'rxjs';
import { I18n } from '../core/i18n/i18n';
import type { ConfirmDialogData } from '../core/ui/confirm-dialog';
import { ProjectStore } from '../projects/data-access/project-store';
import { SessionPage } from '../sessions/feature/session-page';
import { SurveyStore } from '../surveys/data-access/survey-store';
import { SurveyResponsesTab } from '../surveys/feature/survey-responses-tab';
import { aPage, aParticipant, aProject, aResponseRecord, aSession, aSurvey } from '../testing/factories';

const projectUrl = '/api/projects/project-1';
const sessionUrl = `${projectUrl}/sessions/session-1`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The "Erase participant" action on the session page: what the confirmation says, the request, the reload. */
describe('erasing a participant from the session page', () => {
  let http: HttpTestingController;
  let dialogs: ConfirmDialogData[];
  let answer: boolean;

  async function render(role: ProjectRole): Promise<{ root: HTMLElement; stable: () => Promise<void> }> {
    dialogs = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: { data: ConfirmDialogData }) => {
              dialogs.push(config.data);
              return { afterClosed: () => of(answer) };
            },
          },
        },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    const fixture = TestBed.createComponent(SessionPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('sessionId', 'session-1');
    const stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    await fixture.whenStable();
    flushSession('Вера', null);
    await stable();
    return { root: fixture.nativeElement as HTMLElement, stable };
  }

  function flushSession(pseudonym: string, erasedAt: string | null): void {
    http.expectOne(sessionUrl).flush(aSession({ participantCount: 1, utteranceCount: 0 }));
    http.expectOne((request) => request.url === `${sessionUrl}/participants`).flush(aPage([aParticipant({ id: 'p1', pseudonym, contact: erasedAt ? null : 'vera@example.com', erasedAt })]));
    http.expectOne((request) => request.url === `${projectUrl}/members`).flush(aPage([]));
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([]));
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);

  afterEach(() => TestBed.resetTestingModule());

  it('should say what is erased, erase after confirmation and show the participant as erased', async () => {
    answer = true;
    const { root, stable } = await render('researcher');

    find(root, 'participant-erase')!.click();
    await stable();

    expect(dialogs).toHaveLength(1);
    expect(dialogs[0].title).toBe('Erase participant “Вера”?');
    expect(dialogs[0].message).toContain('replaced by “[erased]”');
    expect(dialogs[0].message).toContain('contact and persona link are cleared');
    expect(dialogs[0].message).toContain('This cannot be undone.');
    http
      .expectOne({ method: 'POST', url: `${sessionUrl}/participants/p1/erase` })
      .flush({ utterances: 3, quotes: 1, answers: 0, pseudonym: 'Erased participant 1' });
    await stable();
    flushSession('Erased participant 1', '2026-11-23T10:00:00.000Z');
    await stable();

    expect(find(root, 'participant-row-pseudonym')?.textContent).toContain('Erased participant 1');
    expect(find(root, 'participant-erased')).not.toBeNull();
    expect(find(root, 'participant-erase')).toBeNull();
    http.verify();
  });

  it('should erase nothing when the confirmation is cancelled', async () => {
    answer = false;
    const { root, stable } = await render('owner');

    find(root, 'participant-erase')!.click();
    await stable();

    expect(dialogs).toHaveLength(1);
    http.verify();
  });

  it('should show the server’s refusal', async () => {
    answer = true;
    const { root, stable } = await render('owner');

    find(root, 'participant-erase')!.click();
    await stable();
    http
      .expectOne({ method: 'POST', url: `${sessionUrl}/participants/p1/erase` })
      .flush({ statusCode: 404, error: 'Not Found', message: 'Participant not found' }, { status: 404, statusText: 'Not Found' });
    await stable();

    expect(root.textContent).toContain('Not found, or you have no access to it.');
    expect(find(root, 'participant-erased')).toBeNull();
    http.verify();
  });

  it.each<ProjectRole>(['moderator', 'strategist'])('should offer no erasure to a %s', async (role) => {
    answer = true;
    const { root } = await render(role);

    expect(find(root, 'participant-erase')).toBeNull();
  });
});

/** The "Erase respondent" action in a survey response's view. */
describe('erasing a respondent from the responses tab', () => {
  const surveyUrl = `${projectUrl}/surveys/survey-1`;
  const responsesUrl = `${surveyUrl}/responses`;
  let http: HttpTestingController;
  let dialogs: ConfirmDialogData[];

  async function render(role: ProjectRole): Promise<{ root: HTMLElement; stable: () => Promise<void> }> {
    dialogs = [];
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        ProjectStore,
        SurveyStore,
        {
          provide: MatDialog,
          useValue: {
            open: (_component: unknown, config: { data: ConfirmDialogData }) => {
              dialogs.push(config.data);
              return { afterClosed: () => of(true) };
            },
          },
        },
      ],
    });
    TestBed.inject(I18n).setLocale('en');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    TestBed.inject(SurveyStore).load('project-1', 'survey-1');
    http.expectOne(surveyUrl).flush(aSurvey({ status: 'open', responseCount: 1 }));
    const fixture = TestBed.createComponent(SurveyResponsesTab);
    const stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    await stable();
    http.expectOne((request) => request.url === responsesUrl).flush(aPage([aResponseRecord({ id: 'r1', answers: { story: 'Курьер опоздал' } })]));
    await stable();
    const root = fixture.nativeElement as HTMLElement;
    (root.querySelector('[data-testid="response-view"]') as HTMLElement).click();
    await stable();
    http.expectOne(`${responsesUrl}/r1`).flush(aResponseRecord({ id: 'r1', answers: { story: 'Курьер опоздал' } }));
    await stable();
    return { root, stable };
  }

  const find = (root: HTMLElement, testId: string): HTMLElement | null => root.querySelector(`[data-testid="${testId}"]`);

  afterEach(() => TestBed.resetTestingModule());

  it('should say what is erased, erase after confirmation and show the response as erased', async () => {
    const { root, stable } = await render('researcher');

    find(root, 'response-erase')!.click();
    await stable();

    expect(dialogs.map((d) => d.title)).toEqual(['Erase this respondent?']);
    expect(dialogs[0].message).toContain('All answers of this response are deleted');
    expect(dialogs[0].message).toContain('This cannot be undone.');
    http.expectOne({ method: 'POST', url: `${responsesUrl}/r1/erase` }).flush({ utterances: 0, quotes: 1, answers: 1 });
    await stable();
    const erased = aResponseRecord({ id: 'r1', respondentKey: 'erased-1', answers: {}, erasedAt: '2026-11-23T10:00:00.000Z' });
    http.expectOne((request) => request.url === responsesUrl).flush(aPage([erased]));
    http.expectOne(`${responsesUrl}/r1`).flush(erased);
    await stable();

    expect(find(root, 'response-erased')).not.toBeNull();
    expect(find(root, 'response-erase')).toBeNull();
    http.verify();
  });

  it('should offer no erasure to a moderator', async () => {
    const { root } = await render('moderator');

    expect(find(root, 'response-detail')).not.toBeNull();
    expect(find(root, 'response-erase')).toBeNull();
  });
});
