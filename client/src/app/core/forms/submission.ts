import { signal } from '@angular/core';
import type { ApiError } from '@tropa/contracts';
import type { Result } from '../http/api-error';

/**
 * The state around one kind of write on a screen: whether it is running and the
 * server's error, if the last run failed (forms show its field errors).
 */
export class Submission {
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);

  async run<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
    this.error.set(null);
    this.saving.set(true);
    try {
      const result = await action();
      if (!result.ok) this.error.set(result.error);
      return result;
    } finally {
      this.saving.set(false);
    }
  }
}
