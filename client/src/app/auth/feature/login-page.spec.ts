import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { aUser, anApiError } from '../../testing/factories';
import { LoginPage, safeReturnUrl } from './login-page';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('LoginPage', () => {
  async function render(): Promise<{ root: HTMLElement; http: HttpTestingController; stable: () => Promise<void> }> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLocale('ru');
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    return {
      root: fixture.nativeElement as HTMLElement,
      http: TestBed.inject(HttpTestingController),
      stable: () => fixture.whenStable(),
    };
  }

  function submit(root: HTMLElement, email: string, password: string): void {
    for (const [testId, value] of [
      ['login-email', email],
      ['login-password', password],
    ]) {
      const input = root.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    root.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
  }

  it('should say "wrong email or password" in the UI language when the server answers 401', async () => {
    const { root, http, stable } = await render();

    submit(root, 'anna@example.com', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(anApiError({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' }), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await settle();
    await stable();

    expect(root.querySelector('[data-testid="form-error"]')?.textContent?.trim()).toBe('Неверная почта или пароль');
    http.verify();
  });

  it('should go to the projects after a successful login', async () => {
    const { root, http } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    submit(root, 'anna@example.com', 'right-password');
    http.expectOne('/api/auth/login').flush(aUser());
    await settle();

    expect(navigate).toHaveBeenCalledWith('/projects');
    http.verify();
  });

  it('should only return to paths inside the app', () => {
    expect(safeReturnUrl('/projects/1/stages')).toBe('/projects/1/stages');
    expect(safeReturnUrl('//evil.example.com')).toBe('/projects');
    expect(safeReturnUrl('https://evil.example.com')).toBe('/projects');
    expect(safeReturnUrl(undefined)).toBe('/projects');
  });
});
