/**
 * Representative quotes by maximal marginal relevance (Carbonell & Goldstein
 * 1998): each pick balances closeness to the cluster centre against similarity
 * to quotes already picked, so the set is central and not five near-duplicates.
 */
import { dot4 } from '../vectors/dense';

export function representativeMembers(
  members: readonly number[],
  vectors: Float64Array,
  dim: number,
  centroid: Float64Array,
  count: number,
  tradeoff = 0.7,
): number[] {
  const chosen: number[] = [];
  const relevance = members.map((i) => dot4(vectors, i * dim, centroid, 0, dim));
  const maxSimToChosen = new Float64Array(members.length).fill(-Infinity);
  const used = new Uint8Array(members.length);
  while (chosen.length < Math.min(count, members.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let m = 0; m < members.length; m++) {
      if (used[m]) continue;
      const redundancy = chosen.length === 0 ? 0 : maxSimToChosen[m];
      const score = tradeoff * relevance[m] - (1 - tradeoff) * redundancy;
      if (score > bestScore) {
        bestScore = score;
        best = m;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    chosen.push(members[best]);
    for (let m = 0; m < members.length; m++) {
      if (used[m]) continue;
      const s = dot4(vectors, members[m] * dim, vectors, members[best] * dim, dim);
      if (s > maxSimToChosen[m]) maxSimToChosen[m] = s;
    }
  }
  return chosen;
}
