/**
 * Sparse TF-IDF of quotes with two blocks of features:
 *  - words: stems of content words and stem bigrams (bigrams keep stop words so
 *    phrases like "top up" or "не работает" survive);
 *  - characters: char_wb n-grams of each word padded with spaces, robust to
 *    inflection, typos and compounds that stemming misses.
 * Features are hashed into fixed bucket ranges; tf is sublinear (1 + ln tf), idf
 * smoothed, each block L2-normalised and weighted, then the row re-normalised.
 */
import type { Lang } from '../types';
import { tokenise, type Token } from '../text';
import type { CsrMatrix } from './csr';
import { hashRange, hashString } from './feature-hash';

export interface TfidfOptions {
  /** Character n-gram sizes (inclusive). */
  charMin?: number;
  charMax?: number;
  /** Include stem bigrams in the word block. */
  wordBigrams?: boolean;
  /** Share of the squared norm given to the character block (0..1). */
  charWeight?: number;
  /** Features in fewer documents are dropped (1 keeps everything; 0 = automatic). */
  minDf?: number;
  /** Features in more than this share of documents are dropped. */
  maxDfShare?: number;
  /** log2 of the bucket count of each block. */
  wordBits?: number;
  charBits?: number;
}

export interface TfidfResult {
  matrix: CsrMatrix;
  /** 1 when the quote produced no feature (empty, emoji only, only stop words or numbers). */
  empty: Uint8Array;
  /** Tokens of every text, when asked for (keepTokens), so later stages need not tokenise again. */
  tokens?: Token[][];
}

const NS_WORD = 1;
const NS_BIGRAM = 2;
const NS_CHAR = 3;

/** Feature bucket ids of one document (with repeats: counts are taken later). */
function documentFeatures(tokens: Token[], o: Required<TfidfOptions>, out: number[]): void {
  const wordMask = (1 << o.wordBits) - 1;
  const charMask = (1 << o.charBits) - 1;
  const charBase = 1 << o.wordBits;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (!token.stop) out.push(hashString(token.stem, NS_WORD) & wordMask);
    if (o.wordBigrams && t + 1 < tokens.length) {
      const next = tokens[t + 1];
      // A bigram of two stop words ("it is") is grammar, not a phrase.
      if (!(token.stop && next.stop)) out.push(hashString(`${token.stem} ${next.stem}`, NS_BIGRAM) & wordMask);
    }
    const padded = ` ${token.norm} `;
    const len = padded.length;
    for (let n = o.charMin; n <= o.charMax; n++) {
      if (len < n) {
        // sklearn char_wb: a word shorter than n contributes itself once.
        if (n === o.charMin || len >= n - 1) out.push(charBase + (hashRange(padded, 0, len, NS_CHAR) & charMask));
        break;
      }
      for (let i = 0; i + n <= len; i++) out.push(charBase + (hashRange(padded, i, i + n, NS_CHAR) & charMask));
    }
  }
}

/** Growable typed storage for the per-document (feature, count) lists of the first pass. */
class Postings {
  ids = new Int32Array(1 << 16);
  counts = new Float32Array(1 << 16);
  size = 0;
  push(id: number, count: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Float32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.ids[this.size] = id;
    this.counts[this.size] = count;
    this.size++;
  }
}

export function defaultTfidfOptions(options: TfidfOptions = {}): Required<TfidfOptions> {
  return {
    charMin: options.charMin ?? 2,
    charMax: options.charMax ?? 5,
    wordBigrams: options.wordBigrams ?? true,
    charWeight: options.charWeight ?? 0.5,
    minDf: options.minDf ?? 0,
    maxDfShare: options.maxDfShare ?? 1,
    wordBits: options.wordBits ?? 20,
    charBits: options.charBits ?? 21,
  };
}

