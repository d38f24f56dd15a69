import { Pipe, inject } from '@angular/core';
import type { PipeTransform } from '@angular/core';
import { I18n } from './i18n';

/** Formats an ISO date in the UI language (Intl, no locale data registration needed). */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | null | undefined, withTime = false): string {
    if (!value) {
      return '';
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      return value;
    }
    return new Intl.DateTimeFormat(this.i18n.locale(), {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    }).format(date);
  }
}
