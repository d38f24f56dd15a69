import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Locale } from '@tropa/contracts';
import { LOCALES } from '@tropa/contracts';
import { EN_MESSAGES } from './messages.en';
import type { MessageKey, Messages } from './messages.en';
import { RU_MESSAGES } from './messages.ru';

export const LOCALE_STORAGE_KEY = 'tropa.locale';

const DICTIONARIES: Record<Locale, Messages> = { en: EN_MESSAGES, ru: RU_MESSAGES };

export type MessageParams = Record<string, string | number>;

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Run-time UI language: a signal, a typed dictionary lookup and `{param}` interpolation. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(this.initialLocale());

  readonly locale = this.current.asReadonly();
  readonly messages = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLocale(locale: Locale): void {
    this.current.set(locale);
    this.document.documentElement.lang = locale;
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage may be unavailable (private mode); the choice still applies to this tab.
    }
  }

  t(key: MessageKey, params?: MessageParams): string {
    const template = this.messages()[key] ?? key;
    if (!params) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  }

  private initialLocale(): Locale {
    const window = this.document.defaultView;
    try {
      const stored = window?.localStorage.getItem(LOCALE_STORAGE_KEY);
      if (isLocale(stored)) {
        return stored;
      }
    } catch {
      // fall through to the browser language
    }
    const browser = window?.navigator.language?.toLowerCase() ?? '';
    return browser.startsWith('ru') ? 'ru' : 'en';
  }
}
