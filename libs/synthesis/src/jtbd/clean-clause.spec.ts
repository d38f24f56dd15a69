import { cleanClause } from './clean-clause';

describe('cleanClause', () => {
  it('should drop a preposition or conjunction left dangling where the clause was cut', () => {
    expect(cleanClause('не выбрасывать деньги на то', 'ru', 'outcome', 'verbal')).toBe('не выбрасывать деньги');
    expect(cleanClause('Заказать крем и', 'ru', 'motivation', 'verbal')).toBe('заказать крем');
    expect(cleanClause('to stop wasting money on the', 'en', 'motivation', 'verbal')).toBe('stop wasting money');
  });

  it('should keep a preposition that starts the clause', () => {
    expect(cleanClause('на выходных нет времени', 'ru', 'situation', 'verbal')).toBe('на выходных нет времени');
  });
});
