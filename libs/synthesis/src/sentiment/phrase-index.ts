/**
 * Matches lexicon phrases (one or more words) against a token sequence.
 *
 * Entries are tokenised with the engine's tokeniser, so they are compared on the
 * same Snowball stems as the text ("понравилось" also matches "понравился").
 * An entry written as "=word" matches the folded word exactly instead of its stem:
 * for short or ambiguous words whose stem collides with something else
 * ("=рад" must not match "ради").
 */
import { foldWord, tokenise, type Token } from '../text';

interface Step {
  key: string;
  exact: boolean;
}

interface Entry<T> {
  steps: Step[];
  value: T;
  order: number;
}

export interface PhraseMatch<T> {
  /** Index of the first matched token. */
  index: number;
  /** Number of tokens matched. */
  length: number;
  value: T;
}

function stepsOf(phrase: string): Step[] {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  const steps: Step[] = [];
  for (const word of words) {
    const exact = word.startsWith('=');
    const bare = exact ? word.slice(1) : word;
    for (const token of tokenise(bare)) {
      steps.push(exact ? { key: foldWord(token.surface), exact: true } : { key: token.stem, exact: false });
    }
  }
  return steps;
}

function tokenKey(token: Token, exact: boolean): string {
  return exact ? token.norm : token.stem;
}

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private count = 0;

  /** Adds a phrase; when the same words were added before, the first value wins. */
  add(phrase: string, value: T): void {
    const steps = stepsOf(phrase);
    if (steps.length === 0) return;
    const first = (steps[0].exact ? '=' : '~') + steps[0].key;
    const list = this.byFirst.get(first) ?? [];
    const signature = steps.map((s) => (s.exact ? '=' : '~') + s.key).join(' ');
    if (list.some((e) => e.steps.map((s) => (s.exact ? '=' : '~') + s.key).join(' ') === signature)) return;
    list.push({ steps, value, order: this.count++ });
    // Longest first, then insertion order: the first hit found is the preferred one.
    list.sort((a, b) => b.steps.length - a.steps.length || a.order - b.order);
    this.byFirst.set(first, list);
  }

  get size(): number {
    return this.count;
  }

  /** The longest entry starting at token `index`, or null. */
  matchAt(tokens: readonly Token[], index: number): PhraseMatch<T> | null {
    const token = tokens[index];
    if (!token) return null;
    const exact = this.byFirst.get('=' + token.norm);
    const stemmed = this.byFirst.get('~' + token.stem);
    if (!exact && !stemmed) return null;
    const candidates =
      exact && stemmed
        ? [...exact, ...stemmed].sort((a, b) => b.steps.length - a.steps.length || a.order - b.order)
        : (exact ?? stemmed ?? []);
    for (const entry of candidates) {
      if (index + entry.steps.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < entry.steps.length; k++) {
        const step = entry.steps[k];
        if (tokenKey(tokens[index + k], step.exact) !== step.key) {
          ok = false;
          break;
        }
      }
      if (ok) return { index, length: entry.steps.length, value: entry.value };
    }
    return null;
  }

  /** All non-overlapping matches, scanning left to right and preferring the longest. */
  findAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = this.matchAt(tokens, i);
      if (hit) {
        out.push(hit);
        i += hit.length;
      } else {
        i++;
      }
    }
    return out;
  }
}
