import type { ResponseTableInput } from './response-table.types';

/** The first bytes of a stream, and the whole stream (those bytes included) still to be read. */
export interface PeekedBytes {
  prefix: Buffer;
  /** True when the prefix is the whole input. */
  complete: boolean;
  chunks: AsyncIterable<Buffer>;
}

/** Reads chunks until at least `size` bytes (or the end) are known, without consuming them. */
export async function peekBytes(input: ResponseTableInput, size: number): Promise<PeekedBytes> {
  const iterator = toChunks(input)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let length = 0;
  let complete = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      complete = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    yield* head;
    if (complete) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { prefix: Buffer.concat(head).subarray(0, size), complete, chunks: chunks() };
}

/**
 * Whole inputs and large chunks are handed on in 8 KB views (no copy): a parser fed one big chunk
 * parses all of it at once, so a reader that wants the first rows would get the whole file in memory.
 */
const PIECE_BYTES = 8 * 1024;

async function* toChunks(input: ResponseTableInput): AsyncGenerator<Buffer> {
  if (input instanceof Uint8Array) {
    yield* pieces(asBuffer(input));
    return;
  }
  for await (const chunk of input) {
    if (chunk.length > 0) yield* pieces(asBuffer(chunk));
  }
}

function* pieces(buffer: Buffer): Generator<Buffer> {
  for (let start = 0; start < buffer.length; start += PIECE_BYTES) yield buffer.subarray(start, start + PIECE_BYTES);
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
