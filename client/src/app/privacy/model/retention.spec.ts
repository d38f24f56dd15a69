import { parseRetentionDays } from './retention';

describe('parseRetentionDays', () => {
  it('should read an empty field as keeping responses', () => {
    expect(parseRetentionDays('  ')).toEqual({ ok: true, value: null });
  });

  it('should accept whole numbers of days from 1 to 3650', () => {
    expect(parseRetentionDays('1')).toEqual({ ok: true, value: 1 });
    expect(parseRetentionDays(' 365 ')).toEqual({ ok: true, value: 365 });
    expect(parseRetentionDays('3650')).toEqual({ ok: true, value: 3650 });
  });

  it.each(['0', '3651', '99999', 'abc', '1.5', '-3', '30 days'])('should refuse %s', (text) => {
    expect(parseRetentionDays(text)).toEqual({ ok: false });
  });
});
