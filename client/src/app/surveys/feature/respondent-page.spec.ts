import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { anApiError } from '../../testing/factories';
import { RespondentPage } from './respondent-page';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('RespondentPage', () => {
  async function render(): Promise<{ root: HTMLElement; http: HttpTestingController; stable: () => Promise<void> }> {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(I18n).setLocale('en');
    const fixture = TestBed.createComponent(RespondentPage);
    fixture.componentRef.setInput('token', 'token-1');
    await fixture.whenStable();
    return { root: fixture.nativeElement as HTMLElement, http: TestBed.inject(HttpTestingController), stable: () => fixture.whenStable() };
  }

  const text = (root: HTMLElement, testId: string): string | undefined =>
    root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim();

  it('should say the survey is not found in the browser’s language when the link is unknown', async () => {
    const { root, http, stable } = await render();

    http.expectOne('/api/public/surveys/token-1').flush(anApiError({ statusCode: 404 }), { status: 404, statusText: 'Not Found' });
    await settle();
    await stable();

    expect(text(root, 'respondent-not-found')).toBe('Survey not found. Check the link.');
    http.verify();
  });

  it('should say the survey is closed in the survey’s language, with its title as text', async () => {
    const { root, http, stable } = await render();

    http.expectOne('/api/public/surveys/token-1').flush({
      title: '<b>Кофе</b> по утрам',
      description: '',
      language: 'ru',
      status: 'closed',
      definition: { pages: [] },
    });
    await settle();
    await stable();

    expect(text(root, 'respondent-closed')).toBe('Этот опрос закрыт и больше не принимает ответы.');
    expect(root.querySelector('h1')?.textContent).toBe('<b>Кофе</b> по утрам');
    expect(root.querySelector('b')).toBeNull();
    http.verify();
  });
});
