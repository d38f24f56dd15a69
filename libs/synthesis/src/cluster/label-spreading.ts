/**
 * Label spreading (Zhou et al. 2004) of seed groups over the normalised kNN
 * affinity: F ← α·S·F + (1 − α)·Y. Each point ends up with a soft membership to
 * every seed group, following the graph; used to let a few moderator tags pull
 * their whole neighbourhood along, not only the tagged quotes themselves.
 */
import { csrTimesDense, type CsrMatrix } from '../vectors';

/** n × groups row-major memberships (rows L2-normalised; zero rows where nothing reached). */
export function spreadLabels(affinity: CsrMatrix, groups: Int32Array, groupCount: number, alpha = 0.9, iterations = 20): Float64Array {
  const n = affinity.rows;
  const y = new Float64Array(n * groupCount);
  for (let i = 0; i < n; i++) if (groups[i] >= 0 && groups[i] < groupCount) y[i * groupCount + groups[i]] = 1;
  let f: Float64Array = Float64Array.from(y);
  for (let t = 0; t < iterations; t++) {
    const next = csrTimesDense(affinity, f, groupCount);
    for (let p = 0; p < next.length; p++) next[p] = alpha * next[p] + (1 - alpha) * y[p];
    f = next;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let g = 0; g < groupCount; g++) s += f[i * groupCount + g] ** 2;
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let g = 0; g < groupCount; g++) f[i * groupCount + g] *= inv;
    }
  }
  return f;
}
