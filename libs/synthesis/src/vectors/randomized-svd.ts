/**
 * Randomized truncated SVD (Halko, Martinsson & Tropp 2011) of a sparse CSR matrix.
 *
 * Range finder Y = X Ω, q power iterations Y ← X Xᵀ Y with re-orthonormalisation
 * after each product (CholeskyQR2), then the small w × w matrix Qᵀ X Xᵀ Q is
 * eigen-decomposed: its eigenvalues are σ², its eigenvectors rotate Q into the
 * left singular vectors. Everything that would be cols × w (Ω, Xᵀ Q) is only ever
 * materialised in column blocks, so memory stays O(n·w + cols·block) and we never
 * build a dense n × vocabulary matrix.
 */
import { Rng } from '../rng';
import { csrTimesDense, csrTransposeTimesDense, type CsrMatrix } from './csr';
import { orthonormaliseColumns, setColumns, sliceColumns, times, transposeTimes } from './dense';
import { symmetricEigen } from './symmetric-eigen';

export interface RandomizedSvdOptions {
  seed?: number;
  /** Extra random directions beyond k; improves accuracy of the last components. */
  oversample?: number;
  powerIterations?: number;
  /** Bytes allowed for one cols × block temporary. */
  blockBytes?: number;
}

export interface RandomizedSvdResult {
  /** rows × k row-major: U Σ, i.e. the rows of X projected on the top right singular vectors. */
  projection: Float64Array;
  k: number;
  singularValues: Float64Array;
}

export function randomizedSvd(x: CsrMatrix, k: number, options: RandomizedSvdOptions = {}): RandomizedSvdResult {
  const n = x.rows;
  const maxRank = Math.min(n, x.cols);
  const rank = Math.max(0, Math.min(k, maxRank));
  if (rank === 0) return { projection: new Float64Array(0), k: 0, singularValues: new Float64Array(0) };
  const w = Math.min(rank + (options.oversample ?? 10), maxRank);
  const rng = new Rng(options.seed ?? 42);
  const block = Math.max(4, Math.min(w, Math.floor((options.blockBytes ?? 48e6) / (8 * Math.max(1, x.cols)))));

  // Y = X Ω, Ω Gaussian cols × w, generated one column block at a time.
  const y = new Float64Array(n * w);
  for (let from = 0; from < w; from += block) {
    const width = Math.min(block, w - from);
    const omega = new Float64Array(x.cols * width);
    for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
    setColumns(y, n, w, from, csrTimesDense(x, omega, width), width);
  }
  const iterations = options.powerIterations ?? 2;
  orthonormaliseColumns(y, n, w, iterations === 0 ? 2 : 1);

  for (let q = 0; q < iterations; q++) {
    const next = gramTimes(x, y, w, block);
    y.set(next);
    // One CholeskyQR pass: orthogonality error ~ κ²·ε is far below what the small
    // eigenproblem and clustering can notice, and it halves the dense work.
    orthonormaliseColumns(y, n, w, 1);
  }

  // M = Qᵀ X Xᵀ Q (w × w), symmetric positive semi-definite.
  const z = gramTimes(x, y, w, block);
  const m = transposeTimes(y, z, n, w, w);
  for (let i = 0; i < w; i++) {
    for (let j = i + 1; j < w; j++) {
      const s = 0.5 * (m[i * w + j] + m[j * w + i]);
      m[i * w + j] = s;
      m[j * w + i] = s;
    }
  }
  const { values, vectors } = symmetricEigen(m, w);
  // U Σ = Q V Σ restricted to the top `rank` eigenpairs.
  const singularValues = new Float64Array(rank);
  const rotation = new Float64Array(w * rank);
  for (let j = 0; j < rank; j++) {
    const sigma = Math.sqrt(Math.max(0, values[j]));
    singularValues[j] = sigma;
    for (let i = 0; i < w; i++) rotation[i * rank + j] = vectors[i * w + j] * sigma;
  }
  return { projection: times(y, rotation, n, w, rank), k: rank, singularValues };
}

/** X Xᵀ Y for Y n × w, computed column block by column block (Xᵀ Y_b is cols × block). */
function gramTimes(x: CsrMatrix, y: Float64Array, w: number, block: number): Float64Array {
  const n = x.rows;
  const out = new Float64Array(n * w);
  for (let from = 0; from < w; from += block) {
    const width = Math.min(block, w - from);
    const yb = sliceColumns(y, n, w, from, width);
    const t = csrTransposeTimesDense(x, yb, width);
    setColumns(out, n, w, from, csrTimesDense(x, t, width), width);
  }
  return out;
}
