import { parseExportDate } from './export-date';

describe('parseExportDate', () => {
  it.each([
    ['2024-03-12T10:15:00Z', '2024-03-12T10:15:00.000Z'],
    ['2024-03-12 10:15:00', '2024-03-12T10:15:00.000Z'],
    ['2024-03-12T10:15:00+03:00', '2024-03-12T07:15:00.000Z'],
    ['12.03.2024 10:15:00', '2024-03-12T10:15:00.000Z'],
    ['12.03.2024', '2024-03-12T00:00:00.000Z'],
    ['3/12/2024 10:15:00 PM', '2024-03-12T22:15:00.000Z'],
    ['3/12/2024', '2024-03-12T00:00:00.000Z'],
  ])('should read %s when a survey tool exports it', (text, iso) => {
    expect(parseExportDate(text)?.toISOString()).toBe(iso);
  });

  it.each(['', 'вчера', '31.02.2024', '2024-13-01', '12/40/2024'])('should return null when the text %j is not a date', (text) => {
    expect(parseExportDate(text)).toBeNull();
  });
});
