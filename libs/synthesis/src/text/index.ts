export { normalise, foldWord, NUMBER_PLACEHOLDER } from './normalise';
export { detectLanguage } from './language';
export { tokenise, type Token } from './tokenise';
export { stem } from './stem';
export { isStopWord, stopWords } from './stop-words';
export { SurfaceMap } from './surface-map';
export { wordScript } from './script';
export { CsvParser, parseCsv } from './csv';
