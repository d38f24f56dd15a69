import { Injectable, computed, inject, signal } from '@angular/core';
import type { Locale, LoginRequest, RegisterRequest, UserResponse } from '@tropa/contracts';
import { firstValueFrom } from 'rxjs';
import type { LoadStatus } from '../../core/data-access/load-status';
import { toResult } from '../../core/http/api-error';
import type { Result } from '../../core/http/api-error';
import { I18n } from '../../core/i18n/i18n';
import { AuthApi } from './auth-api';

interface AuthState {
  status: LoadStatus;
  user: UserResponse | null;
}

/** Who is signed in, and the session's writes (login, register, logout, language). */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);
  private readonly state = signal<AuthState>({ status: 'idle', user: null });

  readonly status = computed(() => this.state().status);
  readonly user = computed(() => this.state().user);
  readonly isLoggedIn = computed(() => this.state().user !== null);
  readonly canCreateProjects = computed(() => this.state().user?.canCreateProjects === true);

  /** App start: get the CSRF cookie, then find out whether a session exists. Never throws. */
  async init(): Promise<void> {
    this.state.update((state) => ({ ...state, status: 'loading' }));
    try {
      await firstValueFrom(this.api.csrf(), { defaultValue: undefined });
    } catch {
      // Without the cookie writes fail with 403 and say so; reading still works.
    }
    const me = await toResult(this.api.me());
    this.setUser(me.ok ? me.value : null);
  }

  async login(request: LoginRequest): Promise<Result<UserResponse>> {
    const result = await toResult(this.api.login(request));
    if (result.ok) {
      this.setUser(result.value);
    }
    return result;
  }

  async register(request: RegisterRequest): Promise<Result<UserResponse>> {
    const result = await toResult(this.api.register({ ...request, locale: request.locale ?? this.i18n.locale() }));
    if (result.ok) {
      this.setUser(result.value);
    }
    return result;
  }

  async logout(): Promise<void> {
    await toResult(this.api.logout());
    this.clearSession();
  }

  /** The session ended on the server (401 on some call). */
  clearSession(): void {
    this.state.set({ status: 'ready', user: null });
  }

  /** Switches the UI language at once and remembers it for the signed-in user. */
  async changeLocale(locale: Locale): Promise<Result<UserResponse | null>> {
    this.i18n.setLocale(locale);
    const user = this.state().user;
    if (!user || user.locale === locale) {
      return { ok: true, value: user };
    }
    const result = await toResult(this.api.updateMe({ locale }));
    if (result.ok) {
      this.state.update((state) => ({ ...state, user: result.value }));
    }
    return result;
  }

  private setUser(user: UserResponse | null): void {
    this.state.set({ status: 'ready', user });
    if (user) {
      this.i18n.setLocale(user.locale);
    }
  }
}
