import { DEFAULT_START_OPTIONS, toStartRequest } from './start-request';

describe('toStartRequest', () => {
  it('should send an empty request when the options are left as they are', () => {
    expect(toStartRequest(DEFAULT_START_OPTIONS)).toEqual({});
  });

  it('should send k only when an exact positive number was asked for', () => {
    expect(toStartRequest({ ...DEFAULT_START_OPTIONS, kMode: 'exact', k: 6 })).toEqual({ k: 6 });
    expect(toStartRequest({ ...DEFAULT_START_OPTIONS, kMode: 'auto', k: 6 })).toEqual({});
    expect(toStartRequest({ ...DEFAULT_START_OPTIONS, kMode: 'exact', k: null })).toEqual({});
  });

  it('should send the filters that were filled in', () => {
    expect(toStartRequest({ ...DEFAULT_START_OPTIONS, personaId: 'persona-1', surveyId: 'survey-1', from: '2026-01-01' })).toEqual({
      personaId: 'persona-1',
      surveyId: 'survey-1',
      from: '2026-01-01',
    });
  });
});
