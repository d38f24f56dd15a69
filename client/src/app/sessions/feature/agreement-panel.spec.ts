import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@tropa/contracts';
import { I18n } from '../../core/i18n/i18n';
import { aMember, anAgreement } from '../testing/coding-factories';
import { AgreementPanel } from './agreement-panel';

const agreementUrl = '/api/projects/project-1/sessions/session-1/agreement';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('AgreementPanel', () => {
  let fixture: ComponentFixture<AgreementPanel>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(canSettle: boolean, locale: Locale = 'en'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(I18n).setLocale(locale);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AgreementPanel);
    fixture.componentRef.setInput('projectId', 'project-1');
    fixture.componentRef.setInput('sessionId', 'session-1');
    fixture.componentRef.setInput('members', [aMember({ userId: 'user-1', displayName: 'Anna' }), aMember({ userId: 'user-2', displayName: 'Boris' })]);
    fixture.componentRef.setInput('me', 'user-1');
    fixture.componentRef.setInput('canSettle', canSettle);
    await fixture.whenStable();
    root = fixture.nativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await settle();
    await fixture.whenStable();
  }

  const text = (testId: string): string[] =>
    Array.from(root.querySelectorAll(`[data-testid="${testId}"]`)).map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const click = (testId: string, index = 0): void => (root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)[index] as HTMLElement).click();

  afterEach(() => {
    http.verify();
    TestBed.resetTestingModule();
  });

  it('should compare me with the other member and read κ for the user, per tag and overall', async () => {
    await render(true);

    click('agreement-run');
    const request = http.expectOne((candidate) => candidate.url === agreementUrl);
    expect(request.request.params.get('coderA')).toBe('user-1');
    expect(request.request.params.get('coderB')).toBe('user-2');
    request.flush(
      anAgreement({
        percentAgreement: 0.925,
        kappa: 0.72,
        tags: [
          { tagId: 'tag-1', tagName: 'Pain', units: 3, percentAgreement: 0.9, kappa: 0.72 },
          { tagId: 'tag-2', tagName: 'Speed', units: 10, percentAgreement: 1, kappa: null },
        ],
      }),
    );
    await stable();

    expect(text('agreement-kappa')).toEqual(['0.72']);
    expect(text('agreement-percent')).toEqual(['92.5%']);
    expect(text('agreement-band')[0]).toContain('Substantial agreement');
    expect(text('agreement-tag-kappa')).toEqual(['0.72', '—']);
    expect(text('agreement-kappa-null-note')[0]).toContain('undefined');
    expect(text('disagreement-only-a')[0]).toContain('Only Anna');
    expect(text('disagreement-only-a')[0]).toContain('Pain');
    expect(text('disagreement-only-b')[0]).toContain('Only Boris');
  });

  it('should settle a disagreement and show the recomputed report', async () => {
    await render(true);
    click('agreement-run');
    http.expectOne((candidate) => candidate.url === agreementUrl).flush(anAgreement());
    await stable();

    click('settle-drop');
    const post = http.expectOne({ method: 'POST', url: `${agreementUrl}/settle` });
    expect(post.request.body).toEqual({ coderA: 'user-1', coderB: 'user-2', utteranceId: 'utterance-3', tagId: 'tag-1', decision: 'drop' });
    post.flush(anAgreement({ kappa: 1, disagreements: [] }));
    await stable();

    expect(text('agreement-kappa')).toEqual(['1.00']);
    expect(text('disagreement')).toEqual([]);
    expect(text('agreement-no-disagreements')).toHaveLength(1);
  });

  it('should show κ as "—" with an explanation in Russian, and no settle buttons to a reader', async () => {
    await render(false, 'ru');
    click('agreement-run');
    http.expectOne((candidate) => candidate.url === agreementUrl).flush(anAgreement({ kappa: null }));
    await stable();

    expect(text('agreement-kappa')).toEqual(['—']);
    expect(text('agreement-band')[0]).toContain('κ не вычисляется');
    expect(text('settle-keep')).toEqual([]);
  });
});
