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

/**
 * X · B, B is cols × b (row-major) → rows × b. Each output row is accumulated in a
 * small buffer (stays in L1) from four sparse entries at a time, so the buffer is
 * loaded and stored once per four multiply-adds instead of once per one.
 */
export function csrTimesDense(x: CsrMatrix, b: Float64Array, width: number, out?: Float64Array): Float64Array {
  const result = out ?? new Float64Array(x.rows * width);
  const { indptr, indices, data } = x;
  const acc = new Float64Array(width);
  for (let i = 0; i < x.rows; i++) {
    acc.fill(0);
    const end = indptr[i + 1];
    let p = indptr[i];
    for (; p + 3 < end; p += 4) {
      const v0 = data[p];
      const v1 = data[p + 1];
      const v2 = data[p + 2];
      const v3 = data[p + 3];
      const r0 = indices[p] * width;
      const r1 = indices[p + 1] * width;
      const r2 = indices[p + 2] * width;
      const r3 = indices[p + 3] * width;
      for (let c = 0; c < width; c++) acc[c] += v0 * b[r0 + c] + v1 * b[r1 + c] + v2 * b[r2 + c] + v3 * b[r3 + c];
    }
    for (; p < end; p++) {
      const v = data[p];
      const r = indices[p] * width;
      for (let c = 0; c < width; c++) acc[c] += v * b[r + c];
    }
    result.set(acc, i * width);
  }
  return result;
}

/** Xᵀ as a CSR matrix (i.e. X in compressed sparse columns), rows sorted; O(nnz). */
export function transposeCsr(x: CsrMatrix): CsrMatrix {
  const indptr = new Int32Array(x.cols + 1);
  const nnz = x.indptr[x.rows];
  for (let p = 0; p < nnz; p++) indptr[x.indices[p] + 1]++;
  for (let c = 0; c < x.cols; c++) indptr[c + 1] += indptr[c];
  const next = indptr.slice(0, x.cols);
  const indices = new Int32Array(nnz);
  const data = new Float32Array(nnz);
  for (let i = 0; i < x.rows; i++) {
    for (let p = x.indptr[i]; p < x.indptr[i + 1]; p++) {
      const q = next[x.indices[p]]++;
      indices[q] = i;
      data[q] = x.data[p];
    }
  }
  return { rows: x.cols, cols: x.rows, indptr, indices, data };
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
