import { ImportError, ImportErrorCode } from '../import-error';
import { buildTranscript } from './build-transcript';
import { readTranscriptLines } from './transcript-lines';
import type { ParsedTranscript } from './transcript.types';

/** Plain-text "Speaker: text" transcripts; the rules are those of `readTranscriptLines`. */
export function parsePlainText(text: string): ParsedTranscript {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ line: index + 1, text: line, boldLabel: null }));
  const transcript = buildTranscript('txt', readTranscriptLines(lines), []);
  if (transcript.utterances.length === 0) {
    throw new ImportError(ImportErrorCode.NoUtterances, 'The text file contains no transcript text');
  }
  return transcript;
}
