import { CsvParser, parseCsv } from './csv';

describe('parseCsv', () => {
  it('should handle quoted commas, doubled quotes and line breaks when fields are quoted', () => {
    const rows = parseCsv('text,label\r\n"Hello, ""world""\nsecond line",greet\nplain,x');
    expect(rows).toEqual([
      ['text', 'label'],
      ['Hello, "world"\nsecond line', 'greet'],
      ['plain', 'x'],
    ]);
  });

  it('should strip the BOM and skip blank lines when present', () => {
    expect(parseCsv('\ufeffa,b\n\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('should give the same rows when the input arrives in arbitrary chunks', () => {
    const text = 'a,b\n"x ""y"", z",2\n"multi\nline",3\n';
    const whole = parseCsv(text);
    for (let size = 1; size < 6; size++) {
      const parser = new CsvParser();
      const rows: string[][] = [];
      for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size), (r) => rows.push(r));
      parser.end((r) => rows.push(r));
      expect(rows).toEqual(whole);
    }
  });
});
