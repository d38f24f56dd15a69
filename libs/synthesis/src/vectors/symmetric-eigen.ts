/**
 * Eigen-decomposition of a small dense symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL algorithm (the classic EISPACK
 * tred2/tql2 pair as in JAMA). O(w³), used on the w × w matrix of randomized SVD.
 */
export interface SymmetricEigen {
  /** Eigenvalues in descending order. */
  values: Float64Array;
  /** Column j of this w × w row-major matrix is the eigenvector of values[j]. */
  vectors: Float64Array;
}

export function symmetricEigen(matrix: Float64Array, w: number): SymmetricEigen {
  // Rows of the (symmetric) input, which is also its transpose.
  const W: Float64Array[] = [];
  for (let i = 0; i < w; i++) W.push(Float64Array.from(matrix.subarray(i * w, (i + 1) * w)));
  const d = new Float64Array(w);
  const e = new Float64Array(w);
  // Both steps work on the transpose W = Vᵀ of the eigenvector matrix (the input is
  // symmetric, so it starts equal to its transpose): their inner loops then stream
  // contiguous rows instead of striding down columns.
  if (w > 0) {
    tred2(W, d, e, w);
    tql2(W, d, e, w);
  }
  // Sort descending.
  const order = Array.from({ length: w }, (_, i) => i).sort((a, b) => d[b] - d[a]);
  const values = new Float64Array(w);
  const vectors = new Float64Array(w * w);
  for (let j = 0; j < w; j++) {
    const src = order[j];
    values[j] = d[src];
    const column = W[src];
    for (let i = 0; i < w; i++) vectors[i * w + j] = column[i];
  }
  return { values, vectors };
}

/** Householder tridiagonalisation (JAMA's tred2) written on U = Vᵀ: V[a][b] is U[b][a]. */
function tred2(U: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = U[j][n - 1];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = U[j][i - 1];
        U[j][i] = 0;
        U[i][j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        U[i][j] = f;
        g = e[j] + U[j][j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += U[j][k] * d[k];
          e[k] += U[j][k] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) U[j][k] -= f * e[k] + g * d[k];
        d[j] = U[j][i - 1];
        U[j][i] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    U[i][n - 1] = U[i][i];
    U[i][i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = U[i + 1][k] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += U[i + 1][k] * U[j][k];
        for (let k = 0; k <= i; k++) U[j][k] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) U[i + 1][k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = U[j][n - 1];
    U[j][n - 1] = 0;
  }
  U[n - 1][n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e); W holds the eigenvectors as rows (W = Vᵀ). */
function tql2(W: Float64Array[], d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Math.pow(2, -52);
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        iter++;
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          const vi = W[i];
          const vi1 = W[i + 1];
          for (let k = 0; k < n; k++) {
            h = vi1[k];
            vi1[k] = s * vi[k] + c * h;
            vi[k] = c * vi[k] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1 && iter < 60);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
}
