import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ProjectRole } from '@tropa/contracts';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { ProjectStore } from '../../projects/data-access/project-store';
import { aPage, aParticipant, aProject, aSession, anUtterance } from '../../testing/factories';
import { SessionPage } from './session-page';

const projectUrl = '/api/projects/project-1';
const sessionUrl = `${projectUrl}/sessions/session-1`;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('SessionPage', () => {
  let root: HTMLElement;
  let stable: () => Promise<void>;

  async function render(role: ProjectRole, contact: string | null, utteranceCount = 0): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProjectStore],
    });
    TestBed.inject(I18n).setLocale('en');
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(ProjectStore).load('project-1');
    http.expectOne(projectUrl).flush(aProject({ myRole: role }));
    const fixture = TestBed.createComponent(SessionPage);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('sessionId', 'session-1');
    await fixture.whenStable();
    http.expectOne(sessionUrl).flush(aSession({ participantCount: 1, utteranceCount }));
    http.expectOne((request) => request.url === `${sessionUrl}/participants`).flush(aPage([aParticipant({ pseudonym: 'Вера', contact })]));
    http.expectOne((request) => request.url === `${projectUrl}/members`).flush(aPage([]));
    http.expectOne((request) => request.url === `${projectUrl}/personas`).flush(aPage([]));
    await settle();
    await fixture.whenStable();
    if (utteranceCount > 0) {
      http.expectOne((request) => request.url === `${sessionUrl}/utterances`).flush(aPage([anUtterance(0)]));
      http.expectOne((request) => request.url === `${projectUrl}/quotes`).flush(aPage([]));
      http.expectOne((request) => request.url === `${projectUrl}/tags`).flush(aPage([]));
      await settle();
      await fixture.whenStable();
    }
    http.verify();
    root = fixture.nativeElement as HTMLElement;
    stable = async () => {
      await settle();
      await fixture.whenStable();
    };
    return root;
  }

  const find = (root: HTMLElement, testId: string): Element | null => root.querySelector(`[data-testid="${testId}"]`);

  afterEach(() => TestBed.resetTestingModule());

  it('should show no write controls and no upload when the role is strategist', async () => {
    const root = await render('strategist', '•••');

    expect(find(root, 'session-read-only')).not.toBeNull();
    expect(find(root, 'session-edit')).toBeNull();
    expect(find(root, 'participant-add')).toBeNull();
    expect(find(root, 'participant-edit')).toBeNull();
    expect(find(root, 'participant-row-contact')?.textContent?.trim()).toBe('•••');
    expect(find(root, 'transcript-import')).toBeNull();
    expect(find(root, 'transcript-none')?.textContent?.trim()).toBe('No transcript yet.');
  });

  it('should offer editing and the upload wizard when the role is moderator and there is no transcript', async () => {
    const root = await render('moderator', '•••');

    expect(find(root, 'session-read-only')).toBeNull();
    expect(find(root, 'session-edit')).not.toBeNull();
    expect(find(root, 'participant-add')).not.toBeNull();
    expect(find(root, 'transcript-file')).not.toBeNull();
  });

  it('should show the contact when the role is researcher', async () => {
    const root = await render('researcher', 'vera@example.com');

    expect(find(root, 'participant-row-contact')?.textContent?.trim()).toBe('vera@example.com');
  });

  it('should show the transcript with coding for a moderator and switch to the agreement report', async () => {
    await render('moderator', '•••', 1);

    expect(find(root, 'session-read-only')).toBeNull();
    expect(find(root, 'utterance')).not.toBeNull();
    expect(find(root, 'coding-hint')).not.toBeNull();

    (find(root, 'session-tab-agreement')?.querySelector('button') as HTMLButtonElement).click();
    await stable();

    expect(find(root, 'transcript')).toBeNull();
    expect(find(root, 'agreement-run')).not.toBeNull();
  });

  it('should show the transcript without coding to a strategist', async () => {
    await render('strategist', '•••', 1);

    expect(find(root, 'utterance')).not.toBeNull();
    expect(find(root, 'coding-hint')).toBeNull();
  });
});
