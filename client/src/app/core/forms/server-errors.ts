import type { AbstractControl } from '@angular/forms';
import type { ApiError } from '@tropa/contracts';

/**
 * Puts the server's field errors on the matching controls (`server` error key) and
 * returns the text to show above the form: the message when not every detail matched a
 * control (`''` means "no message from the server": the form shows its own text), else null.
 */
export function applyServerErrors(form: AbstractControl, error: ApiError | null): string | null {
  if (!error) {
    return null;
  }
  let matched = 0;
  for (const detail of error.details ?? []) {
    const control = form.get(detail.field);
    if (control) {
      const previous = control.getError('server') as string | null;
      control.setErrors({ ...control.errors, server: previous ? `${previous}; ${detail.message}` : detail.message });
      control.markAsTouched();
      matched++;
    }
  }
  return matched > 0 && matched === (error.details?.length ?? 0) ? null : error.message;
}
