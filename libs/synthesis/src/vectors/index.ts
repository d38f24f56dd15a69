export { type CsrMatrix, csrTimesDense, csrTransposeTimesDense, normaliseCsrRows } from './csr';
export { tfidf, defaultTfidfOptions, type TfidfOptions, type TfidfResult } from './tfidf';
export { randomizedSvd, type RandomizedSvdOptions, type RandomizedSvdResult } from './randomized-svd';
export { symmetricEigen, type SymmetricEigen } from './symmetric-eigen';
export { embedTexts, DEFAULT_DIMENSIONS, type EmbedOptions, type Embedding } from './embed';
export { normaliseRows, rowDot } from './dense';
export { hashString } from './feature-hash';
