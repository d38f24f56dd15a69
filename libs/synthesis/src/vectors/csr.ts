/**
 * Compressed sparse row matrix and the two products randomized SVD needs.
 * Dense operands are row-major Float64Arrays so both products stream through
 * the sparse entries once and touch contiguous memory.
 */
export interface CsrMatrix {
  rows: number;
  cols: number;
  /** rows + 1 offsets into indices/data. */
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
}

/** X · B, B is cols × b (row-major) → rows × b. */
export function csrTimesDense(x: CsrMatrix, b: Float64Array, width: number, out?: Float64Array): Float64Array {
  const result = out ?? new Float64Array(x.rows * width);
  result.fill(0);
  const { indptr, indices, data } = x;
  // Accumulate each output row in a small buffer (stays in L1) and unroll by four.
  const acc = new Float64Array(width);
  for (let i = 0; i < x.rows; i++) {
    acc.fill(0);
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const v = data[p];
      const r = indices[p] * width;
      let c = 0;
      for (; c + 3 < width; c += 4) {
        acc[c] += v * b[r + c];
        acc[c + 1] += v * b[r + c + 1];
        acc[c + 2] += v * b[r + c + 2];
        acc[c + 3] += v * b[r + c + 3];
      }
      for (; c < width; c++) acc[c] += v * b[r + c];
    }
    result.set(acc, i * width);
  }
  return result;
}

/** Xᵀ · A, A is rows × b (row-major) → cols × b. */
export function csrTransposeTimesDense(x: CsrMatrix, a: Float64Array, width: number, out?: Float64Array): Float64Array {
  const result = out ?? new Float64Array(x.cols * width);
  result.fill(0);
  const { indptr, indices, data } = x;
  for (let i = 0; i < x.rows; i++) {
    const o = i * width;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const v = data[p];
      const r = indices[p] * width;
      let c = 0;
      for (; c + 3 < width; c += 4) {
        result[r + c] += v * a[o + c];
        result[r + c + 1] += v * a[o + c + 1];
        result[r + c + 2] += v * a[o + c + 2];
        result[r + c + 3] += v * a[o + c + 3];
      }
      for (; c < width; c++) result[r + c] += v * a[o + c];
    }
  }
  return result;
}

/** Scale each row to unit L2 norm (empty rows stay zero). */
export function normaliseCsrRows(x: CsrMatrix): void {
  for (let i = 0; i < x.rows; i++) {
    let s = 0;
    for (let p = x.indptr[i]; p < x.indptr[i + 1]; p++) s += x.data[p] * x.data[p];
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let p = x.indptr[i]; p < x.indptr[i + 1]; p++) x.data[p] *= inv;
    }
  }
}
