export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

export interface UserResponse {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  /** The first user of an instance may create projects; invited users may not. */
  canCreateProjects: boolean;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
  /** Required for every user but the first one of an instance. */
  invitationToken?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface UpdateMeRequest {
  displayName?: string;
  locale?: Locale;
}

/** Names of the cookies and header the client needs to know. */
export const SESSION_COOKIE = 'tropa_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
