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

async function* toChunks(input: ResponseTableInput): AsyncGenerator<Buffer> {
  if (input instanceof Uint8Array) {
    yield asBuffer(input);
    return;
  }
  for await (const chunk of input) {
    if (chunk.length > 0) yield asBuffer(chunk);
  }
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
