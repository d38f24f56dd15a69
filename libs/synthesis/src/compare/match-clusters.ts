/**
 * Matching the clusters of two runs by their members, so that what people decided
 * about a cluster (accepted, renamed, discarded) follows it into the next run, and
 * so that two runs can be compared: which clusters are new, which grew or shrank,
 * which are gone.
 *
 * Overlap is Jaccard |A ∩ B| / |A ∪ B| over quote ids. Pairs are taken greedily, best
 * overlap first (ties: larger intersection, then input order), each cluster at most
 * once, and only between compatible kinds (job and theme are interchangeable: a
 * theme can become a job when more of its quotes state one; touchpoints only match
 * touchpoints). The greedy choice is deterministic and, for the few hundred
 * clusters of a run, fast: candidate pairs come from an inverted index of quotes,
 * so clusters sharing no quote are never compared.
 */

export type MatchableKind = 'job' | 'theme' | 'touchpoint';

export interface MatchableCluster {
  id: string;
  kind: MatchableKind;
  memberIds: readonly string[];
}

export type ClusterChangeKind = 'new' | 'grown' | 'shrunk' | 'same';

export interface ClusterPair {
  previousId: string;
  nextId: string;
  /** Jaccard overlap, 0..1, rounded to 4 places. */
  overlap: number;
  shared: number;
  sizeBefore: number;
  sizeAfter: number;
  change: Exclude<ClusterChangeKind, 'new'>;
}

export interface ClusterMatching {
  pairs: ClusterPair[];
  /** Clusters of the next run no previous cluster matches. */
  added: string[];
  /** Clusters of the previous run no next cluster matches. */
  removed: string[];
}

/** Pairs below this overlap are different clusters, not the same one changed. */
export const MIN_OVERLAP = 0.3;

function family(kind: MatchableKind): 'evidence' | 'touchpoint' {
  return kind === 'touchpoint' ? 'touchpoint' : 'evidence';
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function matchClusters(
  previous: readonly MatchableCluster[],
  next: readonly MatchableCluster[],
  minOverlap = MIN_OVERLAP,
): ClusterMatching {
  const owners = new Map<string, number[]>();
  previous.forEach((cluster, index) => {
    for (const id of new Set(cluster.memberIds)) {
      const list = owners.get(id);
      if (list) list.push(index);
      else owners.set(id, [index]);
    }
  });
  const previousSizes = previous.map((c) => new Set(c.memberIds).size);

  interface Candidate {
    p: number;
    n: number;
    shared: number;
    overlap: number;
  }
  const candidates: Candidate[] = [];
  next.forEach((cluster, n) => {
    const members = new Set(cluster.memberIds);
    const shared = new Map<number, number>();
    for (const id of members) {
      for (const p of owners.get(id) ?? []) shared.set(p, (shared.get(p) ?? 0) + 1);
    }
    for (const [p, count] of shared) {
      if (family(previous[p].kind) !== family(cluster.kind)) continue;
      const overlap = count / (previousSizes[p] + members.size - count);
      if (overlap >= minOverlap) candidates.push({ p, n, shared: count, overlap });
    }
  });
  candidates.sort((a, b) => b.overlap - a.overlap || b.shared - a.shared || a.p - b.p || a.n - b.n);

  const takenPrevious = new Set<number>();
  const takenNext = new Set<number>();
  const pairs: ClusterPair[] = [];
  for (const c of candidates) {
    if (takenPrevious.has(c.p) || takenNext.has(c.n)) continue;
    takenPrevious.add(c.p);
    takenNext.add(c.n);
    const sizeBefore = previousSizes[c.p];
    const sizeAfter = new Set(next[c.n].memberIds).size;
    pairs.push({
      previousId: previous[c.p].id,
      nextId: next[c.n].id,
      overlap: round4(c.overlap),
      shared: c.shared,
      sizeBefore,
      sizeAfter,
      change: sizeAfter > sizeBefore ? 'grown' : sizeAfter < sizeBefore ? 'shrunk' : 'same',
    });
  }
  const order = new Map(next.map((c, n) => [c.id, n]));
  pairs.sort((a, b) => (order.get(a.nextId) ?? 0) - (order.get(b.nextId) ?? 0));
  return {
    pairs,
    added: next.filter((_, n) => !takenNext.has(n)).map((c) => c.id),
    removed: previous.filter((_, p) => !takenPrevious.has(p)).map((c) => c.id),
  };
}
