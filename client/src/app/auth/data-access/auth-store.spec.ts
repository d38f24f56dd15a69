import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../core/i18n/i18n';
import { aUser, anApiError } from '../../testing/factories';
import { AuthStore } from './auth-store';

/** Lets the store's awaited HTTP call continue after a flush. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;
  let i18n: I18n;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
    i18n = TestBed.inject(I18n);
  });

  afterEach(() => http.verify());

  it('should fetch the CSRF cookie and then the session when the app starts', async () => {
    const init = store.init();
    http.expectOne({ method: 'GET', url: '/api/auth/csrf' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne({ method: 'GET', url: '/api/auth/me' }).flush(aUser({ locale: 'ru' }));
    await init;

    expect(store.status()).toBe('ready');
    expect(store.user()?.email).toBe('anna@example.com');
    expect(i18n.locale()).toBe('ru');
  });

  it('should be signed out when /me answers 401', async () => {
    const init = store.init();
    http.expectOne('/api/auth/csrf').flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http
      .expectOne('/api/auth/me')
      .flush(anApiError({ statusCode: 401, error: 'Unauthorized', message: 'Not signed in' }), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await init;

    expect(store.status()).toBe('ready');
    expect(store.isLoggedIn()).toBe(false);
  });

  it('should sign in and adopt the user language when the login succeeds', async () => {
    const login = store.login({ email: 'anna@example.com', password: 'secret-password' });
    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ email: 'anna@example.com', password: 'secret-password' });
    request.flush(aUser({ locale: 'ru' }));

    const result = await login;

    expect(result.ok).toBe(true);
    expect(store.isLoggedIn()).toBe(true);
    expect(i18n.locale()).toBe('ru');
  });

  it('should return the server error and stay signed out when the password is wrong', async () => {
    const login = store.login({ email: 'anna@example.com', password: 'wrong' });
    http
      .expectOne('/api/auth/login')
      .flush(anApiError({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' }), {
        status: 401,
        statusText: 'Unauthorized',
      });

    const result = await login;

    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ statusCode: 401, message: 'Invalid email or password' }),
    });
    expect(store.isLoggedIn()).toBe(false);
  });

  it('should send the UI language with a registration', async () => {
    i18n.setLocale('ru');
    const register = store.register({ email: 'a@b.c', password: 'long-enough', displayName: 'A' });
    const request = http.expectOne({ method: 'POST', url: '/api/auth/register' });
    expect(request.request.body).toEqual({ email: 'a@b.c', password: 'long-enough', displayName: 'A', locale: 'ru' });
    request.flush(aUser({ locale: 'ru' }), { status: 201, statusText: 'Created' });

    expect((await register).ok).toBe(true);
  });

  it('should remember the language on the server when a signed-in user switches it', async () => {
    const login = store.login({ email: 'anna@example.com', password: 'secret-password' });
    http.expectOne('/api/auth/login').flush(aUser({ locale: 'en' }));
    await login;

    const change = store.changeLocale('ru');
    expect(i18n.locale()).toBe('ru');
    const patch = http.expectOne({ method: 'PATCH', url: '/api/auth/me' });
    expect(patch.request.body).toEqual({ locale: 'ru' });
    patch.flush(aUser({ locale: 'ru' }));
    await change;

    expect(store.user()?.locale).toBe('ru');
    expect(localStorage.getItem('tropa.locale')).toBe('ru');
  });

  it('should switch the language locally only when nobody is signed in', async () => {
    const result = await store.changeLocale('ru');

    expect(result.ok).toBe(true);
    expect(i18n.locale()).toBe('ru');
    http.expectNone('/api/auth/me');
  });

  it('should forget the user when logging out', async () => {
    const login = store.login({ email: 'anna@example.com', password: 'secret-password' });
    http.expectOne('/api/auth/login').flush(aUser());
    await login;

    const logout = store.logout();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, { status: 204, statusText: 'No Content' });
    await logout;

    expect(store.user()).toBeNull();
  });
});
