import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ParticipantResponse, ResponseRecord } from '@tropa/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../core/i18n/i18n';
import { ParticipantTable } from '../../sessions/ui/participant-table';
import { ResponseView } from '../../surveys/ui/response-view';
import { aParticipant, aResponseRecord } from '../../testing/factories';
import { PrivacyApi } from '../data-access/privacy-api';

const byTestId = (root: HTMLElement, id: string): HTMLElement[] => Array.from(root.querySelectorAll(`[data-testid="${id}"]`));

describe('erase actions', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(I18n).setLocale('en');
  });

  afterEach(() => TestBed.resetTestingModule());

  describe('in the participants table', () => {
    async function render(erasable: boolean) {
      const fixture = TestBed.createComponent(ParticipantTable);
      fixture.componentRef.setInput('participants', [
        aParticipant({ id: 'p1', pseudonym: 'Вера' }),
        aParticipant({ id: 'p2', pseudonym: 'Erased participant 1', contact: null, erasedAt: '2026-11-01T10:00:00.000Z' }),
      ]);
      fixture.componentRef.setInput('erasable', erasable);
      const erased: ParticipantResponse[] = [];
      fixture.componentInstance.erase.subscribe((participant) => erased.push(participant));
      await fixture.whenStable();
      return { root: fixture.nativeElement as HTMLElement, erased };
    }

    it('should offer erasure of a participant not yet erased and emit them', async () => {
      const { root, erased } = await render(true);
      const buttons = byTestId(root, 'participant-erase');
      expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Erase participant']);
      expect(byTestId(root, 'participant-erased').map((m) => m.textContent?.trim())).toEqual(['(Erased)']);
      buttons[0].click();
      expect(erased.map((p) => p.pseudonym)).toEqual(['Вера']);
    });

    it('should offer no erasure to roles that may not erase', async () => {
      const { root } = await render(false);
      expect(byTestId(root, 'participant-erase')).toEqual([]);
    });
  });

  describe('in a response', () => {
    async function render(response: ResponseRecord, erasable: boolean) {
      const fixture = TestBed.createComponent(ResponseView);
      fixture.componentRef.setInput('response', response);
      fixture.componentRef.setInput('answers', []);
      fixture.componentRef.setInput('erasable', erasable);
      const erased: ResponseRecord[] = [];
      fixture.componentInstance.erase.subscribe((record) => erased.push(record));
      await fixture.whenStable();
      return { root: fixture.nativeElement as HTMLElement, erased };
    }

    it('should offer erasure of the respondent and emit the response', async () => {
      const { root, erased } = await render(aResponseRecord({ id: 'r1' }), true);
      const [button] = byTestId(root, 'response-erase');
      expect(button.textContent?.trim()).toBe('Erase respondent');
      button.click();
      expect(erased.map((r) => r.id)).toEqual(['r1']);
      expect(byTestId(root, 'response-erased')).toEqual([]);
    });

    it('should say an erased respondent is erased and offer nothing more', async () => {
      const { root } = await render(aResponseRecord({ id: 'r1', answers: {}, erasedAt: '2026-11-01T10:00:00.000Z' }), true);
      expect(byTestId(root, 'response-erase')).toEqual([]);
      expect(byTestId(root, 'response-erased')[0].textContent).toContain('This respondent was erased on');
    });

    it('should offer no erasure to roles that may not erase', async () => {
      const { root } = await render(aResponseRecord(), false);
      expect(byTestId(root, 'response-erase')).toEqual([]);
    });
  });

  describe('the API', () => {
    it('should post to the erase routes of a participant and a response', async () => {
      const api = TestBed.inject(PrivacyApi);
      const http = TestBed.inject(HttpTestingController);
      const participant = firstValueFrom(api.eraseParticipant('project-1', 'session-1', 'p1'));
      const request = http.expectOne('/api/projects/project-1/sessions/session-1/participants/p1/erase');
      expect(request.request.method).toBe('POST');
      request.flush({ utterances: 3, quotes: 2, answers: 0, pseudonym: 'Erased participant 1' });
      expect(await participant).toEqual({ utterances: 3, quotes: 2, answers: 0, pseudonym: 'Erased participant 1' });
      const respondent = firstValueFrom(api.eraseRespondent('project-1', 'survey-1', 'r1'));
      http.expectOne({ method: 'POST', url: '/api/projects/project-1/surveys/survey-1/responses/r1/erase' }).flush({ utterances: 0, quotes: 1, answers: 4 });
      expect(await respondent).toEqual({ utterances: 0, quotes: 1, answers: 4 });
      http.verify();
    });
  });
});
