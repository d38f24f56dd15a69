/**
 * Class-based TF-IDF (as in BERTopic): a term's weight in a cluster is its
 * frequency there times log(1 + A / f), where f is its frequency in the whole
 * corpus and A the average number of terms per cluster. Terms are stems and stem
 * bigrams of content words, shown as the words people actually wrote.
 */
import type { SurfaceMap, Token } from '../text';

/** Content terms of a tokenised quote; records surfaces in the map. */
export function termsOf(tokens: Token[], surfaces: SurfaceMap): Map<string, number> {
  const terms = new Map<string, number>();
  const content = tokens.filter((t) => !t.stop && t.stem.length > 1);
  for (const t of content) {
    surfaces.add(t.stem, t.surface);
    terms.set(t.stem, (terms.get(t.stem) ?? 0) + 1);
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.stop || b.stop || a.stem.length < 2 || b.stem.length < 2 || a.stem === b.stem) continue;
    const key = `${a.stem} ${b.stem}`;
    // Remember the phrase as written, so agreement survives ("электронная почта", not
    // the most frequent form of each word glued together).
    surfaces.add(key, `${a.surface} ${b.surface}`);
    terms.set(key, (terms.get(key) ?? 0) + 1);
  }
  return terms;
}

export interface ClassTerm {
  term: string;
  weight: number;
}

/** Top terms of each class given per-quote term bags and class membership lists. */
export function classTfidf(bags: readonly Map<string, number>[], classes: readonly number[][], top: number): ClassTerm[][] {
  const corpus = new Map<string, number>();
  const perClass = classes.map((members) => {
    const tf = new Map<string, number>();
    for (const i of members) {
      for (const [term, c] of bags[i]) {
        tf.set(term, (tf.get(term) ?? 0) + c);
        corpus.set(term, (corpus.get(term) ?? 0) + c);
      }
    }
    return tf;
  });
  let totalTerms = 0;
  for (const tf of perClass) for (const c of tf.values()) totalTerms += c;
  const average = classes.length > 0 ? totalTerms / classes.length : 0;
  return perClass.map((tf, c) => {
    const size = Math.max(1, classes[c].length);
    const scored: ClassTerm[] = [];
    for (const [term, count] of tf) {
      // A term must recur (or the cluster be tiny) to describe a group rather than one quote.
      if (count < 2 && size > 3) continue;
      const bigramBoost = term.includes(' ') ? 1.2 : 1;
      scored.push({ term, weight: bigramBoost * (count / size) * Math.log(1 + average / (corpus.get(term) ?? 1)) });
    }
    scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    // Drop a unigram already contained in a better-ranked bigram, and vice versa duplicates.
    const chosen: ClassTerm[] = [];
    for (const s of scored) {
      if (chosen.length >= top) break;
      const parts = s.term.split(' ');
      const redundant = chosen.some((c) => {
        const cp = c.term.split(' ');
        return parts.every((p) => cp.includes(p)) || cp.every((p) => parts.includes(p));
      });
      if (!redundant) chosen.push(s);
    }
    return chosen;
  });
}
