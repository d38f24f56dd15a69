import { embedTexts, randomizedSvd, tfidf, symmetricEigen } from './index';
import { transposeCsr } from './csr';
import { crossDots, gram, multiplyUpperTriangular, orthonormaliseColumns } from './dense';

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

describe('dense kernels', () => {
  const random = (length: number, seed: number): Float64Array => {
    let s = seed;
    return Float64Array.from({ length }, () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647 - 0.5;
    });
  };
  const naiveDot = (a: Float64Array, i: number, b: Float64Array, j: number, len: number, terms = len): number => {
    let s = 0;
    for (let t = 0; t < terms; t++) s += a[i * len + t] * b[j * len + t];
    return s;
  };

  it('should match plain dot products when rows and columns are not multiples of the tile', () => {
    const len = 7;
    const a = random(11 * len, 3);
    const b = random(9 * len, 5);
    const out = new Float64Array(20 * 10).fill(NaN);
    crossDots(a, 2, 11, b, 1, 8, len, out, 10, 12, 5);
    for (let i = 2; i < 11; i++) {
      for (let j = 1; j < 8; j++) expect(out[12 + (i - 2) * 10 + (j - 1)]).toBeCloseTo(naiveDot(a, i, b, j, len, 5), 12);
    }
    expect(out[0]).toBeNaN();
  });

  it('should multiply by an upper-triangular matrix in place when asked', () => {
    const n = 9;
    const w = 6;
    const a = random(n * w, 7);
    const u = random(w * w, 11);
    for (let r = 0; r < w; r++) for (let c = 0; c < r; c++) u[r * w + c] = 0;
    const expected = Array.from({ length: n * w }, (_, p) => {
      const i = Math.floor(p / w);
      const c = p % w;
      let s = 0;
      for (let t = 0; t < w; t++) s += a[i * w + t] * u[t * w + c];
      return s;
    });
    multiplyUpperTriangular(a, u, n, w);
    expected.forEach((v, p) => expect(a[p]).toBeCloseTo(v, 12));
  });

  it('should give orthonormal columns when orthonormalising', () => {
    const n = 40;
    const w = 7;
    const y = random(n * w, 13);
    orthonormaliseColumns(y, n, w);
    const g = gram(y, n, w);
    for (let r = 0; r < w; r++) for (let c = 0; c < w; c++) expect(g[r * w + c]).toBeCloseTo(r === c ? 1 : 0, 10);
  });

  it('should satisfy A v = λ v for every eigenpair of a larger symmetric matrix', () => {
    const w = 30;
    const m = random(w * w, 17);
    for (let r = 0; r < w; r++) for (let c = 0; c < r; c++) m[r * w + c] = m[c * w + r];
    const { values, vectors } = symmetricEigen(m, w);
    for (let j = 0; j < w; j++) {
      if (j > 0) expect(values[j]).toBeLessThanOrEqual(values[j - 1]);
      for (let i = 0; i < w; i++) {
        let s = 0;
        for (let t = 0; t < w; t++) s += m[i * w + t] * vectors[t * w + j];
        expect(s).toBeCloseTo(values[j] * vectors[i * w + j], 10);
      }
    }
  });

  it('should give back the same entries when a sparse matrix is transposed', () => {
    const x = { rows: 3, cols: 4, indptr: new Int32Array([0, 2, 2, 5]), indices: new Int32Array([1, 3, 0, 1, 2]), data: new Float32Array([1, 2, 3, 4, 5]) };
    const t = transposeCsr(x);
    expect(Array.from(t.indptr)).toEqual([0, 1, 3, 4, 5]);
    expect(Array.from(t.indices)).toEqual([2, 0, 2, 2, 0]);
    expect(Array.from(t.data)).toEqual([3, 1, 4, 5, 2]);
  });
});
