import { anApiError } from '../../../testing/factories';
import { eventProblemsFromError } from './event-problems';

describe('eventProblemsFromError', () => {
  it('should keep the line the server gives with each problem', () => {
    const error = anApiError({ details: [{ field: 'stage', message: 'Unknown stage "Foo"', line: 3 } as never] });

    expect(eventProblemsFromError(error)).toEqual([{ line: 3, field: 'stage', message: 'Unknown stage "Foo"' }]);
  });

  it('should read the line from a field that names it', () => {
    const error = anApiError({
      details: [
        { field: 'line 4: timestamp', message: 'Not a date' },
        { field: 'rows[7].amount', message: 'Negative amount' },
      ],
    });

    expect(eventProblemsFromError(error)).toEqual([
      { line: 4, field: 'timestamp', message: 'Not a date' },
      { line: 7, field: 'amount', message: 'Negative amount' },
    ]);
  });

  it('should give line 0 to a problem with the whole file and nothing without an error', () => {
    expect(eventProblemsFromError(anApiError({ details: [{ field: 'file', message: 'No customer column' }] }))).toEqual([
      { line: 0, field: 'file', message: 'No customer column' },
    ]);
    expect(eventProblemsFromError(null)).toEqual([]);
  });
});
