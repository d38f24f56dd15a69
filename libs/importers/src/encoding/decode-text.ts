/** Text encodings the importers recognise. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export interface SniffedEncoding {
  encoding: TextEncoding;
  /** Length of the byte-order mark to skip, 0 when there is none. */
  bomLength: number;
}

/**
 * Guesses the encoding of a file from its first bytes.
 *
 * 1. A byte-order mark wins (UTF-8, UTF-16 LE, UTF-16 BE).
 * 2. Without one, UTF-16 is assumed when at least 30% of the odd (LE) or even (BE) bytes are
 *    zero: ASCII-heavy UTF-16 written without a BOM.
 * 3. Bytes that are valid UTF-8 (strictly: no overlongs, no surrogates) are UTF-8. A multi-byte
 *    sequence cut off at the end of `prefix` is tolerated when `complete` is false.
 * 4. Anything else is Windows-1251, the usual encoding of Cyrillic files saved on Windows.
 */
export function sniffEncoding(prefix: Uint8Array, complete = true): SniffedEncoding {
  if (prefix.length >= 3 && prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (prefix.length >= 2 && prefix[0] === 0xff && prefix[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (prefix.length >= 2 && prefix[0] === 0xfe && prefix[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = sniffUtf16WithoutBom(prefix);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(prefix, complete) ? 'utf-8' : 'windows-1251', bomLength: 0 };
}

/** Decodes a whole file: see {@link sniffEncoding}; CRLF and lone CR become LF; a BOM is dropped. */
export function decodeText(buffer: Uint8Array): DecodedText {
  const { encoding, bomLength } = sniffEncoding(buffer);
  const raw = new TextDecoder(encoding).decode(buffer.subarray(bomLength));
  return { text: normaliseLineBreaks(raw.startsWith('\uFEFF') ? raw.slice(1) : raw), encoding };
}

export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = sample / 2;
  if (zeroOdd / pairs >= 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs >= 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  return null;
}