/** TF-IDF matrix of texts; `langs[i]` is the fallback language of quote i's digits. */
export function tfidf(
  texts: readonly string[],
  options: TfidfOptions = {},
  langs?: readonly (Lang | undefined)[],
  keepTokens = false,
): TfidfResult {
  const o = defaultTfidfOptions(options);
  const n = texts.length;
  const buckets = (1 << o.wordBits) + (1 << o.charBits);
  const charBase = 1 << o.wordBits;
  const postings = new Postings();
  const docStart = new Int32Array(n + 1);
  const df = new Int32Array(buckets);
  const scratch: number[] = [];
  const kept: Token[][] | undefined = keepTokens ? new Array<Token[]>(n) : undefined;

  // Pass 1: hashed feature counts per document, document frequencies.
  for (let d = 0; d < n; d++) {
    scratch.length = 0;
    const tokens = tokenise(texts[d] ?? '', langs?.[d]);
    if (kept) kept[d] = tokens;
    // A quote made only of stop words and numbers says nothing topical: no features,
    // so it stays unclustered instead of being pulled in by its character n-grams.
    if (tokens.some((t) => !t.stop)) documentFeatures(tokens, o, scratch);
    const ids = Int32Array.from(scratch).sort();
    let i = 0;
    while (i < ids.length) {
      let j = i + 1;
      while (j < ids.length && ids[j] === ids[i]) j++;
      postings.push(ids[i], j - i);
      df[ids[i]]++;
      i = j;
    }
    docStart[d + 1] = postings.size;
  }

  // Keep features seen in enough (but not too many) documents; compact their ids.
  // Default: drop single-document features only in larger corpora, where they are
  // mostly typos and noise; in a small study every word counts.
  const minDf = Math.max(1, Math.min(o.minDf || (n >= 500 ? 2 : 1), n));
  const maxDf = Math.max(minDf, Math.floor(o.maxDfShare * n));
  const column = new Int32Array(buckets).fill(-1);
  let cols = 0;
  let wordCols = 0;
  const idf: number[] = [];
  for (let b = 0; b < buckets; b++) {
    if (df[b] >= minDf && df[b] <= maxDf) {
      column[b] = cols++;
      idf.push(Math.log((1 + n) / (1 + df[b])) + 1);
    }
    // Columns are numbered in bucket order, so word columns are exactly [0, wordCols).
    if (b === charBase - 1) wordCols = cols;
  }

  // Pass 2: weights. Column ids are increasing in bucket order, so each row stays sorted.
  const indptr = new Int32Array(n + 1);
  let nnz = 0;
  for (let d = 0; d < n; d++) {
    for (let p = docStart[d]; p < docStart[d + 1]; p++) if (column[postings.ids[p]] >= 0) nnz++;
    indptr[d + 1] = nnz;
  }
  const indices = new Int32Array(nnz);
  const data = new Float32Array(nnz);
  const empty = new Uint8Array(n);
  const wordScale = Math.sqrt(1 - o.charWeight);
  const charScale = Math.sqrt(o.charWeight);
  let q = 0;
  for (let d = 0; d < n; d++) {
    const from = q;
    let wordNorm = 0;
    let charNorm = 0;
    for (let p = docStart[d]; p < docStart[d + 1]; p++) {
      const bucket = postings.ids[p];
      const c = column[bucket];
      if (c < 0) continue;
      const v = (1 + Math.log(postings.counts[p])) * idf[c];
      indices[q] = c;
      data[q] = v;
      if (bucket < charBase) wordNorm += v * v;
      else charNorm += v * v;
      q++;
    }
    const wf = wordNorm > 0 ? wordScale / Math.sqrt(wordNorm) : 0;
    const cf = charNorm > 0 ? charScale / Math.sqrt(charNorm) : 0;
    let total = 0;
    for (let p = from; p < q; p++) {
      data[p] *= indices[p] < wordCols ? wf : cf;
      total += data[p] * data[p];
    }
    if (total > 0) {
      const inv = 1 / Math.sqrt(total);
      for (let p = from; p < q; p++) data[p] *= inv;
    } else empty[d] = 1;
  }
  return { matrix: { rows: n, cols, indptr, indices, data }, empty, tokens: kept };
}
