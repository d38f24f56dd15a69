import type { ApiError } from '@tropa/contracts';
import { Submission } from './submission';

describe('Submission', () => {
  it('should report saving while the action runs and keep the server error when it fails', async () => {
    const submission = new Submission();
    const error: ApiError = { statusCode: 409, error: 'Conflict', message: 'taken', details: [{ field: 'name', message: 'taken' }] };
    let seenSaving = false;
    await submission.run(async () => {
      seenSaving = submission.saving();
      return { ok: false, error };
    });
    expect(seenSaving).toBe(true);
    expect(submission.saving()).toBe(false);
    expect(submission.error()).toEqual(error);
  });

  it('should clear the previous error when a new run succeeds', async () => {
    const submission = new Submission();
    submission.error.set({ statusCode: 400, error: 'Bad Request', message: 'bad' });
    const result = await submission.run(async () => ({ ok: true, value: 1 }));
    expect(result).toEqual({ ok: true, value: 1 });
    expect(submission.error()).toBeNull();
  });
});
