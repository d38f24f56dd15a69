import { embedTexts, randomizedSvd, tfidf, symmetricEigen } from './index';

describe('vectors', () => {
  it('should build L2-normalised sparse rows when computing TF-IDF', () => {
    const { matrix, empty } = tfidf(['card payment failed', 'payment card declined', '😀', 'оплата картой не прошла']);
    expect(matrix.rows).toBe(4);
    for (let i = 0; i < 4; i++) {
      let s = 0;
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) s += matrix.data[p] ** 2;
      expect(s).toBeCloseTo(empty[i] ? 0 : 1, 5);
    }
    expect(Array.from(empty)).toEqual([0, 0, 1, 0]);
  });

  it('should recover singular values when the matrix is low-rank', () => {
    // X = rows of two orthogonal patterns with weights 3 and 1.
    const rows = 6;
    const indptr = new Int32Array([0, 2, 4, 6, 7, 8, 9]);
    const indices = new Int32Array([0, 1, 0, 1, 0, 1, 2, 2, 2]);
    const data = new Float32Array([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const svd = randomizedSvd({ rows, cols: 3, indptr, indices, data }, 2, { seed: 1 });
    expect(svd.singularValues[0]).toBeCloseTo(Math.sqrt(6), 6);
    expect(svd.singularValues[1]).toBeCloseTo(Math.sqrt(3), 6);
  });

  it('should decompose a symmetric matrix when asked for eigenpairs', () => {
    const m = new Float64Array([2, 1, 1, 2]);
    const { values } = symmetricEigen(m, 2);
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
  });

  it('should give identical vectors when the seed is the same', () => {
    const texts = ['late delivery', 'delivery was late', 'password reset', 'reset my password', 'доставка опоздала'];
    const a = embedTexts(texts, { seed: 5, minDf: 1 });
    const b = embedTexts(texts, { seed: 5, minDf: 1 });
    expect(Array.from(a.vectors)).toEqual(Array.from(b.vectors));
    expect(a.dim).toBeGreaterThan(0);
  });

  it('should return empty vectors when there is no text', () => {
    const e = embedTexts([]);
    expect(e.rows).toBe(0);
    expect(e.dim).toBe(0);
  });
});
