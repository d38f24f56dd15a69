import { ImportError, ImportErrorCode } from '../import-error';
import { buildTranscript } from './build-transcript';
import { cuesToSegments, splitCue, type TimedCue } from './cue-text';
import { type CueTiming, parseCueTiming } from './parse-vtt';
import type { ImportWarning, ParsedTranscript } from './transcript.types';

/**
 * SubRip: numbered blocks, `00:00:01,000 --> 00:00:04,000`, text lines, a blank line. Speaker
 * prefixes `Name:`, `[Name]`, `- Name:` are recognised (see `cuesToSegments`); formatting tags
 * are stripped. Tolerant of missing numbers and missing blank lines; a malformed timing line
 * skips its block with a warning naming the line.
 */
export function parseSrt(text: string): ParsedTranscript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const warnings: ImportWarning[] = [];
  const cues: TimedCue[] = [];
  let state: 'between' | 'cue' | 'skip' = 'between';
  let current: { timing: CueTiming; lines: string[] } | null = null;

  const finishCue = (): void => {
    if (current) {
      const pieces = splitCue(current.lines);
      if (pieces.length > 0) cues.push({ ...current.timing, pieces });
    }
    current = null;
  };
  const startCue = (line: string, lineNumber: number): void => {
    const timing = parseCueTiming(line);
    if (timing) {
      current = { timing, lines: [] };
      state = 'cue';
    } else {
      warnings.push({ line: lineNumber, message: `Malformed cue timing "${line.trim()}": block skipped` });
      state = 'skip';
    }
  };
  const isBlockNumber = (index: number): boolean => /^\s*\d+\s*$/.test(lines[index]) && (lines[index + 1] ?? '').includes('-->');

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const blank = line.trim().length === 0;
    if (state === 'cue') {
      if (blank) {
        finishCue();
        state = 'between';
      } else if (line.includes('-->')) {
        finishCue();
        startCue(line, lineNumber);
      } else if (isBlockNumber(index)) {
        finishCue();
        state = 'between';
      } else current?.lines.push(line);
      return;
    }
    if (blank) {
      state = 'between';
      return;
    }
    if (line.includes('-->')) startCue(line, lineNumber);
    else if (state === 'between' && !isBlockNumber(index)) {
      warnings.push({ line: lineNumber, message: 'Text outside a subtitle block was ignored' });
      state = 'skip';
    }
  });
  finishCue();

  if (cues.length === 0) {
    throw new ImportError(ImportErrorCode.NoUtterances, 'The SRT file contains no subtitle blocks with text');
  }
  return buildTranscript('srt', cuesToSegments(cues), warnings);
}
