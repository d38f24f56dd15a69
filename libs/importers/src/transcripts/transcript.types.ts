export type TranscriptFormat = 'vtt' | 'srt' | 'docx' | 'txt';

export interface ParsedUtterance {
  /** 0-based position in the transcript. */
  index: number;
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  text: string;
}

export interface DetectedSpeaker {
  name: string;
  utteranceCount: number;
  wordCount: number;
}

export interface ImportWarning {
  /** 1-based line of the source file (or paragraph of a DOCX) the warning is about. */
  line?: number;
  message: string;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  utterances: ParsedUtterance[];
  speakers: DetectedSpeaker[];
  warnings: ImportWarning[];
}

/** One cue, line or table row before consecutive pieces of the same speaker are merged. */
export interface TranscriptSegment {
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  text: string;
}
