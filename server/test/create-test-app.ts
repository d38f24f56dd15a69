import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/core/config/app-config';
import { configureApp } from '../src/core/http/configure-app';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  /** The suite's own database, for a second process (a worker) to join. */
  databaseUrl: string;
  /** The HTTP server for supertest. */
  server: ReturnType<NestExpressApplication['getHttpServer']>;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['TROPA_TEST_DATABASE_URL'];
  if (!url) throw new Error('TROPA_TEST_DATABASE_URL is not set: run the server tests through jest -c server/jest.config.cjs');
  return url;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A full application on a fresh database of the run's PostgreSQL, with the
 * migrations applied exactly as at start-up. `env` overrides configuration.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = `tropa_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tropa-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    TROPA_DATA_DIR: dataDir,
    TROPA_SECRET: randomBytes(32).toString('hex'),
    TROPA_CLIENT_DIR: join(dataDir, 'no-client'),
    TROPA_AUTH_RATE_LIMIT: '100000',
    TROPA_RATE_LIMIT: '100000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ config, databaseUrl: url.toString() })] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app, config);
  await app.init();
  return {
    app,
    dataSource: app.get(DataSource),
    databaseUrl: url.toString(),
    server: app.getHttpServer(),
    close: async () => {
      await app.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
