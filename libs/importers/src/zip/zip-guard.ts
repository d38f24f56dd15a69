import { inflateRawSync } from 'node:zlib';
import { ImportError, ImportErrorCode } from '../import-error';

export interface ZipLimits {
  /** Total bytes of all entries once decompressed. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** Office files of any sensible size fit in this; a zip bomb does not. */
export const OFFICE_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 100 * 1024 * 1024, maxEntries: 10_000 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;


/**
 * Checks a ZIP (DOCX, XLSX) before a parser opens it: walks the central directory
 * and inflates every entry with a hard cap on the output, so the sizes are the real
 * ones, not the ones the archive claims. Throws for too many entries, too much
 * decompressed data (a zip bomb), ZIP64 or an unreadable archive.
 */
export function assertSafeZip(data: Uint8Array, code: ImportErrorCode = ImportErrorCode.BinaryFile, limits: ZipLimits = OFFICE_ZIP_LIMITS): void {
  const bomb = (message: string) => new ImportError(code, `The file was refused: ${message}`);
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 65_557); at--) {
    if (buffer.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw bomb('it is not a readable ZIP archive');
  const entries = buffer.readUInt16LE(eocd + 10);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw bomb('ZIP64 archives are not accepted');
  if (entries > limits.maxEntries) throw bomb(`it holds more than ${limits.maxEntries} files`);
  let budget = limits.maxTotalBytes;
  let at = directoryOffset;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) throw bomb('its directory is damaged');
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) throw bomb('an entry is damaged');
    const start = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const compressed = buffer.subarray(start, start + compressedSize);
    if (compressed.length !== compressedSize) throw bomb('an entry is truncated');
    let size: number;
    if (method === 0) size = compressedSize;
    else if (method === 8) {
      try {
        size = inflateRawSync(compressed, { maxOutputLength: Math.max(1, budget) }).length;
      } catch {
        throw bomb(`it expands to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB or is damaged`);
      }
    } else throw bomb(`an entry uses an unsupported compression method (${method})`);
    budget -= size;
    if (budget < 0) throw bomb(`it expands to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`);
  }
}
