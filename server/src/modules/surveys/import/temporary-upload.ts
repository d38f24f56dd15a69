import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { finalize, type Observable } from 'rxjs';

/** An upload as multer hands it over with `temporaryFileStorage`: on disk, not in memory. */
export interface UploadedTemporaryFile {
  originalname: string;
  size: number;
  path: string;
}

type Done = (error: Error | null, info?: { path: string; size: number }) => void;

/**
 * A multer storage engine that streams an upload to a private temporary file, so a 50 MB export
 * is never one Buffer in the server's memory. The file lives only for the request:
 * `RemoveTemporaryUpload` deletes it afterwards, whatever happened.
 */
export const temporaryFileStorage = {
  _handleFile(_request: Request, file: { stream: Readable }, done: Done): void {
    const path = join(tmpdir(), `tropa-upload-${randomUUID()}`);
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
    });
    pipeline(file.stream, createWriteStream(path, { mode: 0o600 })).then(
      () => done(null, { path, size }),
      (error: Error) => {
        void rm(path, { force: true });
        done(error);
      },
    );
  },
  _removeFile(_request: Request, file: { path?: string }, done: (error: Error | null) => void): void {
    if (!file.path) return done(null);
    rm(file.path, { force: true }).then(
      () => done(null),
      (error: Error) => done(error),
    );
  },
};

/** Deletes the request's temporary upload once the handler has answered or failed. */
@Injectable()
export class RemoveTemporaryUpload implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { file?: { path?: string } }>();
    return next.handle().pipe(
      finalize(() => {
        const path = request.file?.path;
        if (path) void rm(path, { force: true });
      }),
    );
  }
}
