/**
 * Kuhn–Munkres assignment (shortest augmenting path with potentials, O(r²·c))
 * for a rectangular cost matrix. Used to match found clusters to true labels.
 */

/** Minimum-cost assignment; returns for each row the assigned column (or -1 when rows > columns). */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0].length;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  // The algorithm needs rows ≤ columns; transpose otherwise.
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => cost[r][c]));
    const colToRow = hungarian(transposed);
    const result = new Array<number>(rows).fill(-1);
    colToRow.forEach((r, c) => {
      if (r >= 0) result[r] = c;
    });
    return result;
  }
  const INF = Number.POSITIVE_INFINITY;
  // 1-based arrays as in the classic formulation; p[j] = row matched to column j.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(INF);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (p[j] > 0) result[p[j] - 1] = j - 1;
  return result;
}
