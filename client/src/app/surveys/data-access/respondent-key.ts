import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

export const RESPONDENT_KEY_STORAGE = 'tropa.respondentKey';
const SUBMITTED_PREFIX = 'tropa.answered.';

function randomKey(crypto: Crypto | undefined): string {
  if (crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  if (crypto) {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The respondent's key: random, created once per browser session (sessionStorage), so a
 * survey accepts one submission per session. Also remembers which links were answered.
 */
@Injectable({ providedIn: 'root' })
export class RespondentKey {
  private readonly window = inject(DOCUMENT).defaultView;
  /** When storage is unavailable (private mode), one key for the life of the page. */
  private fallback: string | null = null;
  private readonly answeredFallback = new Set<string>();

  get(): string {
    const storage = this.storage();
    const stored = storage?.getItem(RESPONDENT_KEY_STORAGE);
    if (stored) {
      return stored;
    }
    const key = this.fallback ?? randomKey(this.window?.crypto);
    this.fallback = key;
    storage?.setItem(RESPONDENT_KEY_STORAGE, key);
    return key;
  }

  markAnswered(token: string): void {
    this.answeredFallback.add(token);
    this.storage()?.setItem(SUBMITTED_PREFIX + token, '1');
  }

  hasAnswered(token: string): boolean {
    return this.answeredFallback.has(token) || this.storage()?.getItem(SUBMITTED_PREFIX + token) === '1';
  }

  private storage(): Storage | null {
    try {
      return this.window?.sessionStorage ?? null;
    } catch {
      return null;
    }
  }
}
