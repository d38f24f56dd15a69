/**
 * FNV-1a hashing of features straight from character codes, so we never allocate
 * a string per character n-gram (a 80k-quote corpus has ~20M of them) and the
 * vocabulary needs no Map: memory is a fixed number of buckets.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hash of s[from, to) under a namespace (so "ab" as a word and as a 2-gram differ). */
export function hashRange(s: string, from: number, to: number, namespace: number): number {
  let h = (FNV_OFFSET ^ Math.imul(namespace + 1, 0x9e3779b1)) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  // Final avalanche (murmur3 fmix) so low bits are well mixed for the bucket mask.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string, namespace: number): number {
  return hashRange(s, 0, s.length, namespace);
}
