/**
 * Compiles touchpoint aliases into token patterns and finds them in quotes.
 *
 * Each alias word becomes one step:
 * - "word*"  → prefix: the folded token starts with `word` (at most 8 more letters);
 * - "=word"  → exact: the folded token equals `word`;
 * - ≤ 3 letters → short: the folded token equals the word, or the word plus a case
 *   ending from SHORT_ENDINGS ("бот" → "ботом", "смс" → "смски"); never a substring,
 *   so "вк" does not fire inside "вкусно";
 * - otherwise → stem: same Snowball stem ("приложении" ~ "приложение").
 * Multi-word aliases match consecutive tokens. Overlapping matches resolve to the
 * longest, leftmost one, which carries the values of every alias inside it.
 */
import { foldWord, tokenise, type Token } from '../text';

type Step =
  | { kind: 'stem'; key: string }
  | { kind: 'exact'; key: string }
  | { kind: 'short'; key: string }
  | { kind: 'prefix'; key: string };

export interface AliasPattern<T> {
  steps: Step[];
  value: T;
  /** Folded words that must not be taken for this alias. */
  exclude: ReadonlySet<string>;
  order: number;
}

export interface AliasMatch<T> {
  /** Token indexes [first, first + length). */
  first: number;
  length: number;
  start: number;
  end: number;
  /** Values of the aliases inside the span: the span's own (longest) aliases first. */
  values: T[];
}

const SHORT_ENDINGS = [
  'а', 'у', 'е', 'ом', 'ой', 'ы', 'и', 'ов', 'ам', 'ами', 'ах', 'ке', 'ки', 'ку', 'кой', 'шка', 'шке', 'шку', 'шки',
  'ик', 'ике', 'ика', 'ом', 's', "'s", 'es',
];
const MAX_PREFIX_EXTRA = 8;
const SHORT_LENGTH = 3;

function stepsOf(alias: string): Step[] {
  const steps: Step[] = [];
  for (const word of alias.trim().split(/\s+/).filter(Boolean)) {
    const exact = word.startsWith('=');
    const prefix = word.endsWith('*');
    const bare = word.replace(/^=/, '').replace(/\*$/, '');
    const tokens = tokenise(bare);
    tokens.forEach((token, i) => {
      const last = i === tokens.length - 1;
      if (prefix && last) steps.push({ kind: 'prefix', key: token.norm });
      else if (exact) steps.push({ kind: 'exact', key: foldWord(token.surface) });
      else if (token.norm.length <= SHORT_LENGTH) steps.push({ kind: 'short', key: token.norm });
      else steps.push({ kind: 'stem', key: token.stem });
    });
  }
  return steps;
}

function stepMatches(step: Step, token: Token): boolean {
  switch (step.kind) {
    case 'stem':
      return token.stem === step.key;
    case 'exact':
      return token.norm === step.key;
    case 'prefix':
      return token.norm.startsWith(step.key) && token.norm.length - step.key.length <= MAX_PREFIX_EXTRA;
    case 'short':
      if (token.norm === step.key) return true;
      if (!token.norm.startsWith(step.key)) return false;
      return SHORT_ENDINGS.includes(token.norm.slice(step.key.length));
  }
}

export class AliasMatcher<T> {
  private readonly patterns: AliasPattern<T>[] = [];
  private readonly byStem = new Map<string, AliasPattern<T>[]>();
  private readonly byWord = new Map<string, AliasPattern<T>[]>();
  private readonly byPrefix: AliasPattern<T>[] = [];

  add(alias: string, value: T, exclude: readonly string[] = []): void {
    const steps = stepsOf(alias);
    if (steps.length === 0) return;
    const pattern: AliasPattern<T> = { steps, value, exclude: new Set(exclude.map(foldWord)), order: this.patterns.length };
    this.patterns.push(pattern);
    const first = steps[0];
    if (first.kind === 'prefix') this.byPrefix.push(pattern);
    else {
      const map = first.kind === 'stem' ? this.byStem : this.byWord;
      const list = map.get(first.key) ?? [];
      list.push(pattern);
      map.set(first.key, list);
    }
  }

  private candidates(token: Token): AliasPattern<T>[] {
    const out: AliasPattern<T>[] = [];
    const push = (list: AliasPattern<T>[] | undefined): void => {
      if (list) out.push(...list);
    };
    push(this.byStem.get(token.stem));
    push(this.byWord.get(token.norm));
    for (const ending of SHORT_ENDINGS) {
      if (token.norm.length > ending.length && token.norm.endsWith(ending)) {
        const base = token.norm.slice(0, -ending.length);
        if (base.length <= SHORT_LENGTH) push(this.byWord.get(base));
      }
    }
    for (const p of this.byPrefix) if (token.norm.startsWith(p.steps[0].key)) out.push(p);
    return out;
  }

  /** Longest-leftmost, non-overlapping matches. */
  find(tokens: readonly Token[]): AliasMatch<T>[] {
    const raw: Array<{ first: number; length: number; pattern: AliasPattern<T> }> = [];
    for (let i = 0; i < tokens.length; i++) {
      const seen = new Set<AliasPattern<T>>();
      for (const pattern of this.candidates(tokens[i])) {
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        const n = pattern.steps.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const token = tokens[i + k];
          ok = stepMatches(pattern.steps[k], token) && !pattern.exclude.has(token.norm);
        }
        if (ok) raw.push({ first: i, length: n, pattern });
      }
    }
    raw.sort((a, b) => a.first - b.first || b.length - a.length || a.pattern.order - b.pattern.order);
    const out: AliasMatch<T>[] = [];
    let next = 0;
    for (const r of raw) {
      if (r.first < next) continue;
      out.push({
        first: r.first,
        length: r.length,
        start: tokens[r.first].start,
        end: tokens[r.first + r.length - 1].end,
        values: [],
      });
      next = r.first + r.length;
    }
    // Every alias inside a chosen span contributes its value ("мобильное приложение"
    // also carries the inventory's plain "приложение").
    let j = 0;
    for (const r of raw) {
      while (j < out.length && out[j].first + out[j].length <= r.first) j++;
      const span = out[j];
      if (!span || r.first < span.first || r.first + r.length > span.first + span.length) continue;
      if (!span.values.includes(r.pattern.value)) span.values.push(r.pattern.value);
    }
    return out;
  }
}
