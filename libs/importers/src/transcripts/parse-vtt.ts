import { ImportError, ImportErrorCode } from '../import-error';
import { buildTranscript } from './build-transcript';
import { cuesToSegments, splitCue, type TimedCue } from './cue-text';
import { parseClockTime } from './timestamp';
import type { ImportWarning, ParsedTranscript } from './transcript.types';

export interface CueTiming {
  startMs: number;
  endMs: number;
}

/**
 * Parses a cue timing line (`00:01:02.345 --> 00:01:05.000 align:start position:10%`). Cue
 * settings after the end time are ignored. Null when either time is malformed or the end is
 * before the start.
 */
export function parseCueTiming(line: string): CueTiming | null {
  const match = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(line);
  if (!match) return null;
  const startMs = parseClockTime(match[1]);
  const endMs = parseClockTime(match[2]);
  if (startMs === null || endMs === null || endMs < startMs) return null;
  return { startMs, endMs };
}

type VttState = 'header' | 'between' | 'cue' | 'skip';

/**
 * WebVTT as exported by Zoom, Teams and Meet. Tolerant: a missing `WEBVTT` header or a missing
 * blank line between cues is a warning, not a failure; a cue with a malformed timing line is
 * skipped with a warning naming the line. Throws when the file holds no cue with text.
 */
export function parseVtt(text: string): ParsedTranscript {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const warnings: ImportWarning[] = [];
  const cues: TimedCue[] = [];
  let state: VttState = 'header';
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
      warnings.push({ line: lineNumber, message: `Malformed cue timing "${line.trim()}": cue skipped` });
      state = 'skip';
    }
  };

  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    warnings.push({ line: 1, message: 'The file does not start with a WEBVTT header' });
    state = 'between';
  }
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const blank = line.trim().length === 0;
    switch (state) {
      case 'header':
        if (blank) state = 'between';
        else if (index > 0 && line.includes('-->')) startCue(line, lineNumber);
        return;
      case 'between':
        if (blank) return;
        if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line)) state = 'skip';
        else if (line.includes('-->')) startCue(line, lineNumber);
        else if (!(lines[index + 1] ?? '').includes('-->')) {
          warnings.push({ line: lineNumber, message: 'Text outside a cue was ignored' });
          state = 'skip';
        }
        return;
      case 'cue':
        if (blank) {
          finishCue();
          state = 'between';
        } else if (line.includes('-->')) {
          finishCue();
          startCue(line, lineNumber);
        } else current?.lines.push(line);
        return;
      case 'skip':
        if (blank) state = 'between';
        return;
    }
  });
  finishCue();

  if (cues.length === 0) {
    throw new ImportError(ImportErrorCode.NoUtterances, 'The WebVTT file contains no cues with text');
  }
  return buildTranscript('vtt', cuesToSegments(cues), warnings);
}
