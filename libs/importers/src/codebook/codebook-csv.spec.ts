import { ImportError } from '../import-error';
import { readCodebookCsv, writeCodebookCsv } from './codebook-csv';

describe('codebook CSV', () => {
  it('should read back what it wrote, with commas, quotes and formula-like names', () => {
    const entries = [
      { id: 'a', parentId: null, name: 'Цена, скидки', kind: 'pain', color: '#ff0000', description: 'Говорят "дорого"' },
      { id: 'b', parentId: 'a', name: '=SUM(A1)', kind: null, color: null, description: '' },
    ];
    const csv = writeCodebookCsv(entries);
    expect(csv).toContain("'=SUM(A1)");
    expect(readCodebookCsv(csv)).toEqual(entries);
  });

  it('should refuse a CSV without the codebook columns', () => {
    expect(() => readCodebookCsv('name,color\nx,#fff\n')).toThrow(ImportError);
  });
});
