import { formatTranscriptTime } from './transcript-time';

describe('formatTranscriptTime', () => {
  it('should show minutes and seconds when under an hour', () => {
    expect(formatTranscriptTime(0)).toBe('00:00');
    expect(formatTranscriptTime(187_400)).toBe('03:07');
    expect(formatTranscriptTime(3_599_999)).toBe('59:59');
  });

  it('should show hours when an hour or longer', () => {
    expect(formatTranscriptTime(3_600_000)).toBe('1:00:00');
    expect(formatTranscriptTime(7_384_000)).toBe('2:03:04');
  });

  it('should show nothing when the time is unknown', () => {
    expect(formatTranscriptTime(null)).toBe('');
    expect(formatTranscriptTime(undefined)).toBe('');
    expect(formatTranscriptTime(-5)).toBe('');
  });
});
