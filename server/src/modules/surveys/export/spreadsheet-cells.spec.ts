import { questionInfo } from '../../../../test/factories/question.factory';
import { answerCell, csvField, neutralise } from './spreadsheet-cells';

const question = questionInfo;

describe('spreadsheet cells', () => {
  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx'])('should neutralise a formula when a cell starts like %j', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
  });

  it('should leave ordinary text alone when it is not a formula', () => {
    expect(neutralise('Доставка — 5 дней')).toBe('Доставка — 5 дней');
  });

  it('should quote a CSV field when it holds a comma, a quote or a line break', () => {
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('should show choice labels, lists and matrix rows when a cell is built from an answer', () => {
    const choices = [
      { value: 'a', text: 'Сайт' },
      { value: 'b', text: 'Магазин' },
    ];
    expect(answerCell(question({ type: 'checkbox', choices }), ['a', 'b'])).toBe('Сайт; Магазин');
    expect(answerCell(question({ type: 'radiogroup', choices }), 'b')).toBe('Магазин');
    expect(answerCell(question({ type: 'rating' }), 4)).toBe(4);
    expect(answerCell(question({ type: 'matrix', choices, rows: [{ value: 'r1', text: 'Цена' }] }), { r1: 'a' })).toBe('Цена: Сайт');
    expect(answerCell(question({}), undefined)).toBeNull();
  });
});
