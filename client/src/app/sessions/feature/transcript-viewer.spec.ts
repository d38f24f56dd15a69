import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { aPage, aParticipant, anUtterance } from '../../testing/factories';
import { TranscriptViewer } from './transcript-viewer';

const utterancesUrl = '/api/projects/project-1/sessions/session-1/utterances';

describe('TranscriptViewer', () => {
  async function render(): Promise<{ root: HTMLElement; http: HttpTestingController; stable: () => Promise<void> }> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(I18n).setLocale('en');
    const fixture = TestBed.createComponent(TranscriptViewer);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('sessionId', 'session-1');
    fixture.componentRef.setInput('participants', [aParticipant({ id: 'participant-1', pseudonym: 'Вера' })]);
    await fixture.whenStable();
    return { root: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController), stable: () => fixture.whenStable() };
  }

  const all = (root: HTMLElement, testId: string): string[] =>
    Array.from(root.querySelectorAll(`[data-testid="${testId}"]`)).map((element) => element.textContent?.trim() ?? '');

  it('should show time, pseudonym and text as text, set the moderator apart, and load the next page on demand', async () => {
    const { root, http, stable } = await render();

    const first = Array.from({ length: 100 }, (_, index) =>
      index === 0
        ? anUtterance(0, { speaker: 'Модератор', participantId: null, moderator: true, startMs: 3_725_000, text: '<b>Здравствуйте</b>' })
        : anUtterance(index),
    );
    http.expectOne((request) => request.url === utterancesUrl).flush(aPage(first, { total: 150, pageSize: 100 }));
    // The session's highlights and the codebook: none here.
    http.expectOne((request) => request.url === '/api/projects/project-1/quotes').flush(aPage([]));
    http.expectOne((request) => request.url === '/api/projects/project-1/tags').flush(aPage([]));
    await stable();

    const rows = root.querySelectorAll('[data-testid="utterance"]');
    expect(rows).toHaveLength(100);
    expect(rows[0].classList.contains('moderator')).toBe(true);
    expect(rows[1].classList.contains('moderator')).toBe(false);
    expect(all(root, 'utterance-time').slice(0, 2)).toEqual(['1:02:05', '00:01']);
    expect(all(root, 'utterance-speaker')[1]).toBe('Вера');
    expect(all(root, 'utterance-text')[0]).toBe('<b>Здравствуйте</b>');
    expect(root.querySelector('[data-testid="utterance-text"] b')).toBeNull();
    expect(all(root, 'transcript-shown')).toEqual(['100 of 150 utterances']);

    (root.querySelector('[data-testid="transcript-load-more"]') as HTMLButtonElement).click();
    const second = http.expectOne((request) => request.url === utterancesUrl && request.params.get('page') === '2');
    second.flush(aPage(Array.from({ length: 50 }, (_, index) => anUtterance(100 + index)), { total: 150, page: 2, pageSize: 100 }));
    await stable();

    expect(root.querySelectorAll('[data-testid="utterance"]')).toHaveLength(150);
    expect(root.querySelector('[data-testid="transcript-load-more"]')).toBeNull();
    http.verify();
  });
});
