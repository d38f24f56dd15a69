import { formatNumber, formatPercent, formatSigned } from './kpi-format';

/** Intl puts a narrow or plain no-break space between Russian thousands; compare with ordinary spaces. */
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('kpi-format', () => {
  it('should group thousands in the UI language when formatting a revenue', () => {
    expect(formatNumber(1234567.4, 'en')).toBe('1,234,567');
    expect(spaced(formatNumber(1234567.4, 'ru'))).toBe('1 234 567');
  });

  it('should show a dash when the value is unknown', () => {
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatSigned(null, 'en')).toBe('—');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('should sign a change with plus or minus when it is not zero', () => {
    expect(formatSigned(12300, 'en')).toBe('+12,300');
    expect(formatSigned(-4000.4, 'en')).toBe('−4,000');
    expect(formatSigned(0.2, 'en')).toBe('0');
  });

  it('should show a share as a percentage with one decimal when it has one', () => {
    expect(formatPercent(0.625, 'en')).toBe('62.5 %');
    expect(formatPercent(0.4, 'ru')).toBe('40 %');
    expect(formatPercent(0.125, 'ru')).toBe('12,5 %');
  });
});
