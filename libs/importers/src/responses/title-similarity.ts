/** Lower case, `ё` → `е`, punctuation and symbols → spaces, whitespace collapsed. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Similarity of two question titles in [0, 1], insensitive to case, punctuation and word
 * endings: 1 for equal normalised titles, otherwise 0.6 × Dice of words + 0.4 × Dice of
 * character trigrams. Two words count as the same when equal or when they share a prefix of 4+
 * letters that leaves at most 3 letters of the shorter word ("оцените"/"оценка",
 * "скорость"/"скорости", "delivery"/"deliveries"): a crude stemmer that works for Russian
 * and English alike.
 */
export function titleSimilarity(a: string, b: string): number {
  const left = normaliseTitle(a);
  const right = normaliseTitle(b);
  if (left.length === 0 || right.length === 0) return 0;
  if (left === right) return 1;
  return 0.6 * dice(left.split(' '), right.split(' '), sameWord) + 0.4 * exactDice(trigrams(left), trigrams(right));
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return prefix >= 4 && prefix >= Math.min(a.length, b.length) - 3;
}

function trigrams(text: string): string[] {
  const padded = ` ${text} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

function dice(a: string[], b: string[], same: (x: string, y: string) => boolean): number {
  if (a.length === 0 || b.length === 0) return 0;
  const unmatched = [...a];
  let shared = 0;
  for (const item of b) {
    const index = unmatched.findIndex((candidate) => same(candidate, item));
    if (index !== -1) {
      shared++;
      unmatched.splice(index, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function exactDice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const item of a) counts.set(item, (counts.get(item) ?? 0) + 1);
  let shared = 0;
  for (const item of b) {
    const count = counts.get(item) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(item, count - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
