import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/core/config/app-config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/core/database/embedded-postgres';
import { configureApp } from '../src/core/http/configure-app';

export interface BenchApp {
  app: NestExpressApplication;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real server (same modules and middleware as `npm start`) on a throwaway embedded PostgreSQL. */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tropa-bench-'));
  chmodSync(dataDir, 0o755);
  const silent = { log: () => undefined, error: (message: string) => console.error(message) };
  const database: EmbeddedDatabase = await startEmbeddedPostgres(dataDir, silent);
  const config = loadConfig({
    NODE_ENV: 'test',
    TROPA_DATA_DIR: dataDir,
    TROPA_SECRET: randomBytes(32).toString('hex'),
    TROPA_RATE_LIMIT: '1000000',
    TROPA_AUTH_RATE_LIMIT: '100000',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, databaseUrl: database.url }), { logger: ['error'], bodyParser: false });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in client for the bench: cookies and the XSRF header handled by hand. */
export class BenchClient {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  private remember(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      this.cookies.set(name, value.join('='));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Bytes of a GET's body, read as a stream (a download). */
  async download(path: string): Promise<number> {
    const response = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookieHeader() } });
    if (!response.ok || !response.body) throw new Error(`GET ${path}: ${response.status}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += (chunk as Uint8Array).length;
    return bytes;
  }

  async request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    if (!this.cookies.has('XSRF-TOKEN')) this.remember(await fetch(`${this.base}/api/auth/csrf`));
    const headers: Record<string, string> = {
      cookie: this.cookieHeader(),
      'x-xsrf-token': decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? ''),
    };
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = contentType;
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    this.remember(response);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

export function peakMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
