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
import { csrTimesDense, transposeCsr, type CsrMatrix } from './csr';
import { orthonormaliseColumns, setColumns, sliceColumns, times, transposeTimesSymmetric } from './dense';
import { symmetricEigen } from './symmetric-eigen';

export interface RandomizedSvdOptions {
  seed?: number;
  /** Extra random directions beyond k; improves accuracy of the last components. */
  oversample?: number;
  powerIterations?: number;
  /**
   * Re-orthonormalise after every this many power iterations (and always after the
   * last). Orthonormalising never changes the spanned subspace, only guards against
   * round-off; with a flat spectrum (a normalised graph affinity) two products in a
   * row lose nothing and halve the dense work.
   */
  orthonormaliseEvery?: number;
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

  const iterations = options.powerIterations ?? 2;

  let y: Float64Array = gaussianSketch(x, w, block, rng);
  // Xᵀ once (O(nnz)), so both products of X Xᵀ Y are row-wise gathers. The n × w and
  // cols × block work buffers are allocated once and reused by every iteration.
  const xt = transposeCsr(x);
  const work: GramWork = { t: new Float64Array(x.cols * block), slice: block < w ? new Float64Array(n * block) : undefined };
  const scratch = new Float64Array(n * w);
  let z: Float64Array = new Float64Array(n * w);
  orthonormaliseColumns(y, n, w, iterations === 0 ? 2 : 1, scratch);

  const every = Math.max(1, Math.floor(options.orthonormaliseEvery ?? 1));
  for (let q = 0; q < iterations; q++) {
    gramTimes(x, xt, y, w, block, work, z);
    [y, z] = [z, y];
    // One CholeskyQR pass: orthogonality error ~ κ²·ε is far below what the small
    // eigenproblem and clustering can notice, and it halves the dense work.
    if ((q + 1) % every === 0 || q === iterations - 1) orthonormaliseColumns(y, n, w, 1, scratch);
  }

  // M = Qᵀ X Xᵀ Q (w × w), symmetric positive semi-definite.
  gramTimes(x, xt, y, w, block, work, z);
  const m = transposeTimesSymmetric(y, z, n, w, scratch);
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

interface GramWork {
  /** cols × block: Xᵀ Y_b. */
  t: Float64Array;
  /** n × block column slice of Y (only when Y is processed in several blocks). */
  slice?: Float64Array;
}

/** out ← X Xᵀ Y for Y n × w, computed column block by column block (Xᵀ Y_b is cols × block); xt is Xᵀ. */
function gramTimes(x: CsrMatrix, xt: CsrMatrix, y: Float64Array, w: number, block: number, work: GramWork, out: Float64Array): void {
  const n = x.rows;
  if (!work.slice) {
    csrTimesDense(xt, y, w, work.t);
    csrTimesDense(x, work.t, w, out);
    return;
  }
  for (let from = 0; from < w; from += block) {
    const width = Math.min(block, w - from);
    const yb = sliceColumns(y, n, w, from, width, work.slice);
    const t = csrTimesDense(xt, yb, width, work.t);
    setColumns(out, n, w, from, csrTimesDense(x, t, width), width);
  }
}

/** Y = X Ω, Ω Gaussian cols × w, generated one column block at a time. */
function gaussianSketch(x: CsrMatrix, w: number, block: number, rng: Rng): Float64Array {
  const n = x.rows;
  const y = new Float64Array(n * w);
  for (let from = 0; from < w; from += block) {
    const width = Math.min(block, w - from);
    const omega = new Float64Array(x.cols * width);
    for (let i = 0; i < omega.length; i++) omega[i] = rng.normal();
    setColumns(y, n, w, from, csrTimesDense(x, omega, width), width);
  }
  return y;
}
