import { decodeText } from '../encoding/decode-text';
import { ImportError, ImportErrorCode } from '../import-error';
import { parseDocx } from './parse-docx';
import { parsePlainText } from './parse-plain-text';
import { parseSrt } from './parse-srt';
import { parseVtt } from './parse-vtt';
import type { ParsedTranscript, TranscriptFormat } from './transcript.types';

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', '']);
const SRT_TIMING = /^\s*\d{1,3}:\d{2}:\d{2},\d{1,3}\s+-->\s+\d{1,3}:\d{2}:\d{2},\d{1,3}/m;

/**
 * Parses an interview or focus-group transcript. The format comes from the content first
 * (DOCX zip magic `PK`, a `WEBVTT` header, an SRT timing line with a comma), then from the
 * extension (.vtt, .srt, .docx, .txt/.text/.md or none). Throws `ImportError` for an empty
 * file, binary junk, legacy .doc, an unsupported extension, or a file with no transcript text.
 */
export async function parseTranscript(buffer: Buffer | Uint8Array, fileName: string): Promise<ParsedTranscript> {
  if (buffer.length === 0) throw new ImportError(ImportErrorCode.EmptyFile, `The file "${fileName}" is empty`);
  const extension = fileExtension(fileName);
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    if (extension !== 'docx' && extension !== '') throw unsupported(fileName, 'it is a ZIP archive (a DOCX saved with another extension?)');
    return parseDocx(buffer);
  }
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError(ImportErrorCode.UnsupportedFormat, `"${fileName}" is a legacy Word .doc file: save it as .docx and upload again`);
  }
  if (extension === 'docx') throw new ImportError(ImportErrorCode.InvalidDocx, `"${fileName}" is not a valid DOCX file`);

  const { text } = decodeText(buffer);
  if (looksBinary(text)) throw new ImportError(ImportErrorCode.BinaryFile, `"${fileName}" is not a text file`);
  if (text.trim().length === 0) throw new ImportError(ImportErrorCode.EmptyFile, `The file "${fileName}" is empty`);

  const format = sniffTextFormat(text, extension);
  if (format === null) {
    throw unsupported(fileName, 'expected a WebVTT (.vtt), SubRip (.srt), Word (.docx) or plain-text (.txt) transcript');
  }
  switch (format) {
    case 'vtt':
      return parseVtt(text);
    case 'srt':
      return parseSrt(text);
    case 'txt':
      return parsePlainText(text);
  }
}

function sniffTextFormat(text: string, extension: string): Exclude<TranscriptFormat, 'docx'> | null {
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  if (SRT_TIMING.test(text.slice(0, 4096))) return 'srt';
  if (extension === 'vtt') return 'vtt';
  if (extension === 'srt') return 'srt';
  if (TEXT_EXTENSIONS.has(extension)) return 'txt';
  return null;
}

/** Control characters other than tab/newline/form feed, or undecodable bytes, in more than 1% of the text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  const suspicious = sample.match(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return suspicious > Math.max(2, sample.length * 0.01);
}

function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function startsWith(buffer: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => buffer[index] === byte);
}

function unsupported(fileName: string, reason: string): ImportError {
  return new ImportError(ImportErrorCode.UnsupportedFormat, `Unsupported transcript file "${fileName}": ${reason}`);
}
