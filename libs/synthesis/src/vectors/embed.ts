/**
 * Quote texts → dense, L2-normalised semantic vectors: sparse TF-IDF (words +
 * character n-grams) reduced by randomized truncated SVD (latent semantic
 * analysis). Deterministic for a given seed.
 */
import type { Lang } from '../types';
import type { Token } from '../text';
import { normaliseRows } from './dense';
import { randomizedSvd } from './randomized-svd';
import { tfidf, type TfidfOptions } from './tfidf';

export interface EmbedOptions extends TfidfOptions {
  seed?: number;
  /** Target dimension of the SVD (capped by the data's rank). */
  dimensions?: number;
  powerIterations?: number;
  /** Return each text's tokens too (Embedding.tokens), for stages that would tokenise again. */
  keepTokens?: boolean;
}

export interface Embedding {
  /** rows × dim, row-major, each non-empty row of unit length. */
  vectors: Float64Array;
  rows: number;
  dim: number;
  /** 1 where the quote had no usable feature (its row is zero). */
  empty: Uint8Array;
  singularValues: Float64Array;
  /** Tokens of each text when options.keepTokens was set. */
  tokens?: Token[][];
}

export const DEFAULT_DIMENSIONS = 200;

export function embedTexts(texts: readonly string[], options: EmbedOptions = {}, langs?: readonly (Lang | undefined)[]): Embedding {
  const { matrix, empty, tokens } = tfidf(texts, options, langs, options.keepTokens ?? false);
  const svd = randomizedSvd(matrix, options.dimensions ?? DEFAULT_DIMENSIONS, {
    seed: options.seed,
    powerIterations: options.powerIterations,
  });
  normaliseRows(svd.projection, matrix.rows, svd.k);
  return { vectors: svd.projection, rows: matrix.rows, dim: svd.k, empty, singularValues: svd.singularValues, tokens };
}
