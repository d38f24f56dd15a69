import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { I18n } from './i18n';
import type { MessageParams } from './i18n';
import type { MessageKey } from './messages.en';

/**
 * `{{ 'projects.title' | t }}`. Impure on purpose: it reads the locale signal, so the
 * view that uses it re-renders when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
